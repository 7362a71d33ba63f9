package io.hashdesk.alerts;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.hashdesk.network.NetworkService;
import io.hashdesk.summary.OutboxSender;
import io.quarkus.scheduler.Scheduled;

/**
 * Every {@code hashdesk.alerts.deliver-every}: the timed rules (stale data, which no refresh reports),
 * the digests of quiet hours that ended, the due webhook calls and the outbox's due mails. Every
 * instance may run it: the database makes each step happen once.
 */
@ApplicationScoped
public class AlertJob {

    private static final Logger LOG = Logger.getLogger(AlertJob.class);

    @Inject
    AlertEvaluator evaluator;

    @Inject
    AlertDigests digests;

    @Inject
    WebhookSender webhooks;

    @Inject
    OutboxSender mails;

    @Inject
    NetworkService network;

    @Inject
    Clock clock;

    @Scheduled(identity = "alert-delivery", every = "${hashdesk.alerts.deliver-every}", delayed = "15s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run(clock.instant());
    }

    /** One pass at {@code now} (tests call this with the moment they need). */
    public void run(Instant now) {
        try {
            evaluator.evaluate(network.latest(), now, true);
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "alerts: timed evaluation failed");
        }
        try {
            digests.release(now);
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "alerts: could not release the digests of quiet hours");
        }
        webhooks.sendDue(now);
        mails.sendDue(now);
    }
}
