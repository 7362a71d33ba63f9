package io.hashdesk.earnings;

import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The network on past UTC days (table network_day): difficulty in force (and a retarget inside the
 * day), average fees per block, BTC price. Days not stored yet are fetched from mempool's history
 * endpoints by the pool job ({@link #fetchMissingCredited}, and a Braiins fetch's own days; {@link
 * HistoryReader} checks them) and kept; pages only read ({@link #stored}). While mempool cannot be
 * reached they stay missing, and are asked for again after {@link #RETRY_AFTER}.
 */
@ApplicationScoped
public class NetworkHistory {

    private static final Logger LOG = Logger.getLogger(NetworkHistory.class);
    static final Duration RETRY_AFTER = Duration.ofMinutes(10);

    /**
     * One stored day; {@code priceUsd} may be unknown; {@code height} is that of the day's start;
     * {@code halvingAt} the time of the halving block when one was mined that day (else null).
     */
    public record Day(double difficulty, Instant retargetAt, Double difficultyAfter, long height,
            double feesPerBlockBtc, Double priceUsd, Instant halvingAt) {

        /** A day without a halving. */
        public Day(double difficulty, Instant retargetAt, Double difficultyAfter, long height, double feesPerBlockBtc,
                Double priceUsd) {
            this(difficulty, retargetAt, difficultyAfter, height, feesPerBlockBtc, priceUsd, null);
        }
    }

    @Inject
    @RestClient
    MempoolHistoryClient mempool;

    private volatile Instant lastFailure;
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    /** Raised whenever this instance stores fetched days: a page kept by it shows them at its next view. */
    public long version() {
        return version.get();
    }

    /** The stored days among {@code dates}, after fetching the missing closed ones once. */
    public Map<LocalDate, Day> days(Collection<LocalDate> dates) {
        if (dates.isEmpty()) {
            return Map.of();
        }
        Map<LocalDate, Day> stored = QuarkusTransaction.joiningExisting().call(() -> read(dates));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        TreeSet<LocalDate> missing = new TreeSet<>();
        for (LocalDate d : dates) {
            if (!stored.containsKey(d) && d.isBefore(today)) {
                missing.add(d);
            }
        }
        Instant failed = lastFailure;
        if (missing.isEmpty() || (failed != null && failed.plus(RETRY_AFTER).isAfter(Instant.now()))) {
            return stored;
        }
        try {
            Map<LocalDate, Day> fetched = HistoryReader.read(mempool, missing);
            QuarkusTransaction.requiringNew().run(() -> write(fetched));
            version.incrementAndGet();
            stored = new HashMap<>(stored);
            stored.putAll(fetched);
            lastFailure = null;
        } catch (RuntimeException e) {
            lastFailure = Instant.now();
            LOG.warnf("network history for %s to %s not fetched: %s", missing.first(), missing.last(), e.getMessage());
        }
        return stored;
    }

    /** The stored days among {@code dates}, never fetched: a mail or a page does not wait on mempool. */
    public Map<LocalDate, Day> stored(Collection<LocalDate> dates) {
        return dates.isEmpty() ? Map.of() : QuarkusTransaction.joiningExisting().call(() -> read(dates));
    }

    /**
     * Fetches the closed days that have a credited pool day but no stored history (the pool job, after
     * its fetches: an uploaded day reaches the pages only through here); how many days were filled.
     */
    public int fetchMissingCredited() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<LocalDate> missing = QuarkusTransaction.requiringNew().call(() -> missingCredited(today.minusYears(3), today));
        return missing.isEmpty() ? 0 : days(missing).size();
    }

    static List<LocalDate> missingCredited(LocalDate from, LocalDate before) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em().createNativeQuery("SELECT DISTINCT e.earning_date FROM pool_earning_day e"
                + " WHERE e.earning_date >= :from AND e.earning_date < :before AND NOT EXISTS (SELECT 1 FROM network_day n"
                + " WHERE n.network_date = e.earning_date AND n.fees_per_block_btc IS NOT NULL)")
                .setParameter("from", Date.valueOf(from)).setParameter("before", Date.valueOf(before)).getResultList();
        return rows.stream().map(EarningDays::toDate).toList();
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }

    /** Forgets the last failure, so the next need asks mempool at once (tests, and after a restart anyway). */
    void retryNow() {
        lastFailure = null;
    }

    static Map<LocalDate, Day> read(Collection<LocalDate> dates) {
        LocalDate from = dates.stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate to = dates.stream().max(LocalDate::compareTo).orElseThrow();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("SELECT network_date, difficulty, retarget_at, difficulty_after, height,"
                + " fees_per_block_btc, price_usd, halving_at FROM network_day WHERE network_date BETWEEN :from AND :to"
                + " AND fees_per_block_btc IS NOT NULL")
                .setParameter("from", Date.valueOf(from)).setParameter("to", Date.valueOf(to)).getResultList();
        Map<LocalDate, Day> out = new HashMap<>();
        for (Object[] r : rows) {
            LocalDate d = EarningDays.toDate(r[0]);
            if (dates.contains(d)) {
                out.put(d, new Day(((Number) r[1]).doubleValue(), instant(r[2]),
                        r[3] == null ? null : ((Number) r[3]).doubleValue(), ((Number) r[4]).longValue(),
                        ((Number) r[5]).doubleValue(), r[6] == null ? null : ((Number) r[6]).doubleValue(),
                        instant(r[7])));
            }
        }
        return out;
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return OffsetDateTime.parse(o.toString()).toInstant();
    }

    static void write(Map<LocalDate, Day> days) {
        EntityManager em = em();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        days.forEach((d, day) -> {
            em.createNativeQuery("DELETE FROM network_day WHERE network_date = :d").setParameter("d", Date.valueOf(d))
                    .executeUpdate();
            em.createNativeQuery("INSERT INTO network_day (network_date, difficulty, retarget_at, difficulty_after, height,"
                    + " price_usd, fees_per_block_btc, halving_at, recorded_at)"
                    + " VALUES (:d, :diff, :rat, :after, :h, :p, :f, :hat, :now)")
                    .setParameter("d", Date.valueOf(d)).setParameter("diff", day.difficulty())
                    .setParameter("rat", day.retargetAt() == null ? null : day.retargetAt().atOffset(ZoneOffset.UTC))
                    .setParameter("after", day.difficultyAfter()).setParameter("h", day.height())
                    .setParameter("p", day.priceUsd()).setParameter("f", day.feesPerBlockBtc())
                    .setParameter("hat", day.halvingAt() == null ? null : day.halvingAt().atOffset(ZoneOffset.UTC))
                    .setParameter("now", now).executeUpdate();
        });
    }
}
