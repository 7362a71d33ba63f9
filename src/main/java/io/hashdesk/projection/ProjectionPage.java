package io.hashdesk.projection;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

import io.hashdesk.account.Operator;
import io.hashdesk.account.SignedIn;
import io.hashdesk.currency.DisplayFx;
import io.hashdesk.currency.Fx;
import io.hashdesk.earnings.MeasuredUptime;
import io.hashdesk.economics.Money;
import io.hashdesk.economics.PriceRisk;
import io.hashdesk.economics.Projection.GroupDetail;
import io.hashdesk.economics.ProjectionResult;
import io.hashdesk.economics.Scenario;
import io.hashdesk.fleet.RigGroup;
import io.hashdesk.web.FormErrors;
import io.hashdesk.web.Formats;
import io.hashdesk.web.chart.LineChart;

/**
 * What /projection and a rig group's outlook show, built from a checked scenario: the projection, its
 * charts, weeks, paybacks, the policy comparison, the price paths and the saved scenarios.
 */
@ApplicationScoped
public class ProjectionPage {

    /** What the page shows for one scenario; {@code p} is null when the input has errors. */
    public record View(ScenarioInput input, FormErrors errors, FleetProjection p, LineChart daily,
            LineChart cumulative, List<Week> weeks, List<Payback> paybacks, Sensitivity sensitivity,
            List<SavedScenario> saved, String zone, String query, String saveName, FormErrors saveErrors,
            ProjectionOptions options, ProjectionService.PolicyComparison policies, PriceRisk.Result risk,
            MeasuredUptime.Calibration measured) {

        public double maxVolatilityPercent() {
            return PriceRisk.MAX_VOLATILITY_PERCENT;
        }

        public double defaultVolatilityPercent() {
            return PriceRisk.DEFAULT_VOLATILITY_PERCENT;
        }

        /** What switching losers off earns over the horizon against keeping everything running, USD. */
        public double disciplineWorthUsd() {
            return policies.disciplineWorthUsd();
        }

        /** Whether the policies differ by at least a dollar over the horizon (otherwise nothing was switched off). */
        public boolean disciplineMatters() {
            return Math.abs(disciplineWorthUsd()) >= 0.5;
        }
    }

    /** Seven days of the projection (the last week may be shorter). */
    public record Week(int number, String from, String to, double btc, double revenueUsd, double powerCostUsd,
            double hostingUsd, double poolFeeUsd, double profitUsd, double cumulativeProfitUsd) {
    }

    /**
     * One group's payback and first unprofitable day, with dates.
     *
     * @param paybackProbability share of price paths on which it pays back (NaN without a purchase cost)
     * @param medianPaybackDay the median path's payback day (null when half the paths or more do not pay back)
     * @param daysOff days the policy has it switched off
     * @param firstOff the first day it is off all day (null if never)
     */
    public record Payback(RigGroup rig, String purchase, String paybackDate, String paybackDay,
            String firstUnprofitable, double profitUsd, double paybackProbability, String medianPaybackDay,
            int daysOff, String firstOff) {
    }

    /**
     * One rig group under a scenario: its daily profit chart, payback and the days it is off.
     *
     * @param offPeriods runs of consecutive days off, as dates ("3 Mar 2026 – 9 Mar 2026, 7 days")
     */
    public record RigView(FleetProjection p, RigGroup rig, LineChart chart, Payback payback,
            int daysOff, List<String> offPeriods, String query) {
    }

    @Inject
    ProjectionService projections;

    @Inject
    ChartCache charts;

    @Inject
    ScenarioService scenarios;

    @Inject
    WorkBudget budget;

    @Inject
    DisplayFx displayFx;

    @Inject
    MeasuredUptime measuredUptime;

    View view(Operator owner, ScenarioInput input, ProjectionOptions options, String saveName,
            FormErrors saveErrors) {
        ProjectionQuery.Checked checked = ProjectionQuery.check(input, options, true);
        ScenarioInput.Result parsed = checked.scenario();
        FormErrors errors = checked.errors();
        String zone = owner.timezone;
        List<SavedScenario> saved = scenarios.list(owner);
        if (!checked.ok()) {
            return new View(parsed.input(), errors, null, null, null, List.of(), List.of(), null, saved, zone,
                    "", saveName, saveErrors, options, null, null, null);
        }
        Scenario scenario = checked.withPolicy();
        MeasuredUptime.Calibration measured = checked.options().measured() ? measuredUptime.calibrate(owner.id) : null;
        Map<Long, Double> uptimes = measured == null ? Map.of() : measured.uptimeBySite();
        FleetProjection p = projections.project(owner, scenario, GroupDetail.TOTALS, uptimes);
        if (p.empty()) {
            return new View(parsed.input(), errors, p, null, null, List.of(), List.of(), null, saved, zone,
                    query(parsed.input(), options), saveName, saveErrors, options, null, null, measured);
        }
        ProjectionService.PolicyComparison policies = projections.comparePolicies(owner, scenario, uptimes);
        // The page's price paths (the default count) are fewer for a fleet too large for them over this horizon.
        PriceRisk.Options asked = checked.options().risk();
        int most = budget.maxPaths(p.fleet().rigs().size(), scenario.days());
        PriceRisk.Result risk = projections.risk(owner, scenario, asked.paths() <= most ? asked
                : new PriceRisk.Options(most, asked.volatilityPercent(), asked.seed()), uptimes);
        LineChart daily = charts.chart(p, "daily-profit", zone,
                x -> Charts.dailyProfit("daily-profit", x, x.result().days(), zone, true, displayFx.at(x.network())));
        // The chart's key: the projection (scenario and policy) and the price paths drawn on it.
        LineChart cumulative = charts.chart(p, "cumulative-profit " + checked.options().risk(), zone,
                x -> Charts.cumulativeProfit("cumulative-profit", policies, x, risk, zone, displayFx.at(x.network())));
        return new View(parsed.input(), errors, p, daily, cumulative, weeks(p, zone), paybacks(p, risk, zone, displayFx.at(p.network())),
                projections.sensitivity(owner, scenario, uptimes), saved, zone, query(parsed.input(), options),
                saveName, saveErrors, options, policies, risk, measured);
    }

