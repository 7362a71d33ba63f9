package io.hashdesk.summary;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hashdesk.currency.DayRates;
import io.hashdesk.economics.NetworkState;
import io.hashdesk.economics.OperatingPolicy;
import io.hashdesk.economics.Period;
import io.hashdesk.fleet.FleetService.OperatorFleet;
import io.hashdesk.fleet.Site;
import io.hashdesk.network.SnapshotPrices;

/**
 * One day of the ledger priced from the snapshots in force during it (see {@link Ledger}): which snapshots
 * those are, and the fleet's figures from them by the economics core ({@link Period}).
 *
 * <p>A snapshot is in force from the moment it was taken until the next one. A day is priced when at least
 * one snapshot was taken during it; the hours before its first snapshot are priced by the snapshot in force
 * at the day's start when that one is at most {@link #CARRY_IN} old, by the day's first snapshot otherwise.
 * The day runs from its local midnight to the next (23 or 25 hours across a clock change), or from the
 * moment the fleet was set up on its first day.
 */
final class LedgerFigures {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How old a snapshot may be and still price the start of the next day. */
    static final Duration CARRY_IN = Duration.ofDays(1);
    /** The policy the operator runs: the projection's default, so past and future figures agree. */
    static final OperatingPolicy POLICY = OperatingPolicy.SWITCH_OFF_WHEN_LOSING;

    private LedgerFigures() {
    }

    /** A stored snapshot's id and time. */
    record Ref(long id, Instant fetchedAt) {
    }

    /**
     * The snapshots in force during [from, end), oldest first, from all of them sorted by time; empty when
     * none was taken during it.
     */
    static List<Ref> inForce(List<Ref> sorted, Instant from, Instant end) {
        int lo = firstAtOrAfter(sorted, from);
        int hi = firstAtOrAfter(sorted, end);
        if (lo == hi) {
            return List.of();
        }
        List<Ref> out = new ArrayList<>(hi - lo + 1);
        if (lo > 0 && !sorted.get(lo - 1).fetchedAt().isBefore(from.minus(CARRY_IN))) {
            out.add(sorted.get(lo - 1));
        }
        out.addAll(sorted.subList(lo, hi));
        return out;
    }

    private static int firstAtOrAfter(List<Ref> sorted, Instant at) {
        int lo = 0, hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).fetchedAt().isBefore(at)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The network states of {@code snapshots} (in force order) cut to [from, end). */
    static List<Period.Part> parts(List<NetworkState> states, List<Instant> takenAt, Instant from, Instant end) {
        List<Period.Part> parts = new ArrayList<>(states.size());
        for (int k = 0; k < states.size(); k++) {
            Instant a = k == 0 ? from : max(from, takenAt.get(k));
            Instant b = k + 1 < states.size() ? min(end, takenAt.get(k + 1)) : end;
            if (b.isAfter(a)) {
                parts.add(new Period.Part(a, b, states.get(k)));
            }
        }
        return parts;
    }

    /**
     * The ledger row of one day.
     *
     * @param snapshots the snapshots in force during the day, oldest first ({@link #inForce})
     * @param from the day's start, or the moment the fleet was set up on its first day
     * @param end the next local midnight
     */
    static LedgerDay figures(long operatorId, OperatorFleet fleet, ZoneId zone, LocalDate date,
            List<io.hashdesk.network.NetworkSnapshot> snapshots, Instant from, Instant end, Instant now) {
        List<NetworkState> states = snapshots.stream().map(Ledger::state).toList();
        List<Instant> takenAt = snapshots.stream().map(s -> s.fetchedAt).toList();
        List<Period.Part> parts = parts(states, takenAt, from, end);
        Period.Result r = Period.of(fleet.fleet(), parts, POLICY);
        double seconds = 0, price = 0, difficulty = 0, hashprice = 0;
        for (Period.Part p : parts) {
            double t = Duration.between(p.from(), p.to()).toMillis() / 1000.0;
            seconds += t;
            price += t * p.network().priceUsd();
            difficulty += t * p.network().difficulty();
            hashprice += t * p.network().hashpriceUsdPerThDay();
        }
        io.hashdesk.network.NetworkSnapshot last = snapshots.get(snapshots.size() - 1);
        LedgerDay d = new LedgerDay();
        d.operatorId = operatorId;
        d.date = date;
        d.timezone = zone.getId();
        d.snapshotId = last.id;
        d.snapshotFetchedAt = last.fetchedAt;
        d.priceUsd = price / seconds;
        d.difficulty = difficulty / seconds;
        d.hashpriceUsdPerThDay = hashprice / seconds;
        d.rigGroups = fleet.rigs().size();
        d.btc = r.fleet().btc();
        d.revenueUsd = r.fleet().revenueUsd();
        d.poolFeeUsd = r.fleet().poolFeeUsd();
        d.powerCostUsd = r.fleet().powerCostUsd();
        d.hostingUsd = r.fleet().hostingUsd();
        d.profitUsd = r.fleet().profitUsd();
        d.hours = r.hours();
        d.keepRunningProfitUsd = r.keepRunningProfitUsd();
        try {
            d.sites = JSON.writeValueAsString(sites(fleet, r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        d.fxRates = DayRates.json(last.priceUsd, SnapshotPrices.of(last));
        d.recordedAt = now;
        return d;
    }

    /** Units per USD of mempool's currencies at a snapshot (USD included): a day's rates. */
    static java.util.Map<String, Double> livePerUsd(io.hashdesk.network.NetworkSnapshot s) {
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        out.put("USD", 1.0);
        SnapshotPrices.of(s).forEach((code, price) -> {
            if (s.priceUsd > 0 && io.hashdesk.currency.Currencies.rateProblem(price / s.priceUsd) == null) {
                out.put(code, price / s.priceUsd);
            }
        });
        return out;
    }

    /** The day's figures summed per site, in the fleet's site order. */
    private static List<LedgerSite> sites(OperatorFleet fleet, Period.Result r) {
        List<LedgerSite> out = new ArrayList<>();
        for (int s = 0; s < fleet.sites().size(); s++) {
            Site site = fleet.sites().get(s);
            double btc = 0, rev = 0, fee = 0, power = 0, hosting = 0, profit = 0;
            for (int g = 0; g < fleet.rigs().size(); g++) {
                if (fleet.fleet().groups().get(g).siteIndex() != s) {
                    continue;
                }
                Period.Sums t = r.groups().get(g);
                btc += t.btc();
                rev += t.revenueUsd();
                fee += t.poolFeeUsd();
                power += t.powerCostUsd();
                hosting += t.hostingUsd();
                profit += t.profitUsd();
            }
            out.add(new LedgerSite(site.id, site.name, btc, rev, fee, power, hosting, profit));
        }
        return out;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
