package io.hashdesk.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.hashdesk.HashdeskConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends the first verification link that never reached the mail server: to accounts from before
 * verification existed (their weekly summaries are paused until the link is followed, and the mail says
 * so), and to new accounts whose link at registration was not taken (no mail server then). Once a link
 * was taken by the mail server the account is never mailed by this job again: further links only on
 * request, from /settings. At most a quarter of {@code hashdesk.mail.per-hour} an hour goes this way.
 */
@ApplicationScoped
public class VerificationMailJob {

    private static final Logger LOG = Logger.getLogger(VerificationMailJob.class);
    /** A registration's own mail is sent right away; this job leaves new accounts alone that long. */
    static final Duration SETTLE = Duration.ofMinutes(10);

    @Inject
    AccountMails mails;

    @Inject
    HashdeskConfig config;

    @Inject
    Clock clock;

    @Scheduled(identity = "verification-mail", every = "${hashdesk.summary.check-every}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run(clock.instant());
    }

    /** One pass at {@code now}; how many links were taken by the mail server. */
    public int run(Instant now) {
        long everyMinutes = Math.max(1, config.summary().checkEvery().toMinutes());
        int batch = (int) Math.max(1, config.mail().perHour() / 4 / (60 / Math.min(60, everyMinutes)));
        List<Object[]> due = QuarkusTransaction.requiringNew().call(() -> Operator.getEntityManager().createQuery(
                "select o.id, o.email, o.createdAt from Operator o where o.emailVerifiedAt is null"
                        + " and o.verificationMailedAt is null and o.createdAt < :settled order by o.id", Object[].class)
                .setParameter("settled", now.minus(SETTLE)).setMaxResults(batch).getResultList());
        Instant introduced = introducedAt();
        int sent = 0;
        for (Object[] row : due) {
            // Accounts older than verification itself were getting summaries: their mail says those are paused.
            boolean legacy = introduced != null && ((Instant) row[2]).isBefore(introduced);
            try {
                if (mails.sendVerification((Long) row[0], (String) row[1], legacy, now) == AccountMails.Outcome.SENT) {
                    sent++;
                } else {
                    break; // the mail server is away: the next pass tries again
                }
            } catch (MailQuota.Exceeded e) {
                break;
            }
        }
        if (sent > 0) {
            LOG.infof("%d verification links sent to accounts that had none", sent);
        }
        return sent;
    }

    /** When the migration that added verification ran (null if unknown: then no account counts as older). */
    static Instant introducedAt() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                List<?> rows = Operator.getEntityManager().createNativeQuery(
                        "SELECT \"installed_on\" FROM \"flyway_schema_history\" WHERE \"version\" = '9'").getResultList();
                if (rows.isEmpty() || rows.get(0) == null) {
                    return null;
                }
                // Flyway stores a local timestamp of the database's clock.
                return rows.get(0) instanceof java.time.LocalDateTime local
                        ? local.atZone(java.time.ZoneId.systemDefault()).toInstant() : SignInThrottle.toInstant(rows.get(0));
            });
        } catch (RuntimeException e) {
            return null; // a history table of another name: every account gets the newcomer's wording
        }
    }
}
