package io.hashdesk.account;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Slows down password guessing: after {@link #ACCOUNT_LIMIT} failed sign-ins for one account, or
 * {@link #CLIENT_LIMIT} from one client address, within {@link #WINDOW}, further attempts are refused
 * until the oldest of those failures leaves the window. A successful sign-in clears the account's count.
 * Failures are stored in the database so several instances share them and a restart does not reset them.
 * <p>
 * Counting and checking are one step: {@link #begin} locks the account's and the address's rows in
 * {@code sign_in_subject}, counts, and if the attempt may go ahead records it as a failure right away,
 * before the password is checked; {@link #succeeded} removes it again. So attempts made in parallel, on
 * one instance or several, are counted one after the other and never more than the limit get a password
 * check. The current-password check of a password change goes through the same count.
 */
@ApplicationScoped
public class SignInThrottle {

    static final int ACCOUNT_LIMIT = 5;
    /** Higher than the account limit: many operators may share one office address. */
    static final int CLIENT_LIMIT = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    @Inject
    EntityManager em;

    /** An attempt that may go ahead (its id), or the wait before the next one may. */
    public record Attempt(String id, Duration waitFor) {
        public boolean refused() {
            return id == null;
        }
    }

    /** Counts this attempt, atomically: either it is refused with a wait, or it is recorded as a failure until it succeeds. */
    public Attempt begin(String email, String clientAddress, Instant now) {
        String account = accountKey(email);
        String client = clientKey(clientAddress);
        ensureSubject(account);
        ensureSubject(client);
        return QuarkusTransaction.requiringNew().call(() -> {
            // A fixed order, so two attempts never wait for each other's second lock.
            for (String subject : account.compareTo(client) <= 0 ? List.of(account, client) : List.of(client, account)) {
                em.createNativeQuery("SELECT subject FROM sign_in_subject WHERE subject = ?1 FOR UPDATE")
                        .setParameter(1, subject).getResultList();
            }
            Duration accountWait = waitFor(account, ACCOUNT_LIMIT, now);
            Duration clientWait = waitFor(client, CLIENT_LIMIT, now);
            Duration wait = accountWait.compareTo(clientWait) >= 0 ? accountWait : clientWait;
            if (!wait.isZero()) {
                return new Attempt(null, wait);
            }
            String id = UUID.randomUUID().toString();
            em.createNativeQuery("INSERT INTO sign_in_failure (subject, failed_at, attempt) VALUES (?1, ?2, ?4), (?3, ?2, ?4)")
                    .setParameter(1, account)
                    .setParameter(2, now)
                    .setParameter(3, client)
                    .setParameter(4, id)
                    .executeUpdate();
            // Old rows are of no use; keep the table small.
            em.createNativeQuery("DELETE FROM sign_in_failure WHERE failed_at < ?1")
                    .setParameter(1, now.minus(WINDOW))
                    .executeUpdate();
            return new Attempt(id, Duration.ZERO);
        });
    }

    /** The password was right: this attempt is no failure, and the account's count starts again. */
    @Transactional
    public void succeeded(String email, Attempt attempt) {
        em.createNativeQuery("DELETE FROM sign_in_failure WHERE subject = ?1 OR attempt = ?2")
                .setParameter(1, accountKey(email))
                .setParameter(2, attempt.id())
                .executeUpdate();
    }

    /** Creates the subject's lock row once; a parallel creation of the same row is as good. */
    private void ensureSubject(String subject) {
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "INSERT INTO sign_in_subject (subject) SELECT ?1 "
                            + "WHERE NOT EXISTS (SELECT 1 FROM sign_in_subject WHERE subject = ?1)")
                    .setParameter(1, subject).executeUpdate());
        } catch (RuntimeException created) {
            // unique key: another attempt created it first
        }
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
        return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
    }

    static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
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
