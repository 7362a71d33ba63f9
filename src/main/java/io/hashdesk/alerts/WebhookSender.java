package io.hashdesk.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.hashdesk.HashdeskConfig;
import io.hashdesk.secrets.SecretBox;

/**
 * Calls webhooks: claims due deliveries, POSTs each (signed, redirects not followed) outside any
 * transaction, and records the answer: a 2xx is delivery, anything else is retried with backoff for a
 * day. The address is checked again before each call. Any number of senders may run at once.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    static final int BATCH = 20;
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    DataSource dataSource;

    @Inject
    SecretBox box;

    @Inject
    HashdeskConfig config;

    /** Replaced by tests that need a name to resolve somewhere in particular. */
    WebhookAddress.Resolver resolver = WebhookAddress.DNS;

    /** Tests: resolve names with {@code r} (null: DNS again); a method, so that it reaches the bean behind its proxy. */
    void resolveWith(WebhookAddress.Resolver r) {
        resolver = r == null ? WebhookAddress.DNS : r;
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static String purpose(long webhookId) {
        return "webhook-secret:" + webhookId;
    }

    /** Sends every due delivery; returns how many were delivered. */
    public int sendDue(Instant now) {
        return sendDue(now, null);
    }

    /**
     * Sends one alert's due deliveries only (a test alert, in the request that asked for it: never another
     * operator's webhooks); {@code alertId} null: every alert's.
     */
    public int sendDue(Instant now, Long alertId) {
        String claimer = UUID.randomUUID().toString();
        long started = System.nanoTime();
        int sent = 0;
        while (true) {
            List<WebhookDeliveries.Claimed> batch;
            try (Connection c = dataSource.getConnection()) {
                batch = WebhookDeliveries.claim(c, now, BATCH, claimer, alertId);
            } catch (SQLException e) {
                LOG.errorf(e, "could not claim webhook deliveries");
                return sent;
            }
            if (batch.isEmpty()) {
                return sent;
            }
            for (WebhookDeliveries.Claimed d : batch) {
                if (send(d, claimer, now, started)) {
                    sent++;
                }
            }
        }
    }

    private boolean send(WebhookDeliveries.Claimed d, String claimer, Instant now, long started) {
        String url;
        String sealed;
        AlertPayload payload;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT url, secret_sealed FROM alert_webhook WHERE id = ?")) {
            s.setLong(1, d.webhookId());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return false;
                }
                url = r.getString(1);
                sealed = r.getString(2);
            }
            payload = AlertPayload.of(AlertPayload.alertsOf(c, d.id()));
        } catch (SQLException e) {
            LOG.errorf(e, "could not read webhook delivery %d", d.id());
            return false;
        }
        String error = null;
        String status;
        boolean permanent = false;
        String refusal = WebhookAddress.refusal(url, config.alerts().allowPrivateWebhooks(), resolver);
        if (refusal != null) {
            error = "Refused: the URL " + refusal + ".";
            status = "refused";
            permanent = true;
        } else {
            byte[] body = payload.json();
            try {
                String secret = box.open(sealed, purpose(d.webhookId()));
                HttpRequest request = HttpRequest.newBuilder(URI.create(url.trim())).timeout(TIMEOUT)
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "hashdesk-alerts")
                        .header("X-Hashdesk-Alert-Id", Long.toString(payload.id()))
                        .header("X-Hashdesk-Signature", WebhookSignature.header(secret, body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                int code = response.statusCode();
                status = Integer.toString(code);
                if (code < 200 || code > 299) {
                    error = "HTTP " + code + (code >= 300 && code < 400 ? " (redirects are not followed)" : "");
                }
            } catch (IOException | IllegalArgumentException | SecretBox.SecretUnreadableException e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                status = "no answer";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
                status = "no answer";
            }
        }
        Instant at = now.plusNanos(System.nanoTime() - started);
        try (Connection c = dataSource.getConnection()) {
            String state = WebhookDeliveries.mark(c, d, claimer, at, error, permanent, status);
            if (error != null) {
                LOG.warnf("webhook %d, alert %d: %s (%s)", d.webhookId(), payload.id(), error, state);
            }
            return error == null;
        } catch (SQLException e) {
            LOG.errorf(e, "could not record webhook delivery %d", d.id());
            return false;
        }
    }
}
