package io.hashdesk.projection;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.resteasy.reactive.RestForm;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.account.Operator;
import io.hashdesk.account.SignedIn;
import io.hashdesk.earnings.MeasuredUptime;
import io.hashdesk.economics.GroupSeries;
import io.hashdesk.economics.PriceRisk;
import io.hashdesk.economics.Projection.GroupDetail;
import io.hashdesk.economics.ProjectionResult;
import io.hashdesk.economics.Scenario;
import io.hashdesk.fleet.RigGroup;
import io.hashdesk.web.Flash;
import io.hashdesk.web.FormErrors;
import io.hashdesk.web.Formats;
import io.hashdesk.web.chart.LineChart;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;

/**
 * /projection: the scenario form and its results. The form re-renders its own fragment with htmx
 * (no full page load); a URL with the same parameters gives the whole page, so results can be
 * bookmarked and shared.
 */
@Path("/projection")
public class ProjectionResource {

    /** What the page shows for one scenario; {@code p} is null when the input has errors. */
    public record View(ScenarioInput input, FormErrors errors, FleetProjection p, LineChart daily,
            LineChart cumulative, List<Week> weeks, List<Payback> paybacks, ProjectionService.Sensitivity sensitivity,
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

    /** One group's payback and first unprofitable day, with dates. */
    /**
     * @param paybackProbability share of price paths on which it pays back (NaN without a purchase cost)
     * @param medianPaybackDay the median path's payback day (null when half the paths or more do not pay back)
     * @param daysOff days the policy has it switched off
     * @param firstOff the first day it is off all day (null if never)
     */
    public record Payback(RigGroup rig, String purchase, String paybackDate, String paybackDay,
            String firstUnprofitable, double profitUsd, double paybackProbability, String medianPaybackDay,
            int daysOff, String firstOff) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(View v);

        static native TemplateInstance index$workspace(View v);

        static native TemplateInstance rig(RigView v);

        static native TemplateInstance rig$outlook(RigView v);
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
    CurrentOperator operator;

    @Inject
    ProjectionService projections;

    @Inject
    ScenarioService scenarios;

    @Inject
    Flash flash;

    @Inject
    WorkBudget budget;

    @Inject
    HeavyWork heavy;

    @Inject
    MeasuredUptime measuredUptime;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("preset") String preset, @QueryParam("saved") String saved,
            @QueryParam("name") String name, @QueryParam("days") String days,
            @QueryParam("priceDriftPercent") String drift, @QueryParam("hashrateGrowthPercent") String growth,
            @QueryParam("feesPerBlockBtc") String fees, @QueryParam("policy") String policy,
            @QueryParam("volatilityPercent") String volatility, @QueryParam("uptime") String uptime,
            @HeaderParam("HX-Request") String htmx, RoutingContext routing) {
        Operator owner = operator.get();
        ScenarioInput input = input(owner, preset, saved, name, days, drift, growth, fees);
        View view;
        // The page runs the price paths: a heavy request like a JSON or CSV one with paths.
        try (HeavyWork.Permit permit = heavy.acquire(owner.id, routing)) {
            view = view(owner, input, new ProjectionOptions(policy, null, null, volatility, null, uptime), "",
                    FormErrors.none());
        }
        TemplateInstance t = htmx != null ? Templates.index$workspace(view) : Templates.index(view);
        return Response.status(view.p() == null ? 422 : 200).entity(t).build();
    }

    private ScenarioInput input(Operator owner, String preset, String saved, String name, String days, String drift,
            String growth, String fees) {
        int horizon = Scenario.DEFAULT_DAYS;
        if (days != null && days.strip().matches("\\d{1,4}")) {
            horizon = Math.max(1, Math.min(Scenario.MAX_DAYS, Integer.parseInt(days.strip())));
        }
        if (preset != null && List.of("bear", "base", "bull").contains(preset)) {
            return ScenarioInput.of(Scenario.preset(preset, horizon));
        }
        if (saved != null && !saved.isBlank()) {
            // Not a number, or not one of the operator's: the same 404 as a missing one.
            if (!saved.strip().matches("\\d{1,18}")) {
                throw new NotFoundException();
            }
            return ScenarioInput.of(scenarios.get(owner, Long.parseLong(saved.strip())).scenario());
        }
        return new ScenarioInput(name, days, drift, growth, fees).withDefaults();
    }

