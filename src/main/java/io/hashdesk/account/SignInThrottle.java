package io.hashdesk.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Slows down password guessing: after {@link #ACCOUNT_LIMIT} failed sign-ins for one account, or
 * {@link #CLIENT_LIMIT} from one client address, within {@link #WINDOW}, further attempts are refused
 * until the oldest of those failures leaves the window. A successful sign-in clears the account's count.
 * Failures are stored in the database so several instances share them and a restart does not reset them.
 */
@ApplicationScoped
public class SignInThrottle {

    static final int ACCOUNT_LIMIT = 5;
    /** Higher than the account limit: many operators may share one office address. */
    static final int CLIENT_LIMIT = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    @Inject
    EntityManager em;

    /** How long the caller must wait before trying again, or {@link Duration#ZERO} if it may try now. */
    @Transactional
    public Duration waitBeforeNextAttempt(String email, String clientAddress, Instant now) {
        Duration account = waitFor(accountKey(email), ACCOUNT_LIMIT, now);
        Duration client = waitFor(clientKey(clientAddress), CLIENT_LIMIT, now);
        return account.compareTo(client) >= 0 ? account : client;
    }

    @Transactional
    public void recordFailure(String email, String clientAddress, Instant now) {
        em.createNativeQuery("INSERT INTO sign_in_failure (subject, failed_at) VALUES (?1, ?2), (?3, ?2)")
                .setParameter(1, accountKey(email))
                .setParameter(2, now)
                .setParameter(3, clientKey(clientAddress))
                .executeUpdate();
        // Old rows are of no use; keep the table small.
        em.createNativeQuery("DELETE FROM sign_in_failure WHERE failed_at < ?1")
                .setParameter(1, now.minus(WINDOW))
                .executeUpdate();
    }

    @Transactional
    public void recordSuccess(String email) {
        em.createNativeQuery("DELETE FROM sign_in_failure WHERE subject = ?1")
                .setParameter(1, accountKey(email))
                .executeUpdate();
    }

    private Duration waitFor(String subject, int limit, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object> recent = em.createNativeQuery(
                "SELECT failed_at FROM sign_in_failure WHERE subject = ?1 AND failed_at > ?2 ORDER BY failed_at DESC")
                .setParameter(1, subject)
                .setParameter(2, now.minus(WINDOW))
                .setMaxResults(limit)
                .getResultList();
        if (recent.size() < limit) {
            return Duration.ZERO;
        }
        Instant oldestCounted = toInstant(recent.get(limit - 1));
        Duration wait = Duration.between(now, oldestCounted.plus(WINDOW));
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }

    private static String accountKey(String email) {
        return "account:" + Operator.normalizeEmail(email);
    }

    private static String clientKey(String address) {
        return "client:" + (address == null ? "unknown" : address);
    }
}