    /** A rig group's outlook under a valid scenario; another operator's group (or none) is a 404. */
    RigView rig(SignedIn who, long id, ProjectionQuery.Checked checked, ProjectionOptions options) {
        // The group's daily chart and days off read its own series.
        FleetProjection p = projections.project(who, checked.withPolicy(), GroupDetail.DAILY);
        int g = -1;
        for (int i = 0; i < p.fleet().rigs().size(); i++) {
            if (p.fleet().rigs().get(i).id == id) {
                g = i;
            }
        }
        if (g < 0) {
            throw new NotFoundException();
        }
        int group = g;
        LineChart chart = charts.chart(p, "rig-" + id, who.timezone(),
                x -> Charts.groupDailyProfit("rig-daily-profit", x, group, who.timezone(),
                        displayFx.at(x.network())));
        Payback payback = paybacks(p, null, who.timezone(), displayFx.at(p.network())).get(g);
        int[] off = p.result().groupSeries().daysOff(g);
        return new RigView(p, p.fleet().rigs().get(g), chart, payback, off.length,
                offPeriods(p, off, who.timezone()), query(checked.scenario().input(), options));
    }

    /** Consecutive days off as date ranges, at most 12 listed (then "and N more"). */
    static List<String> offPeriods(FleetProjection p, int[] off, String zone) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
        ZoneId z = Formats.zoneOf(zone);
        List<String> out = new ArrayList<>();
        int runs = 0;
        for (int i = 0; i < off.length;) {
            int j = i;
            while (j + 1 < off.length && off[j + 1] == off[j] + 1) {
                j++;
            }
            runs++;
            if (out.size() < 12) {
                String from = f.format(p.asOf().plusSeconds(86_400L * off[i]).atZone(z));
                int n = j - i + 1;
                out.add(n == 1 ? from + " (day " + off[i] + ")"
                        : from + " – " + f.format(p.asOf().plusSeconds(86_400L * off[j]).atZone(z)) + " (days " + off[i]
                                + " to " + off[j] + ", " + n + " days)");
            }
            i = j + 1;
        }
        if (runs > out.size()) {
            out.add("and " + (runs - out.size()) + " more periods");
        }
        return out;
    }

    static String query(ScenarioInput in, ProjectionOptions options) {
        return "days=" + enc(in.days()) + "&priceDriftPercent=" + enc(in.priceDriftPercent())
                + "&hashrateGrowthPercent=" + enc(in.hashrateGrowthPercent()) + "&feesPerBlockBtc="
                + enc(in.feesPerBlockBtc()) + "&policy=" + enc(options.policyText())
                + (ProjectionOptions.MEASURED.equals(options.uptimeText()) ? "&uptime=measured" : "");
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    static List<Week> weeks(FleetProjection p, String zone) {
        ProjectionResult r = p.result();
        DateTimeFormatter f = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
        ZoneId z = Formats.zoneOf(zone);
        List<Week> out = new ArrayList<>();
        for (int start = 0, w = 1; start < r.days(); start += 7, w++) {
            int end = Math.min(r.days(), start + 7);
            Money m = r.money(start, end);
            out.add(new Week(w, f.format(p.asOf().plusSeconds(86_400L * start).atZone(z)),
                    f.format(p.asOf().plusSeconds(86_400L * end - 1).atZone(z)), m.btc(), m.revenueUsd(),
                    m.powerCostUsd(), m.hostingUsd(), m.poolFeeUsd(), m.profitUsd(), r.cumulativeProfitUsd()[end - 1]));
        }
        return out;
    }

    static List<Payback> paybacks(FleetProjection p, PriceRisk.Result risk, String zone, Fx fx) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
        ZoneId z = Formats.zoneOf(zone);
        List<Payback> out = new ArrayList<>();
        for (int i = 0; i < p.fleet().rigs().size(); i++) {
            ProjectionResult.GroupOutcome o = p.result().groups().get(i);
            var rig = p.fleet().rigs().get(i);
            Double purchase = p.fleet().fleet().groups().get(i).purchaseUsd();
            String date = o.paysBack()
                    ? f.format(p.asOf().plusMillis((long) (o.paybackDay() * 86_400_000L)).atZone(z)) : null;
            String unprofitable = o.firstUnprofitableDay() < 0 ? null
                    : f.format(p.asOf().plusSeconds(86_400L * o.firstUnprofitableDay()).atZone(z));
            String firstOff = o.daysOff() == 0 ? null
                    : f.format(p.asOf().plusSeconds(86_400L * o.firstDayOff()).atZone(z));
            PriceRisk.GroupRisk gr = risk == null ? null : risk.groups().get(i);
            double probability = gr == null ? Double.NaN : gr.paybackProbability();
            String median = gr == null || Double.isNaN(gr.medianPaybackDay()) ? null
                    : Formats.number(gr.medianPaybackDay(), 0);
            // No purchase cost (none given, or 0) means no payback figure: shown as "–" like a missing one.
            out.add(new Payback(rig, purchase == null || !(purchase > 0) ? null : fx.money0(purchase),
                    date,
                    o.paysBack() ? Formats.number(o.paybackDay(), 0) : null, unprofitable,
                    o.profitUsd(), probability, median, o.daysOff(), firstOff));
        }
        return out;
    }
}
