package io.hashdesk.summary;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hashdesk.account.Operator;
import io.hashdesk.economics.NetworkState;
import io.hashdesk.fleet.FleetService.OperatorFleet;
import io.hashdesk.fleet.FleetService;
import io.hashdesk.network.NetworkSnapshot;
import io.hashdesk.web.Database;
import io.hashdesk.web.Formats;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The daily ledger: once a day per operator, what the fleet earned that day, from that day's network
 * data. A day of the operator's calendar is recorded as soon as the clock passes its end (the next
 * local midnight: 23 or 25 hours later across a clock change), priced from the snapshots in force
 * during it, each weighted by the time it was in force, under "switch off when losing" (the policy
 * of the projection it is shown beside); see {@link LedgerFigures}. The fleet's first day counts from
 * the moment it was set up. Missed days are filled the same way as long as stored snapshots still
 * cover them; a day during which no snapshot was taken stays empty and is shown as such.
 */
@ApplicationScoped
public class Ledger {

    private static final Logger LOG = Logger.getLogger(Ledger.class);
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
    /** Operators recorded per transaction. */
    static final int CHUNK = 50;

    @Inject
    FleetService fleets;

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
     * Records every day that has ended, is not recorded yet and is covered by a stored snapshot, for
     * every operator with a fleet, up to {@link #BACKFILL_DAYS} back. Safe to run on any number of
     * instances at once: the unique key (operator, day) keeps one row.
     *
     * @return the number of days recorded
     */
    public int recordDue(Instant now) {
        Instant from = now.minus(Duration.ofDays(BACKFILL_DAYS + 2));
        List<LedgerFigures.Ref> snapshots = QuarkusTransaction.requiringNew().call(() -> em
                .createQuery("select s.id, s.fetchedAt from NetworkSnapshot s where s.fetchedAt >= :from"
                        + " and s.fetchedAt <= :now order by s.fetchedAt, s.id", Object[].class)
                .setParameter("from", from).setParameter("now", now).getResultStream()
                .map(r -> new LedgerFigures.Ref((Long) r[0], (Instant) r[1])).toList());
        if (snapshots.isEmpty()) {
            return 0;
        }
        LocalDate earliest = from.atZone(ZoneId.of("UTC")).toLocalDate().minusDays(1);
        List<Object[]> operators = QuarkusTransaction.requiringNew().call(() -> em
                .createQuery("select o.id, o.timezone, min(r.createdAt) from Operator o, RigGroup r"
                        + " where r.operatorId = o.id group by o.id, o.timezone", Object[].class)
                .getResultList());
        Set<String> recorded = new HashSet<>();
        QuarkusTransaction.requiringNew().run(() -> em
                .createQuery("select l.operatorId, l.date from LedgerDay l where l.date >= :from", Object[].class)
                .setParameter("from", earliest).getResultStream()
                .forEach(r -> recorded.add(r[0] + "/" + r[1])));
        Map<Long, NetworkSnapshot> snapshotCache = new ConcurrentHashMap<>();
        List<Work> work = new ArrayList<>();
        for (Object[] row : operators) {
            long operatorId = (Long) row[0];
            ZoneId zone = Formats.zoneOf((String) row[1]);
            Instant fleetAt = (Instant) row[2];
            LocalDate fleetSince = fleetAt.atZone(zone).toLocalDate();
            LocalDate today = now.atZone(zone).toLocalDate();
            LocalDate day = today.minusDays(BACKFILL_DAYS);
            if (day.isBefore(fleetSince)) {
                day = fleetSince;
            }
            List<DayWork> days = new ArrayList<>();
            // Every day before today has ended: the clock has passed its end.
            for (; day.isBefore(today); day = day.plusDays(1)) {
                if (recorded.contains(operatorId + "/" + day)) {
                    continue;
                }
                Instant start = day.atStartOfDay(zone).toInstant();
                Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
                Instant since = fleetAt.isAfter(start) ? fleetAt : start;
                if (!since.isBefore(end)) {
                    continue;
                }
                List<LedgerFigures.Ref> using = LedgerFigures.inForce(snapshots, since, end);
                if (!using.isEmpty()) {
                    days.add(new DayWork(day, since, end, using.stream().map(LedgerFigures.Ref::id).toList()));
                }
            }
            if (!days.isEmpty()) {
                work.add(new Work(operatorId, zone, days));
            }
        }
        // Chunks of operators, each in one transaction (fleets read in three queries, rows written in one
        // commit); a chunk another instance got to first is redone operator by operator.
        List<List<Work>> chunks = new ArrayList<>();
        for (int i = 0; i < work.size(); i += CHUNK) {
            chunks.add(work.subList(i, Math.min(work.size(), i + CHUNK)));
        }
        return Parallel.each(chunks, chunk -> {
            try {
                return QuarkusTransaction.requiringNew().timeout(TX_TIMEOUT_SECONDS).call(() -> {
                    Map<Long, OperatorFleet> fleets = this.fleets
                            .fleetsOf(chunk.stream().map(Work::operatorId).toList());
                    // The fleets are only read (all loaded): detached, they cost the flushes nothing to check.
                    em.clear();
                    int n = 0;
                    for (Work w : chunk) {
                        n += record(w.operatorId(), fleets.get(w.operatorId()), w.zone(), w.days(), snapshotCache,
                                now);
                    }
                    em.flush();
                    return n;
                });
            } catch (RuntimeException e) {
                if (!Database.uniqueViolation(e)) {
                    LOG.errorf(e, "could not record the ledger");
                }
            }
            int n = 0;
            for (Work w : chunk) {
                try {
                    n += QuarkusTransaction.requiringNew().timeout(TX_TIMEOUT_SECONDS).call(() -> record(w.operatorId(),
                            fleets.fleetsOf(List.of(w.operatorId())).get(w.operatorId()), w.zone(), w.days(),
                            snapshotCache, now));
                } catch (RuntimeException e) {
                    if (Database.uniqueViolation(e)) {
                        LOG.debugf("ledger of operator %d recorded by another instance", w.operatorId());
                    } else {
                        LOG.errorf(e, "could not record the ledger of operator %d", w.operatorId());
                    }
                }
            }
            return n;
        });
    }

    /** One day to record: from its start (or the fleet's) to its end, with the snapshots in force over it. */
    private record DayWork(LocalDate date, Instant from, Instant end, List<Long> snapshotIds) {
    }

    private record Work(long operatorId, ZoneId zone, List<DayWork> days) {
    }

    private int record(long operatorId, OperatorFleet fleet, ZoneId zone, List<DayWork> days,
            Map<Long, NetworkSnapshot> snapshotCache, Instant now) {
        if (fleet == null || fleet.rigs().isEmpty()) {
            return 0;
        }
        for (DayWork day : days) {
            List<NetworkSnapshot> snapshots = day.snapshotIds().stream()
                    .map(id -> snapshotCache.computeIfAbsent(id, k -> em.find(NetworkSnapshot.class, k))).toList();
            em.persist(LedgerFigures.figures(operatorId, fleet, zone, day.date(), snapshots, day.from(), day.end(),
                    now));
        }
        return days.size();
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
