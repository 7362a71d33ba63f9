package io.hashdesk.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Counts events per subject in the database ({@code rate_event}), so every instance shares the counts
 * and a restart does not reset them: an event may happen when, for each of its limits, fewer than
 * {@code max} events of that subject happened within the limit's window. Checking and recording are one
 * transaction, serialised within an instance; instances racing each other may let a few more through.
 * Events older than {@link #KEPT} are deleted as new ones are recorded, so the table stays small.
 */
@ApplicationScoped
public class RateLimiter {

    /** The longest window any limit may have; older rows are deleted. */
    static final Duration KEPT = Duration.ofDays(1);

    @Inject
    EntityManager em;

    /** At most {@code max} events of {@code subject} within {@code window}. */
    public record Limit(String subject, int max, Duration window) {
    }

    /**
     * Records one event under every limit's subject and returns empty, or, when a limit is reached,
     * records nothing and returns the wait until that limit lets one more through.
     */
    public synchronized Optional<Duration> tryAcquire(List<Limit> limits, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Duration wait = Duration.ZERO;
            for (Limit limit : limits) {
                Duration w = waitFor(limit, now);
                wait = w.compareTo(wait) > 0 ? w : wait;
            }
            if (!wait.isZero()) {
                return Optional.of(wait);
            }
            for (String subject : limits.stream().map(Limit::subject).distinct().toList()) {
                em.createNativeQuery("INSERT INTO rate_event (subject, occurred_at) VALUES (?1, ?2)")
                        .setParameter(1, subject).setParameter(2, now).executeUpdate();
            }
            em.createNativeQuery("DELETE FROM rate_event WHERE occurred_at < ?1")
                    .setParameter(1, now.minus(KEPT)).executeUpdate();
            return Optional.<Duration>empty();
        });
    }

    private Duration waitFor(Limit limit, Instant now) {
        if (limit.max() <= 0) {
            return limit.window();
        }
        @SuppressWarnings("unchecked")
        List<Object> recent = em.createNativeQuery("SELECT occurred_at FROM rate_event WHERE subject = ?1"
                + " AND occurred_at > ?2 ORDER BY occurred_at DESC")
                .setParameter(1, limit.subject()).setParameter(2, now.minus(limit.window()))
                .setMaxResults(limit.max()).getResultList();
        if (recent.size() < limit.max()) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(now, SignInThrottle.toInstant(recent.get(limit.max() - 1)).plus(limit.window()));
        return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
    }

    /** "3 minutes", "1 minute": a wait as a person reads it (rounded up to whole minutes). */
    public static String minutes(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