    private View view(Operator owner, ScenarioInput input, ProjectionOptions options, String saveName,
            FormErrors saveErrors) {
        ScenarioInput.Result parsed = input.parse();
        ProjectionOptions.Parsed parsedOptions = options.parse(true, parsed.ok() ? parsed.scenario().days() : null);
        parsedOptions.errors().asMap().forEach(parsed.errors()::add);
        String zone = owner.timezone;
        List<SavedScenario> saved = scenarios.list(owner);
        if (!parsed.ok() || !parsedOptions.ok()) {
            return new View(parsed.input(), parsed.errors(), null, null, null, List.of(), List.of(), null, saved, zone,
                    "", saveName, saveErrors, options, null, null, null);
        }
        Scenario scenario = parsed.scenario().withPolicy(parsedOptions.policy());
        MeasuredUptime.Calibration measured = parsedOptions.measured() ? measuredUptime.calibrate(owner.id) : null;
        Map<Long, Double> uptimes = measured == null ? Map.of() : measured.uptimeBySite();
        FleetProjection p = projections.project(owner, scenario, GroupDetail.TOTALS, uptimes);
        if (p.empty()) {
            return new View(parsed.input(), parsed.errors(), p, null, null, List.of(), List.of(), null, saved, zone,
                    query(parsed.input(), options), saveName, saveErrors, options, null, null, measured);
        }
        ProjectionService.PolicyComparison policies = projections.comparePolicies(owner, scenario, uptimes);
        // The page's price paths (the default count) are fewer for a fleet too large for them over this horizon.
        PriceRisk.Options asked = parsedOptions.risk();
        int most = budget.maxPaths(p.fleet().rigs().size(), scenario.days());
        PriceRisk.Result risk = projections.risk(owner, scenario, asked.paths() <= most ? asked
                : new PriceRisk.Options(most, asked.volatilityPercent(), asked.seed()), uptimes);
        LineChart daily = projections.chart(p, "daily-profit", zone,
                x -> Charts.dailyProfit("daily-profit", x, x.result().days(), zone, true));
        // The chart's key: the projection (scenario and policy) and the price paths drawn on it.
        LineChart cumulative = projections.chart(p, "cumulative-profit " + parsedOptions.risk(), zone,
                x -> Charts.cumulativeProfit("cumulative-profit", policies, x, risk, zone));
        return new View(parsed.input(), parsed.errors(), p, daily, cumulative, weeks(p, zone), paybacks(p, risk, zone),
                projections.sensitivity(owner, scenario, uptimes), saved, zone, query(parsed.input(), options), saveName,
                saveErrors, options, policies, risk, measured);
    }

