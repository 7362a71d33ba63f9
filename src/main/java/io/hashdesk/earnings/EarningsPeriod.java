package io.hashdesk.earnings;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.hashdesk.economics.ExpectedEarnings;
import io.hashdesk.web.chart.LineChart;

/**
 * The figures of one view of /earnings, cut from the kept report of the last 90 closed UTC days
 * ({@link EarningsReports}): each account's standing, the accounts' days summed per UTC day, one account's
 * days, and the chart. Sums run over the days with an expected side; a credit on a day without network
 * history counts in neither side (docs/economics.md, "Expected and realized earnings").
 */
public final class EarningsPeriod {

    /** The periods the page offers, in days. */
    public static final List<Integer> CHOICES = List.of(7, 30, EarningsReports.PAGE_DAYS);
    public static final int DEFAULT_DAYS = 30;
    /** An account is flagged when its realized % over this many last days is below its threshold. */
    public static final int FLAG_DAYS = 3;

    /**
     * One account's standing: realized % over 7 and 30 days and over the period, effective uptime over the
     * period, the last 3 days against its threshold, the newest pool-reported TH/s in the period beside the
     * nameplate of the groups it covers; percentages null when no day had an expected side.
     */
    public record AccountRow(EarningsReports.Account account, Double realized7, Double realized30,
            Double realizedPeriod, Double uptimePeriod, Double realized3, boolean flagged, Double reportedThs,
            LocalDate reportedOn, double nameplateThs, int daysReported, int daysWithoutHistory) {
    }

    /**
     * The accounts' credits of one UTC day, summed: {@code reported} of {@code accounts} sent a figure; the
     * expected side null when the day has no network history (or nobody reported); pool-reported TH/s summed
     * over the {@code reportedThsAccounts} accounts that gave one, nameplate over the accounts that reported.
     */
    public record DaySum(LocalDate date, int reported, int accounts, double creditedBtc, Double creditedUsd,
            Double expectedBtc, Double expectedUsd, Double realizedPercent, Double effectiveUptimePercent,
            Double reportedThs, int reportedThsAccounts, double nameplateThs) {
    }

    private final int days;
    private final LocalDate from;
    private final LocalDate to;

    /** The last {@code days} closed UTC days ending with {@code to}. */
    public EarningsPeriod(int days, LocalDate to) {
        this.days = days;
        this.to = to;
        this.from = to.minusDays(days - 1L);
    }

    public int days() {
        return days;
    }

    public LocalDate from() {
        return from;
    }

    public LocalDate to() {
        return to;
    }

    /** The periods offered beside this one (for the page's choice). */
    public List<Integer> choices() {
        return CHOICES;
    }

    public int flagDays() {
        return FLAG_DAYS;
    }

    /** The report's rows by account, each in date order. */
    static Map<Long, List<Reconciliation.DayRow>> byAccount(Reconciliation.Report report) {
        Map<Long, List<Reconciliation.DayRow>> out = new HashMap<>();
        for (Reconciliation.DayRow d : report.days()) {
            out.computeIfAbsent(d.poolId(), k -> new ArrayList<>()).add(d);
        }
        return out;
    }

    /** The rows within the period. */
    List<Reconciliation.DayRow> within(List<Reconciliation.DayRow> rows) {
        return rows.stream().filter(d -> !d.date().isBefore(from) && !d.date().isAfter(to)).toList();
    }

    /** An account's standing from its rows of the kept report (any days; the period's are picked here). */
    AccountRow account(EarningsReports.Account a, List<Reconciliation.DayRow> rows, double nameplateThs) {
        Double r3 = realized(rows, to.minusDays(FLAG_DAYS - 1L));
        Reconciliation.DayRow latest = null;
        int reported = 0;
        int missing = 0;
        for (Reconciliation.DayRow d : within(rows)) {
            reported++;
            missing += d.expectedBtc() == null ? 1 : 0;
            if (d.reportedThs() != null) {
                latest = d;
            }
        }
        return new AccountRow(a, realized(rows, to.minusDays(6)), realized(rows, to.minusDays(29)),
                realized(rows, from), uptime(rows, from), r3, r3 != null && r3 < a.thresholdPercent(),
                latest == null ? null : latest.reportedThs(), latest == null ? null : latest.date(), nameplateThs,
                reported, missing);
    }

