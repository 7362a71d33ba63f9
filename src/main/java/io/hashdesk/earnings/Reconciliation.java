package io.hashdesk.earnings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.hashdesk.economics.ExpectedEarnings;

/**
 * Credited against expected, per account and UTC day (docs/economics.md, "Expected and realized
 * earnings"): expected at the covered sites' uptime and pool fee at that day's network state,
 * realized % = credited / expected, effective uptime = credited / expected at 100 % uptime, USD at
 * the day's price. A day without network history has no expected side (null), never an invented one;
 * only stored history is read (a page never waits on mempool: the pool job fetches missing days).
 */
@ApplicationScoped
public class Reconciliation {

    @Inject
    Expectations expectations;

    @Inject
    NetworkHistory history;

    /**
     * One account's day; null where the network history of the day is missing. {@code fullUptimeBtc} (the
     * expectation at 100 % uptime, what effective uptime is measured against) is for sums over days and
     * accounts, not part of the JSON answer.
     */
    public record DayRow(LocalDate date, long poolId, double creditedBtc, Double creditedUsd, Double expectedBtc,
            Double expectedUsd, Double realizedPercent, Double effectiveUptimePercent, Double reportedThs,
            double nameplateThs, @JsonIgnore Double fullUptimeBtc) {
    }

    /** Sums over the days that have an expected side (credited on days without history is left out of both). */
    public record Totals(double creditedBtc, double expectedBtc, Double creditedUsd, Double expectedUsd,
            Double realizedPercent) {
    }

    /** The rows by date then account, their totals, and each account's nameplate TH/s (the groups it covers). */
    public record Report(List<DayRow> days, Totals totals, Map<Long, Double> nameplateThs) {
    }

    /** The accounts' stored days from {@code from} to {@code to}, reconciled. */
    public Report report(List<PoolAccount> accounts, LocalDate from, LocalDate to) {
        List<Long> ids = accounts.stream().map(a -> a.id).toList();
        List<EarningDays.Day> credited = io.quarkus.narayana.jta.QuarkusTransaction.joiningExisting()
                .call(() -> EarningDays.between(ids, from, to));
        Set<LocalDate> dates = new HashSet<>();
        credited.forEach(d -> dates.add(d.date()));
        Map<LocalDate, NetworkHistory.Day> network = history.stored(dates); // never waits on mempool: the job fetches
        Map<Long, Map<LocalDate, Expectations.Expected>> expected = new HashMap<>();
        Map<String, List<Expectations.Covered>> coveredBy = new HashMap<>();
        Map<String, Map<LocalDate, Expectations.Expected>> expectedBy = new HashMap<>();
        Map<Long, Map<Long, List<Expectations.Covered>>> fleets = new HashMap<>();
        for (PoolAccount a : accounts) {
            String key = a.operatorId + ":" + a.siteId;
            List<Expectations.Covered> covered = coveredBy.computeIfAbsent(key, k -> {
                Map<Long, List<Expectations.Covered>> bySite = fleets.computeIfAbsent(a.operatorId,
                        expectations::coveredBySite);
                return a.siteId == null ? bySite.values().stream().flatMap(List::stream).toList()
                        : bySite.getOrDefault(a.siteId, List.of());
            });
            expected.put(a.id, expectedBy.computeIfAbsent(key, k -> Expectations.expected(covered, network)));
        }
        Map<Long, Double> nameplate = new HashMap<>();
        for (PoolAccount a : accounts) {
            nameplate.put(a.id, expectations.nameplate(coveredBy.get(a.operatorId + ":" + a.siteId)));
        }
        List<DayRow> rows = new ArrayList<>(credited.size());
        for (EarningDays.Day d : credited) {
            Expectations.Expected e = expected.get(d.poolId()).get(d.date());
            Double price = e == null ? null : e.priceUsd();
            Double expBtc = e == null ? null : e.btc();
            rows.add(new DayRow(d.date(), d.poolId(), d.creditedBtc(), price == null ? null : d.creditedBtc() * price,
                    expBtc, price == null || expBtc == null ? null : expBtc * price,
                    e == null ? null : nanToNull(ExpectedEarnings.percentOf(d.creditedBtc(), e.btc())),
                    e == null ? null : nanToNull(ExpectedEarnings.percentOf(d.creditedBtc(), e.fullUptimeBtc())),
                    d.reportedThs(), e == null ? nameplate.get(d.poolId()) : e.nameplateThs(),
                    e == null ? null : e.fullUptimeBtc()));
        }
        return new Report(rows, totals(rows), nameplate);
    }

    /** The sums of {@code rows} over the days with an expected side, as a report's totals. */
    public static Totals totals(List<DayRow> rows) {
        double cBtc = 0;
        double eBtc = 0;
        double cUsd = 0;
        double eUsd = 0;
        boolean usdKnown = true;
        boolean any = false;
        for (DayRow r : rows) {
            if (r.expectedBtc() != null) {
                any = true;
                cBtc += r.creditedBtc();
                eBtc += r.expectedBtc();
                if (r.creditedUsd() != null && r.expectedUsd() != null) {
                    cUsd += r.creditedUsd();
                    eUsd += r.expectedUsd();
                } else {
                    usdKnown = false;
                }
            }
        }
        return new Totals(cBtc, eBtc, any && usdKnown ? cUsd : null, any && usdKnown ? eUsd : null,
                any ? nanToNull(ExpectedEarnings.percentOf(cBtc, eBtc)) : null);
    }

    private static Double nanToNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