    /**
     * A rig group's own projection (on its page, loaded with htmx; or alone): the same scenario
     * parameters as /projection, 365 days by default. Another operator's group answers 404.
     */
    @GET
    @Path("rigs/{id:\\d+}")
    @Produces(MediaType.TEXT_HTML)
    public Response rig(@PathParam("id") long id, @QueryParam("days") String days,
            @QueryParam("priceDriftPercent") String drift, @QueryParam("hashrateGrowthPercent") String growth,
            @QueryParam("feesPerBlockBtc") String fees, @QueryParam("policy") String policy,
            @HeaderParam("HX-Request") String htmx) {
        ScenarioInput input = new ScenarioInput(null, days == null || days.isBlank() ? "365" : days, drift, growth, fees);
        ScenarioInput.Result parsed = input.parse();
        ProjectionOptions options = new ProjectionOptions(policy, null, null, null, null);
        ProjectionOptions.Parsed parsedOptions = options.parse(false, null);
        if (!parsed.ok() || !parsedOptions.ok()) {
            throw new BadRequestException();
        }
        SignedIn who = operator.signedInOperator();
        // The group's daily chart and days off read its own series.
        FleetProjection p = projections.project(who, parsed.scenario().withPolicy(parsedOptions.policy()),
                GroupDetail.DAILY);
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
        LineChart chart = projections.chart(p, "rig-" + id, who.timezone(),
                x -> Charts.groupDailyProfit("rig-daily-profit", x, group, who.timezone()));
        Payback payback = paybacks(p, null, who.timezone()).get(g);
        int[] off = p.result().groupSeries().daysOff(g);
        RigView view = new RigView(p, p.fleet().rigs().get(g), chart, payback, off.length,
                offPeriods(p, off, who.timezone()), query(parsed.input(), options));
        return Response.ok(htmx != null ? Templates.rig$outlook(view) : Templates.rig(view)).build();
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
            double btc = 0, rev = 0, power = 0, hosting = 0, fee = 0, profit = 0;
            for (int d = start; d < end; d++) {
                btc += r.btc()[d];
                rev += r.revenueUsd()[d];
                power += r.powerCostUsd()[d];
                hosting += r.hostingUsd()[d];
                fee += r.poolFeeUsd()[d];
                profit += r.profitUsd()[d];
            }
            out.add(new Week(w, f.format(p.asOf().plusSeconds(86_400L * start).atZone(z)),
                    f.format(p.asOf().plusSeconds(86_400L * end - 1).atZone(z)), btc, rev, power, hosting, fee, profit,
                    r.cumulativeProfitUsd()[end - 1]));
        }
        return out;
    }

    static List<Payback> paybacks(FleetProjection p, PriceRisk.Result risk, String zone) {
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
            out.add(new Payback(rig, purchase == null || !(purchase > 0) ? null : Formats.usd0(purchase),
                    date,
                    o.paysBack() ? Formats.number(o.paybackDay(), 0) : null, unprofitable,
                    o.profitUsd(), probability, median, o.daysOff(), firstOff));
        }
        return out;
    }

    /**
     * The daily series as CSV, for a spreadsheet, with the JSON's parameters: the fleet's days under the
     * policy (with the price-risk bands as extra columns when {@code paths} is given), or with
     * {@code groups=daily} one row per rig group and day.
     */
    @GET
    @Path("daily.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("days") String days, @QueryParam("priceDriftPercent") String drift,
            @QueryParam("hashrateGrowthPercent") String growth, @QueryParam("feesPerBlockBtc") String fees,
            @QueryParam("policy") String policy, @QueryParam("groups") String groups,
            @QueryParam("paths") String paths, @QueryParam("volatilityPercent") String volatility,
            @QueryParam("seed") String seed, @QueryParam("uptime") String uptime, RoutingContext routing) {
        ScenarioInput.Result parsed = new ScenarioInput("csv", days, drift, growth, fees).parse();
        ProjectionOptions.Parsed options = new ProjectionOptions(policy, groups, paths, volatility, seed, uptime)
                .parse(false, parsed.ok() ? parsed.scenario().days() : null);
        if (!parsed.ok() || !options.ok()) {
            StringBuilder msg = new StringBuilder();
            parsed.errors().asMap().forEach((k, m) -> msg.append(k).append(": ").append(m).append('\n'));
            options.errors().asMap().forEach((k, m) -> msg.append(k).append(": ").append(m).append('\n'));
            return Response.status(400).type(MediaType.TEXT_PLAIN).entity(msg.toString()).build();
        }
        SignedIn who = operator.signedInOperator();
        Scenario scenario = parsed.scenario().withPolicy(options.policy());
        FormErrors over = budget.check(projections.groups(who), scenario.days(),
                options.daily() ? null : options.risk(), options.daily());
        if (over.any()) {
            StringBuilder msg = new StringBuilder();
            over.asMap().forEach((k, m) -> msg.append(k).append(": ").append(m).append('\n'));
            return Response.status(422).type(MediaType.TEXT_PLAIN).entity(msg.toString()).build();
        }
        HeavyWork.Permit permit = heavy.acquire(who.id(), routing);
        try {
            Map<Long, Double> uptimes = options.measured() ? measuredUptime.calibrate(who.id()).uptimeBySite() : Map.of();
            FleetProjection p = projections.project(who, scenario,
                    options.daily() ? GroupDetail.DAILY : GroupDetail.TOTALS, uptimes);
            PriceRisk.Result risk = options.daily() || options.risk() == null ? null
                    : projections.risk(who, scenario, options.risk(), uptimes);
            String file = "hashdesk-projection-" + p.result().days() + "d-" + ProjectionOptions.name(p.result().policy())
                    + (options.daily() ? "-groups" : "") + ".csv";
            StreamingOutput body = out -> {
                try (Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024)) {
                    if (options.daily()) {
                        ProjectionCsv.groups(w, p);
                    } else {
                        ProjectionCsv.fleet(w, p, risk);
                    }
                } finally {
                    ProjectionApiResource.close(permit);
                }
            };
            return Response.ok(body).header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
        } catch (RuntimeException e) {
            ProjectionApiResource.close(permit);
            throw e;
        }
    }

    @POST
    @Path("scenarios")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response save(@RestForm String saveName, @RestForm String days, @RestForm String priceDriftPercent,
            @RestForm String hashrateGrowthPercent, @RestForm String feesPerBlockBtc, @RestForm String replace) {
        Operator owner = operator.get();
        ScenarioInput input = new ScenarioInput(saveName, days, priceDriftPercent, hashrateGrowthPercent,
                feesPerBlockBtc).withDefaults();
        ScenarioInput.Result parsed = input.parse();
        if (!parsed.ok()) {
            return Response.status(422)
                    .entity(Templates.index(view(owner, input, ProjectionOptions.none(), saveName, FormErrors.none())))
                    .build();
        }
        // "replace" carries the name the operator confirmed replacing: a changed name asks again.
        boolean confirmed = replace != null && saveName != null && replace.strip().equals(saveName.strip());
        ScenarioService.Saved saved = scenarios.save(owner, saveName, parsed.scenario(), confirmed);
        if (!saved.errors().isEmpty()) {
            return Response.status(422)
                    .entity(Templates.index(view(owner, input, ProjectionOptions.none(), saveName == null ? "" : saveName,
                            saved.errors())))
                    .build();
        }
        flash.success("Scenario \"" + saved.scenario().name + "\" saved.");
        return Response.seeOther(URI.create("/projection?saved=" + saved.scenario().id)).build();
    }

    @POST
    @Path("scenarios/{id}/delete")
    public Response delete(@PathParam("id") long id) {
        Operator owner = operator.get();
        String name = scenarios.get(owner, id).name;
        scenarios.delete(owner, id);
        flash.success("Scenario \"" + name + "\" deleted.");
        return Response.seeOther(URI.create("/projection")).build();
    }
}
