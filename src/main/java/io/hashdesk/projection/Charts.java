package io.hashdesk.projection;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

import io.hashdesk.currency.Fx;
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
    static LineChart dailyProfit(String id, FleetProjection p, int maxDays, String zone, boolean withParts, Fx fx) {
        ProjectionResult r = p.result();
        int n = Math.min(maxDays, r.days());
        double[] profit = in(fx, Arrays.copyOf(r.profitUsd(), n));
        double[] revenue = in(fx, Arrays.copyOf(r.revenueUsd(), n));
        double[] costs = new double[n];
        for (int d = 0; d < n; d++) {
            costs[d] = fx.fromUsd(r.powerCostUsd()[d] + r.hostingUsd()[d] + r.poolFeeUsd()[d]);
        }
        var b = base(id, "Projected profit per day", p, n, zone, fx).line("Profit", "s1", profit);
        if (withParts) {
            b.line("Revenue", "s4", revenue).line("Power, hosting and pool fees", "s3", costs);
        }
        b.includeZero()
                .describe(describe("Profit per day", profit, p.asOf(), zone, fx));
        markers(b, r, n);
        return b.build();
    }

    /**
     * Cumulative profit under both operating policies (the scenario's own first), with the price-risk
     * band (P10 to P90) and median path of the scenario's policy when {@code risk} is given.
     */
    static LineChart cumulativeProfit(String id, ProjectionService.PolicyComparison both, FleetProjection p,
            PriceRisk.Result risk, String zone, Fx fx) {
        ProjectionResult r = p.result();
        FleetProjection other = p.policy() == OperatingPolicy.KEEP_RUNNING ? both.switchOffWhenLosing() : both.keepRunning();
        int n = r.days();
        var b = base(id, "Cumulative profit", p, n, zone, fx);
        if (risk != null) {
            b.band("P10 to P90 of " + Formats.count(risk.options().paths()) + " price paths at "
                    + ScenarioInput.plain(risk.options().volatilityPercent()) + " % volatility", "b1",
                    in(fx, risk.cumulativeP10()), in(fx, risk.cumulativeP90()));
        }
        b.line("Cumulative profit, " + p.policy().label(), "s1", in(fx, r.cumulativeProfitUsd()))
                .line("Cumulative profit, " + other.policy().label(), "s2", in(fx, other.result().cumulativeProfitUsd()));
        if (risk != null) {
            b.line("Median price path (P50)", "s5", in(fx, risk.cumulativeP50()));
        }
        b.includeZero().describe(describe("Cumulative profit (" + p.policy().label() + ")", in(fx, r.cumulativeProfitUsd()),
                p.asOf(), zone, fx) + (risk == null ? "" : " On the last day, P10 " + fx.money0(risk.cumulativeP10()[n - 1])
                        + ", P50 " + fx.money0(risk.cumulativeP50()[n - 1]) + ", P90 " + fx.money0(risk.cumulativeP90()[n - 1])
                        + " across price paths."));
        markers(b, r, n);
        return b.build();
    }

    /** One rig group's profit per day under the scenario's policy (its own page). */
    static LineChart groupDailyProfit(String id, FleetProjection p, int group, String zone, Fx fx) {
        ProjectionResult r = p.result();
        int n = r.days();
        double[] profit = in(fx, r.groupSeries().profitUsd(group));
        var b = base(id, "Profit per day of this group", p, n, zone, fx).line("Profit", "s1", profit).includeZero()
                .describe(describe("This group's profit per day", profit, p.asOf(), zone, fx));
        markers(b, r, n);
        return b.build();
    }

    /** A series in USD in the display currency (a copy; the projection's own arrays stay in USD). */
    private static double[] in(Fx fx, double[] usd) {
        double[] out = new double[usd.length];
        for (int i = 0; i < usd.length; i++) {
            out[i] = fx.fromUsd(usd[i]);
        }
        return out;
    }

    private static LineChart.Builder base(String id, String title, FleetProjection p, int n, String zone, Fx fx) {
        double[] xs = new double[n];
        for (int d = 0; d < n; d++) {
            xs[d] = d;
        }
        ZoneId z = Formats.zoneOf(zone);
        DateTimeFormatter f = n > 300 ? DAY_YEAR : DAY;
        Instant start = p.asOf();
        String unit = title.startsWith("Cumulative") ? fx.currency() : fx.currency() + " per day";
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

    private static String describe(String what, double[] ys, Instant start, String zone, Fx fx) {
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
        String c = fx.currency();
        return String.format(Locale.ENGLISH, "%s over %d days: %,.2f " + c + " on day 1, %,.2f " + c + " on the last day;"
                + " lowest %,.2f " + c + " (%s), highest %,.2f " + c + " (%s).", what, ys.length, ys[0], ys[ys.length - 1],
                ys[min], DAY.format(start.plusSeconds(86_400L * min).atZone(z)), ys[max],
                DAY.format(start.plusSeconds(86_400L * max).atZone(z)));
    }

}
