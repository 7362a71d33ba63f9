package io.hashdesk.alerts;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hashdesk.account.Operator;
import io.hashdesk.alerts.AlertJson.DeliveryJson;
import io.hashdesk.summary.OutboxMail;
import io.hashdesk.summary.OutboxSender;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** "Send a test alert": stored as an alert of kind "test" on one channel, then sent at once. */
@ApplicationScoped
public class AlertTests {

    @Inject
    AlertService alerts;

    @Inject
    WebhookSender webhooks;

    @Inject
    OutboxSender mails;

    public record Sent(long alertId, List<DeliveryJson> deliveries) {
    }

    public Sent send(Operator owner, Long webhookId, Instant now) {
        long id = alerts.test(owner, webhookId, now);
        if (webhookId == null) {
            Long mail = QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail>find("alertId", id)
                    .firstResultOptional().map(m -> m.id).orElse(null));
            if (mail != null) {
                mails.sendNow(mail, now);
            }
        } else {
            webhooks.sendDue(now, id); // this test alert's delivery only; the job sends the rest
        }
        List<DeliveryJson> deliveries = alerts.history(owner, AlertHistory.MAX).stream()
                .filter(a -> a.id() == id).findFirst().map(AlertJson.AlertEntry::deliveries).orElse(List.of());
        return new Sent(id, deliveries);
    }
}
