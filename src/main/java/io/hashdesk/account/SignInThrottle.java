package io.hashdesk.account;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

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

    /** An attempt that may go ahead (its id), or the wait before the next one may; the device counted, if any. */
    public record Attempt(String id, Duration waitFor, String deviceSubject) {
        public boolean refused() {
            return id == null;
        }
    }

    /** Counts this attempt, atomically: either it is refused with a wait, or it is recorded as a failure until it succeeds. */
    public Attempt begin(String email, String clientAddress, Instant now) {
        return begin(email, clientAddress, null, now);
    }

    /**
     * As {@link #begin(String, String, Instant)}; {@code trustedDevice} is the nonce of a valid device cookie
     * of this account ({@link DeviceCookies}), or null. A trusted browser's attempts count against its
     * cookie alone ({@link #ACCOUNT_LIMIT} of them), so failures from elsewhere never lock it out.
     */
    public Attempt begin(String email, String clientAddress, String trustedDevice, Instant now) {
        Map<String, Integer> limits = new TreeMap<>(); // sorted: a fixed lock order, so two attempts never deadlock
        String device = trustedDevice == null ? null : "device:" + trustedDevice;
        if (device != null) {
            limits.put(device, ACCOUNT_LIMIT);
        } else {
            limits.put(accountKey(email), ACCOUNT_LIMIT);
            limits.put(clientKey(clientAddress), CLIENT_LIMIT);
        }
        limits.keySet().forEach(this::ensureSubject);
        return QuarkusTransaction.requiringNew().call(() -> {
            for (String subject : limits.keySet()) {
                em.createNativeQuery("SELECT subject FROM sign_in_subject WHERE subject = ?1 FOR UPDATE")
                        .setParameter(1, subject).getResultList();
            }
            Duration wait = Duration.ZERO;
            for (Map.Entry<String, Integer> limit : limits.entrySet()) {
                Duration w = waitFor(limit.getKey(), limit.getValue(), now);
                wait = w.compareTo(wait) > 0 ? w : wait;
            }
            if (!wait.isZero()) {
                return new Attempt(null, wait, device);
            }
            String id = UUID.randomUUID().toString();
            for (String subject : limits.keySet()) {
                em.createNativeQuery("INSERT INTO sign_in_failure (subject, failed_at, attempt) VALUES (?1, ?2, ?3)")
                        .setParameter(1, subject)
                        .setParameter(2, now)
                        .setParameter(3, id)
                        .executeUpdate();
            }
            // Old rows are of no use; keep the table small.
            em.createNativeQuery("DELETE FROM sign_in_failure WHERE failed_at < ?1")
                    .setParameter(1, now.minus(WINDOW))
                    .executeUpdate();
            return new Attempt(id, Duration.ZERO, device);
        });
    }

    /** The password was right: this attempt is no failure, and the account's count starts again. */
    @Transactional
    public void succeeded(String email, Attempt attempt) {
        em.createNativeQuery("DELETE FROM sign_in_failure WHERE subject = ?1 OR attempt = ?2 OR subject = ?3")
                .setParameter(1, accountKey(email))
                .setParameter(2, attempt.id())
                .setParameter(3, attempt.deviceSubject() == null ? accountKey(email) : attempt.deviceSubject())
                .executeUpdate();
    }

    /**
     * Deletes failures older than the window and the lock rows of subjects left without any, so the table
     * holds the accounts and addresses of the last {@link #WINDOW} only, not every email ever tried.
     * A subject pruned while an attempt is being counted is simply created again by the next one.
     */
    @Transactional
    public int prune(Instant now) {
        em.createNativeQuery("DELETE FROM sign_in_failure WHERE failed_at < ?1").setParameter(1, now.minus(WINDOW))
                .executeUpdate();
        return em.createNativeQuery("DELETE FROM sign_in_subject WHERE NOT EXISTS"
                + " (SELECT 1 FROM sign_in_failure f WHERE f.subject = sign_in_subject.subject)").executeUpdate();
    }

    @Scheduled(identity = "sign-in-prune", every = "15m", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPrune() {
        prune(Instant.now());
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
