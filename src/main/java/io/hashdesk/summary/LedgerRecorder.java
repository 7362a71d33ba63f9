package io.hashdesk.summary;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.hashdesk.currency.CurrencyService;
import io.hashdesk.currency.DayRates;
import io.hashdesk.currency.Rates;
import io.hashdesk.fleet.FleetService.OperatorFleet;
import io.hashdesk.fleet.FleetService;
import io.hashdesk.network.NetworkSnapshot;
import io.hashdesk.web.Database;
import io.hashdesk.web.Formats;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Records the daily ledger ({@link Ledger} reads it): each operator's days that have ended, from the
 * snapshots in force during them ({@link LedgerFigures}), in chunks of operators, once across instances.
 */
@ApplicationScoped
public class LedgerRecorder {

    private static final Logger LOG = Logger.getLogger(LedgerRecorder.class);

    /** How far back missing days are looked for (the dashboard shows 30). */
    static final int BACKFILL_DAYS = Ledger.BACKFILL_DAYS;
    /** See {@link Ledger#TX_TIMEOUT_SECONDS}. */
    private static final int TX_TIMEOUT_SECONDS = Ledger.TX_TIMEOUT_SECONDS;
    /** Operators recorded per transaction. */
    static final int CHUNK = 50;

    @Inject
    FleetService fleets;

    @Inject
    CurrencyService currencies;

    @Inject
    EntityManager em;

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
                    List<Long> ids = chunk.stream().map(Work::operatorId).toList();
                    Map<Long, OperatorFleet> fleets = this.fleets.fleetsOf(ids);
                    Map<Long, List<CurrencyService.Entered>> entered = currencies.entered(ids);
                    // The fleets are only read (all loaded): detached, they cost the flushes nothing to check.
                    em.clear();
                    int n = 0;
                    for (Work w : chunk) {
                        n += record(w.operatorId(), fleets.get(w.operatorId()),
                                entered.getOrDefault(w.operatorId(), List.of()), w.zone(), w.days(), snapshotCache, now);
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
                            fleets.fleetsOf(List.of(w.operatorId())).get(w.operatorId()),
                            currencies.entered(w.operatorId()), w.zone(), w.days(),
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

    private int record(long operatorId, OperatorFleet fleet, List<CurrencyService.Entered> entered, ZoneId zone,
            List<DayWork> days,
            Map<Long, NetworkSnapshot> snapshotCache, Instant now) {
        if (fleet == null || fleet.rigs().isEmpty()) {
            return 0;
        }
        for (DayWork day : days) {
            List<NetworkSnapshot> snapshots = day.snapshotIds().stream()
                    .map(id -> snapshotCache.computeIfAbsent(id, k -> em.find(NetworkSnapshot.class, k))).toList();
            // Amounts entered in other currencies at the day's rates: its last snapshot's, and the operator's own.
            NetworkSnapshot last = snapshots.get(snapshots.size() - 1);
            Map<String, Double> live = LedgerFigures.livePerUsd(last);
            LedgerDay row = LedgerFigures.figures(operatorId, fleet.at(currencies.pricing(live, last.id, entered)), zone,
                    day.date(), snapshots, day.from(), day.end(), now);
            // The day's own rates and the operator's (not a stand-in for one the snapshot lacked): it reads the same later.
            Map<String, Double> kept = new java.util.LinkedHashMap<>(live);
            entered.forEach(e -> kept.putIfAbsent(e.code(), e.perUsd()));
            row.fxRates = DayRates.json(new Rates(last.id, kept));
            em.persist(row);
        }
        return days.size();
    }
}
