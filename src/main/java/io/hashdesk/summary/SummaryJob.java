package io.hashdesk.summary;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Every {@code hashdesk.summary.check-every}: record finished days in the ledger (the first run after
 * start-up fills the days missed while the app was down), store the summaries that are due, and send
 * what the outbox holds. Every instance may run it: the database makes each step happen once.
 */
@ApplicationScoped
public class SummaryJob {

    private static final Logger LOG = Logger.getLogger(SummaryJob.class);

    @Inject
    Ledger ledger;

    @Inject
    Outbox outbox;

    @Inject
    OutboxSender sender;

    @Inject
    Clock clock;

    @Scheduled(identity = "weekly-summary", every = "${hashdesk.summary.check-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run(clock.instant());
    }

    /** One pass at {@code now} (tests call this with the moment they need). */
    public void run(Instant now) {
        int days = ledger.recordDue(now);
        int stored = outbox.enqueueDue(now);
        int sent = sender.sendDue(now);
        if (days + stored + sent > 0) {
            LOG.infof("weekly summary: %d ledger days recorded, %d summaries stored, %d mails sent", days, stored, sent);
        }
    }
}
