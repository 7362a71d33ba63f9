package io.hashdesk.summary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hashdesk.account.Operator;
import io.hashdesk.economics.NetworkState;
import io.hashdesk.network.NetworkSnapshot;
import io.hashdesk.web.Formats;

/**
 * The daily ledger: once a day per operator, what the fleet earned that day, from that day's network
 * data. A day of the operator's calendar is recorded as soon as the clock passes its end (the next
 * local midnight: 23 or 25 hours later across a clock change), priced from the snapshots in force
 * during it, each weighted by the time it was in force, under "switch off when losing" (the policy
 * of the projection it is shown beside); see {@link LedgerFigures}. The fleet's first day counts from
 * the moment it was set up. Missed days are filled the same way as long as stored snapshots still
 * cover them; a day during which no snapshot was taken stays empty and is shown as such. Here the days are
 * read; {@link LedgerRecorder} records them.
 */
@ApplicationScoped
public class Ledger {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<LedgerSite>> SITES = new TypeReference<>() {
    };

    /** How far back missing days are looked for (the dashboard shows 30). */
    public static final int BACKFILL_DAYS = 35;
    /**
     * A generous timeout: the transaction manager interrupts a thread whose transaction times out, and
     * an interrupt in the middle of a write closes an H2 file database.
     */
    static final int TX_TIMEOUT_SECONDS = 600;

    @Inject
    LedgerRecorder recorder;

    @Inject
    EntityManager em;

    /** A day of the ledger as shown: recorded, before the fleet existed, or without network data. */
    public record Day(LocalDate date, LedgerDay recorded, boolean beforeFleet) {
        public boolean empty() {
            return recorded == null && !beforeFleet;
        }

        public List<LedgerSite> sites() {
            return recorded == null ? List.of() : Ledger.sites(recorded);
        }
    }

    /**
     * Records every day that has ended and is not recorded yet ({@link LedgerRecorder#recordDue}).
     *
     * @return the number of days recorded
     */
    public int recordDue(Instant now) {
        return recorder.recordDue(now);
    }

    static NetworkState state(NetworkSnapshot s) {
        return new NetworkState(s.priceUsd, s.difficulty, s.height, s.feesPerBlockBtc, s.nextChangePercent,
                s.nextRetargetHeight, s.estimatedRetargetDate);
    }

    static List<LedgerSite> sites(LedgerDay d) {
        try {
            return JSON.readValue(d.sites, SITES);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    /**
     * The operator's days from {@code from} to {@code to} (inclusive), oldest first: recorded, before
     * the fleet existed ("not enough history yet"), or empty (no network data covered the day).
     */
    @Transactional
    public List<Day> days(Operator owner, LocalDate from, LocalDate to) {
        return days(List.of(new Span(owner, from, to))).get(owner.id);
    }

    /** Whose days, from and to (inclusive). */
    public record Span(Operator owner, LocalDate from, LocalDate to) {
    }

    /**
     * {@link #days(Operator, LocalDate, LocalDate)} for many operators at once (the weekly summary's
     * chunks), in three queries: by operator id.
     */
    @Transactional
    public Map<Long, List<Day>> days(List<Span> spans) {
        if (spans.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = spans.stream().map(s -> s.owner().id).distinct().toList();
        LocalDate min = spans.stream().map(Span::from).min(LocalDate::compareTo).orElseThrow();
        LocalDate max = spans.stream().map(Span::to).max(LocalDate::compareTo).orElseThrow();
        Map<Long, Map<LocalDate, LedgerDay>> byOperator = new HashMap<>();
        // Written BETWEEN: with >= and <= H2 2.4 scanned the whole (operator, day) key instead of looking up
        // each operator's range (3 ms instead of 0.1 ms per chunk of 50).
        em.createQuery("select l from LedgerDay l where l.operatorId in :ids and l.date between :from and :to",
                LedgerDay.class).setParameter("ids", ids).setParameter("from", min).setParameter("to", max)
                .getResultList().forEach(d -> byOperator.computeIfAbsent(d.operatorId, k -> new HashMap<>()).put(d.date, d));
        Map<Long, LocalDate> firstLedger = new HashMap<>();
        em.createQuery("select l.operatorId, min(l.date) from LedgerDay l where l.operatorId in :ids"
                + " group by l.operatorId", Object[].class).setParameter("ids", ids).getResultList()
                .forEach(r -> firstLedger.put((Long) r[0], (LocalDate) r[1]));
        Map<Long, Instant> firstRig = new HashMap<>();
        em.createQuery("select r.operatorId, min(r.createdAt) from RigGroup r where r.operatorId in :ids"
                + " group by r.operatorId", Object[].class).setParameter("ids", ids).getResultList()
                .forEach(r -> firstRig.put((Long) r[0], (Instant) r[1]));
        Map<Long, List<Day>> out = new HashMap<>();
        for (Span span : spans) {
            Operator owner = span.owner();
            Map<LocalDate, LedgerDay> byDate = byOperator.getOrDefault(owner.id, Map.of());
            LocalDate since = fleetSince(firstLedger.get(owner.id), firstRig.get(owner.id), owner);
            List<Day> days = new ArrayList<>();
            for (LocalDate d = span.from(); !d.isAfter(span.to()); d = d.plusDays(1)) {
                LedgerDay recorded = byDate.get(d);
                days.add(new Day(d, recorded, recorded == null && (since == null || d.isBefore(since))));
            }
            out.put(owner.id, days);
        }
        return out;
    }

    /** The first day the operator had a fleet: its first ledger day or its first rig group, or null. */
    private static LocalDate fleetSince(LocalDate firstLedger, Instant firstRig, Operator owner) {
        LocalDate rigDay = firstRig == null ? null : firstRig.atZone(Formats.zoneOf(owner.timezone)).toLocalDate();
        if (firstLedger == null) {
            return rigDay;
        }
        return rigDay == null || firstLedger.isBefore(rigDay) ? firstLedger : rigDay;
    }
}
