package io.hashdesk.summary;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/**
 * Works through the outbox: claims due rows in a short transaction (row locks, SKIP LOCKED), sends
 * each outside any transaction and waits for the SMTP server's answer, then marks it sent, or
 * schedules a retry with backoff. Any number of senders on any number of instances may run at once.
 */
@ApplicationScoped
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);

    /** Rows claimed at once: small, so a slow SMTP server never holds many rows for long. */
    static final int BATCH = 20;
    /** How long a claim keeps other senders off a row (an SMTP answer takes seconds, not minutes). */
    static final Duration LEASE = Duration.ofMinutes(10);

    @Inject
    DataSource dataSource;

    @Inject
    Mailer mailer;

    private final Counter failed;

    @Inject
    OutboxSender(MeterRegistry registry) {
        failed = Counter.builder("hashdesk.summary.failed")
                .description("Summary mails given up on after retrying until the end of the following day")
                .register(registry);
    }

    /** Sends every due row; {@code now} is the moment the run starts. Returns how many were sent. */
    public int sendDue(Instant now) {
        // A few senders at once: each mostly waits for the SMTP server's answer.
        return Parallel.workers(Parallel.THREADS, () -> send(now, null));
    }

    /** Sends one stored mail now if it is due (the "send it now" button); true when it went out. */
    public boolean sendNow(long id, Instant now) {
        return send(now, id) == 1;
    }

    private int send(Instant now, Long onlyId) {
        long started = System.nanoTime();
        String claimer = UUID.randomUUID().toString();
        int sent = 0;
        while (true) {
            List<OutboxClaims.Claimed> batch;
            try (Connection c = dataSource.getConnection()) {
                batch = OutboxClaims.claim(c, now, BATCH, LEASE, claimer, onlyId);
            } catch (SQLException e) {
                LOG.errorf(e, "could not claim summary mails");
                return sent;
            }
            if (batch.isEmpty()) {
                return sent;
            }
            for (OutboxClaims.Claimed m : batch) {
                if (onlyId != null && m.id() != onlyId) {
                    continue;
                }
                Instant at = now.plusNanos(System.nanoTime() - started);
                String error = null;
                try {
                    mailer.send(mail(m));
                } catch (RuntimeException e) {
                    error = describe(e);
                }
                try (Connection c = dataSource.getConnection()) {
                    if (error == null) {
                        OutboxClaims.markSent(c, m.id(), claimer, at);
                        sent++;
                    } else {
                        OutboxClaims.Retry retry = OutboxClaims.markAttemptFailed(c, m, claimer, at, error);
                        if (retry.failed()) {
                            failed.increment();
                            LOG.errorf("gave up on summary mail %d to %s after %d attempts: %s", m.id(), m.recipient(),
                                    m.attempts(), error);
                        } else {
                            LOG.warnf("summary mail %d to %s not sent (%s); next try %s", m.id(), m.recipient(), error,
                                    retry.nextAttemptAt());
                        }
                    }
                } catch (SQLException e) {
                    LOG.errorf(e, "could not record the outcome of summary mail %d", m.id());
                }
            }
            if (onlyId != null) {
                return sent;
            }
        }
    }

    static Mail mail(OutboxClaims.Claimed m) {
        Mail mail = Mail.withHtml(m.recipient(), m.subject(), SevenBitHtml.of(m.html())).setText(m.text())
                .addHeader("Message-ID", m.messageId());
        // Alert mails have no one-click unsubscribe (they are switched off on /alerts): an empty URL.
        if (m.unsubscribeUrl() != null && !m.unsubscribeUrl().isBlank()) {
            mail.addHeader("List-Unsubscribe", "<" + m.unsubscribeUrl() + ">")
                    .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return mail;
    }

    /** "<summary-42-2026-11-30@hashdesk.example>": fixed per operator and week, so a resend is recognised. */
    public static String messageId(String baseUrl, String local) {
        String host;
        try {
            host = URI.create(baseUrl).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        return "<" + local + "@" + (host == null || host.isBlank() ? "hashdesk.invalid" : host) + ">";
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
