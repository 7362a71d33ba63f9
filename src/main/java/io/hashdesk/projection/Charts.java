package io.hashdesk.projection;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

import io.hashdesk.economics.OperatingPolicy;
import io.hashdesk.economics.PriceRisk;
import io.hashdesk.economics.ProjectionResult;
import io.hashdesk.web.Formats;
import io.hashdesk.web.chart.LineChart;

/** The projection's charts: profit per day and cumulative profit, with retargets and halvings marked. */
final class Charts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("d MMM yy", Locale.ENGLISH);

    private Charts() {
    }

    /** Profit per day alone (the dashboard), or with revenue and costs beside it (the projection page). */
    static LineChart dailyProfit(String id, FleetProjection p, int maxDays, String zone, boolean withParts) {
        ProjectionResult r = p.result();
        int n = Math.min(maxDays, r.days());
        double[] profit = Arrays.copyOf(r.profitUsd(), n);
        double[] revenue = Arrays.copyOf(r.revenueUsd(), n);
        double[] costs = new double[n];
        for (int d = 0; d < n; d++) {
            costs[d] = r.powerCostUsd()[d] + r.hostingUsd()[d] + r.poolFeeUsd()[d];
        }
        var b = base(id, "Projected profit per day", p, n, zone).line("Profit", "s1", profit);
        if (withParts) {
            b.line("Revenue", "s4", revenue).line("Power, hosting and pool fees", "s3", costs);
        }
        b.includeZero()
                .describe(describe("Profit per day", profit, p.asOf(), zone));
        markers(b, r, n);
        return b.build();
    }

    /**
     * Cumulative profit under both operating policies (the scenario's own first), with the price-risk
     * band (P10 to P90) and median path of the scenario's policy when {@code risk} is given.
     */
    static LineChart cumulativeProfit(String id, ProjectionService.PolicyComparison both, FleetProjection p,
            PriceRisk.Result risk, String zone) {
        ProjectionResult r = p.result();
        FleetProjection other = p.policy() == OperatingPolicy.KEEP_RUNNING ? both.switchOffWhenLosing() : both.keepRunning();
        int n = r.days();
        var b = base(id, "Cumulative profit", p, n, zone);
        if (risk != null) {
            b.band("P10 to P90 of " + Formats.count(risk.options().paths()) + " price paths at "
                    + ScenarioInput.plain(risk.options().volatilityPercent()) + " % volatility", "b1",
                    risk.cumulativeP10(), risk.cumulativeP90());
        }
        b.line("Cumulative profit, " + p.policy().label(), "s1", r.cumulativeProfitUsd())
                .line("Cumulative profit, " + other.policy().label(), "s2", other.result().cumulativeProfitUsd());
        if (risk != null) {
            b.line("Median price path (P50)", "s5", risk.cumulativeP50());
        }
        b.includeZero().describe(describe("Cumulative profit (" + p.policy().label() + ")", r.cumulativeProfitUsd(),
                p.asOf(), zone) + (risk == null ? "" : String.format(Locale.ENGLISH,
                        " On the last day, P10 %,.0f USD, P50 %,.0f USD, P90 %,.0f USD across price paths.",
                        risk.cumulativeP10()[n - 1], risk.cumulativeP50()[n - 1], risk.cumulativeP90()[n - 1])));
        markers(b, r, n);
        return b.build();
    }

    /** One rig group's profit per day under the scenario's policy (its own page). */
    static LineChart groupDailyProfit(String id, FleetProjection p, int group, String zone) {
        ProjectionResult r = p.result();
        int n = r.days();
        double[] profit = r.groupSeries().profitUsd(group);
        var b = base(id, "Profit per day of this group", p, n, zone).line("Profit", "s1", profit).includeZero()
                .describe(describe("This group's profit per day", profit, p.asOf(), zone));
        markers(b, r, n);
        return b.build();
    }

    private static LineChart.Builder base(String id, String title, FleetProjection p, int n, String zone) {
        double[] xs = new double[n];
        for (int d = 0; d < n; d++) {
            xs[d] = d;
        }
        ZoneId z = Formats.zoneOf(zone);
        DateTimeFormatter f = n > 300 ? DAY_YEAR : DAY;
        Instant start = p.asOf();
        String unit = title.startsWith("Cumulative") ? "USD" : "USD per day";
        // Every chart says which operating policy it shows.
        return LineChart.builder(id, title + ", " + n + " days (" + p.policy().label() + ")", unit)
                .x(xs, i -> f.format(start.plusSeconds(86_400L * i).atZone(z)))
                .yLabel(v -> String.format(Locale.ENGLISH, "%,.0f", v));
    }

    /** Retargets and halvings as vertical lines; labels only where they say something (the first retarget, real changes, the halving). */
    private static void markers(LineChart.Builder b, ProjectionResult r, int n) {
        long retargets = r.events().stream().filter(e -> e.kind() == ProjectionResult.EventKind.RETARGET
                && e.atDay() <= n).count();
        boolean first = true;
        for (ProjectionResult.Event e : r.events()) {
            if (e.atDay() > n) {
                continue;
            }
            if (e.kind() == ProjectionResult.EventKind.HALVING) {
                b.marker(e.atDay(), "Halving", "Halving at block " + Formats.count(e.height()),
                        "halving");
            } else {
                String change = Formats.change(e.changePercent());
                boolean labelled = first || (retargets <= 8 && Math.abs(e.changePercent()) >= 0.05);
                b.marker(e.atDay(), labelled ? change : "",
                        "Retarget " + change + " at block " + Formats.count(e.height()), "retarget");
                first = false;
            }
        }
    }

    private static String describe(String what, double[] ys, Instant start, String zone) {
        if (ys.length == 0) {
            return what + ": no days.";
        }
        int min = 0, max = 0;
        for (int i = 1; i < ys.length; i++) {
            if (ys[i] < ys[min]) {
                min = i;
            }
            if (ys[i] > ys[max]) {
                max = i;
            }
        }
        ZoneId z = Formats.zoneOf(zone);
        return String.format(Locale.ENGLISH, "%s over %d days: %,.2f USD on day 1, %,.2f USD on the last day;"
                + " lowest %,.2f USD (%s), highest %,.2f USD (%s).", what, ys.length, ys[0], ys[ys.length - 1],
                ys[min], DAY.format(start.plusSeconds(86_400L * min).atZone(z)), ys[max],
                DAY.format(start.plusSeconds(86_400L * max).atZone(z)));
    }

}