    /** Every day of the period, newest first, the accounts' rows of each summed. */
    List<DaySum> sums(List<Reconciliation.DayRow> rows, int accounts) {
        Map<LocalDate, List<Reconciliation.DayRow>> byDate = new TreeMap<>();
        for (Reconciliation.DayRow d : within(rows)) {
            byDate.computeIfAbsent(d.date(), k -> new ArrayList<>()).add(d);
        }
        List<DaySum> out = new ArrayList<>(days);
        for (LocalDate date = to; !date.isBefore(from); date = date.minusDays(1)) {
            out.add(sum(date, byDate.getOrDefault(date, List.of()), accounts));
        }
        return out;
    }

    static DaySum sum(LocalDate date, List<Reconciliation.DayRow> rows, int accounts) {
        double credited = 0;
        double expected = 0;
        double full = 0;
        double creditedUsd = 0;
        double expectedUsd = 0;
        boolean history = !rows.isEmpty();
        boolean usd = true;
        double ths = 0;
        int thsAccounts = 0;
        double nameplate = 0;
        for (Reconciliation.DayRow d : rows) {
            credited += d.creditedBtc();
            nameplate += d.nameplateThs();
            if (d.reportedThs() != null) {
                ths += d.reportedThs();
                thsAccounts++;
            }
            if (d.expectedBtc() == null || d.fullUptimeBtc() == null) {
                history = false;
                continue;
            }
            expected += d.expectedBtc();
            full += d.fullUptimeBtc();
            if (d.creditedUsd() != null && d.expectedUsd() != null) {
                creditedUsd += d.creditedUsd();
                expectedUsd += d.expectedUsd();
            } else {
                usd = false;
            }
        }
        return new DaySum(date, rows.size(), accounts, credited, history && usd ? creditedUsd : null,
                history ? expected : null, history && usd ? expectedUsd : null,
                history ? percent(credited, expected) : null, history ? percent(credited, full) : null,
                thsAccounts == 0 ? null : ths, thsAccounts, nameplate);
    }

    /** Credited over expected, in percent, on the days from {@code since} with an expected side. */
    public static Double realized(List<Reconciliation.DayRow> rows, LocalDate since) {
        double c = 0;
        double e = 0;
        for (Reconciliation.DayRow d : rows) {
            if (!d.date().isBefore(since) && d.expectedBtc() != null) {
                c += d.creditedBtc();
                e += d.expectedBtc();
            }
        }
        return percent(c, e);
    }

    /** Effective uptime: credited over expected at 100 % uptime, on the days from {@code since} with one. */
    static Double uptime(List<Reconciliation.DayRow> rows, LocalDate since) {
        double c = 0;
        double full = 0;
        for (Reconciliation.DayRow d : rows) {
            if (!d.date().isBefore(since) && d.fullUptimeBtc() != null) {
                c += d.creditedBtc();
                full += d.fullUptimeBtc();
            }
        }
        return percent(c, full);
    }

    private static Double percent(double credited, double expected) {
        double p = ExpectedEarnings.percentOf(credited, expected);
        return expected > 0 && Double.isFinite(p) ? p : null;
    }

    /** Credited against expected per UTC day of the period, each summed over {@code rows}' accounts. */
    LineChart chart(List<Reconciliation.DayRow> rows, String whose) {
        Map<LocalDate, double[]> byDay = new TreeMap<>();
        for (Reconciliation.DayRow d : within(rows)) {
            if (d.expectedBtc() != null) {
                double[] s = byDay.computeIfAbsent(d.date(), k -> new double[2]);
                s[0] += d.creditedBtc();
                s[1] += d.expectedBtc();
            }
        }
        double[] xs = new double[days];
        double[] credited = new double[days];
        double[] expected = new double[days];
        for (int i = 0; i < days; i++) {
            xs[i] = i;
            double[] s = byDay.get(from.plusDays(i));
            credited[i] = s == null ? Double.NaN : s[0];
            expected[i] = s == null ? Double.NaN : s[1];
        }
        DateTimeFormatter f = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
        LineChart.Builder b = LineChart.builder("earnings-chart", "Credited and expected per UTC day, " + whose, "BTC")
                .x(xs, i -> f.format(from.plusDays(i)))
                .yLabel(v -> String.format(Locale.ENGLISH, "%.5f", v));
        if (!byDay.isEmpty()) {
            b.line("Credited by the pools", "s1", credited).line("Expected by the model", "s2", expected).includeZero()
                    .describe("Credited and expected BTC per UTC day over the last " + days
                            + " closed days, " + whose + ", over the days with network history.");
        }
        return b.build();
    }

    /** The rows newest first (a table reads from the latest day down). */
    static <T> List<T> newestFirst(List<T> rows) {
        List<T> out = new ArrayList<>(rows);
        Collections.reverse(out);
        return out;
    }
}
