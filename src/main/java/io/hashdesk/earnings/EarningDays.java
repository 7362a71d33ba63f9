package io.hashdesk.earnings;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * The credited days of pool accounts (table pool_earning_day), read and written inside the caller's
 * transaction. Writing a day that is already stored replaces it: a pool may restate a day.
 */
public final class EarningDays {

    private EarningDays() {
    }

    /** One credited UTC day of one account. */
    public record Day(long poolId, LocalDate date, double creditedBtc, Double reportedThs) {
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }

    /** How many days each account has stored (accounts without any are left out). */
    static Map<Long, Long> countsByPool(Collection<Long> poolIds) {
        Map<Long, Long> out = new HashMap<>();
        if (poolIds.isEmpty()) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery(
                "SELECT pool_id, COUNT(*) FROM pool_earning_day WHERE pool_id IN (:ids) GROUP BY pool_id")
                .setParameter("ids", poolIds).getResultList();
        for (Object[] r : rows) {
            out.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
        }
        return out;
    }

    /** The stored dates of an account from {@code from} on. */
    static List<LocalDate> storedDates(long poolId, LocalDate from) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em().createNativeQuery(
                "SELECT earning_date FROM pool_earning_day WHERE pool_id = :id AND earning_date >= :from")
                .setParameter("id", poolId).setParameter("from", Date.valueOf(from)).getResultList();
        List<LocalDate> out = new ArrayList<>(rows.size());
        for (Object o : rows) {
            out.add(toDate(o));
        }
        return out;
    }

    /** Stores the days (one account's), replacing those already stored. */
    static void replace(long poolId, List<Day> days, String source, Instant at) {
        if (days.isEmpty()) {
            return;
        }
        EntityManager em = em();
        for (Day d : days) {
            em.createNativeQuery("DELETE FROM pool_earning_day WHERE pool_id = :id AND earning_date = :d")
                    .setParameter("id", poolId).setParameter("d", Date.valueOf(d.date())).executeUpdate();
            em.createNativeQuery("INSERT INTO pool_earning_day (pool_id, earning_date, credited_btc, reported_ths,"
                    + " source, recorded_at) VALUES (:id, :d, :btc, :ths, :src, :at)")
                    .setParameter("id", poolId).setParameter("d", Date.valueOf(d.date()))
                    .setParameter("btc", d.creditedBtc()).setParameter("ths", d.reportedThs())
                    .setParameter("src", source).setParameter("at", at.atOffset(ZoneOffset.UTC)).executeUpdate();
        }
    }

    /** The stored days of the accounts from {@code from} to {@code to} (inclusive), by date then account. */
    public static List<Day> between(Collection<Long> poolIds, LocalDate from, LocalDate to) {
        if (poolIds.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("SELECT pool_id, earning_date, credited_btc, reported_ths"
                + " FROM pool_earning_day WHERE pool_id IN (:ids) AND earning_date BETWEEN :from AND :to"
                + " ORDER BY earning_date, pool_id")
                .setParameter("ids", poolIds).setParameter("from", Date.valueOf(from))
                .setParameter("to", Date.valueOf(to)).getResultList();
        List<Day> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new Day(((Number) r[0]).longValue(), toDate(r[1]), ((Number) r[2]).doubleValue(),
                    r[3] == null ? null : ((Number) r[3]).doubleValue()));
        }
        return out;
    }

    static LocalDate toDate(Object o) {
        if (o instanceof LocalDate d) {
            return d;
        }
        if (o instanceof Date d) {
            return d.toLocalDate();
        }
        if (o instanceof OffsetDateTime t) {
            return t.toLocalDate();
        }
        return LocalDate.parse(o.toString());
    }
}
