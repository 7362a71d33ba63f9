package io.hashdesk.projection;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.account.Operator;
import io.hashdesk.economics.ProjectionResult;
import io.hashdesk.economics.Scenario;
import io.hashdesk.web.Flash;
import io.hashdesk.web.FormErrors;
import io.hashdesk.web.chart.LineChart;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

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
            List<SavedScenario> saved, String zone, String query, String saveName, FormErrors saveErrors) {
    }

    /** Seven days of the projection (the last week may be shorter). */
    public record Week(int number, String from, String to, double btc, double revenueUsd, double powerCostUsd,
            double hostingUsd, double poolFeeUsd, double profitUsd, double cumulativeProfitUsd) {
    }

    /** One group's payback and first unprofitable day, with dates. */
    public record Payback(io.hashdesk.fleet.RigGroup rig, String purchase, String paybackDate, String paybackDay,
            String firstUnprofitable, double profitUsd) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(View v);

        static native TemplateInstance index$workspace(View v);
    }

    @Inject
    CurrentOperator operator;

    @Inject
    ProjectionService projections;

    @Inject
    ScenarioService scenarios;

    @Inject
    Flash flash;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("preset") String preset, @QueryParam("saved") String saved,
            @QueryParam("name") String name, @QueryParam("days") String days,
            @QueryParam("priceDriftPercent") String drift, @QueryParam("hashrateGrowthPercent") String growth,
            @QueryParam("feesPerBlockBtc") String fees, @HeaderParam("HX-Request") String htmx) {
        Operator owner = operator.get();
        ScenarioInput input = input(owner, preset, saved, name, days, drift, growth, fees);
        View view = view(owner, input, "", FormErrors.none());
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
                throw new jakarta.ws.rs.NotFoundException();
            }
            return ScenarioInput.of(scenarios.get(owner, Long.parseLong(saved.strip())).scenario());
        }
        return new ScenarioInput(name, days, drift, growth, fees).withDefaults();
    }

    private View view(Operator owner, ScenarioInput input, String saveName, FormErrors saveErrors) {
        ScenarioInput.Result parsed = input.parse();
        String zone = owner.timezone;
        List<SavedScenario> saved = scenarios.list(owner);
        if (!parsed.ok()) {
            return new View(parsed.input(), parsed.errors(), null, null, null, List.of(), List.of(), null, saved, zone,
                    "", saveName, saveErrors);
        }
        FleetProjection p = projections.project(owner, parsed.scenario());
        LineChart daily = p.empty() ? null
                : projections.chart(p, "daily-profit", zone,
                        x -> Charts.dailyProfit("daily-profit", x, x.result().days(), zone, true));
        LineChart cumulative = p.empty() ? null
                : projections.chart(p, "cumulative-profit", zone, x -> Charts.cumulativeProfit("cumulative-profit", x, zone));
        return new View(parsed.input(), parsed.errors(), p, daily, cumulative, weeks(p, zone), paybacks(p, zone),
                p.empty() ? null : projections.sensitivity(owner, parsed.scenario()), saved, zone,
                query(parsed.input()), saveName, saveErrors);
    }

    static String query(ScenarioInput in) {
        return "days=" + enc(in.days()) + "&priceDriftPercent=" + enc(in.priceDriftPercent())
                + "&hashrateGrowthPercent=" + enc(in.hashrateGrowthPercent()) + "&feesPerBlockBtc="
                + enc(in.feesPerBlockBtc());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s == null ? "" : s, java.nio.charset.StandardCharsets.UTF_8);
    }

    static List<Week> weeks(FleetProjection p, String zone) {
        ProjectionResult r = p.result();
        DateTimeFormatter f = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
        ZoneId z = io.hashdesk.web.Formats.zoneOf(zone);
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

    static List<Payback> paybacks(FleetProjection p, String zone) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
        ZoneId z = io.hashdesk.web.Formats.zoneOf(zone);
        List<Payback> out = new ArrayList<>();
        for (int i = 0; i < p.fleet().rigs().size(); i++) {
            ProjectionResult.GroupOutcome o = p.result().groups().get(i);
            var rig = p.fleet().rigs().get(i);
            Double purchase = p.fleet().fleet().groups().get(i).purchaseUsd();
            String date = o.paysBack()
                    ? f.format(p.asOf().plusMillis((long) (o.paybackDay() * 86_400_000L)).atZone(z)) : null;
            String unprofitable = o.firstUnprofitableDay() < 0 ? null
                    : f.format(p.asOf().plusSeconds(86_400L * o.firstUnprofitableDay()).atZone(z));
            out.add(new Payback(rig, purchase == null ? null : io.hashdesk.web.Formats.usd0(purchase), date,
                    o.paysBack() ? io.hashdesk.web.Formats.number(o.paybackDay(), 0) : null, unprofitable,
                    o.profitUsd()));
        }
        return out;
    }

    /** The daily series as CSV, for a spreadsheet. */
    @GET
    @Path("daily.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("days") String days, @QueryParam("priceDriftPercent") String drift,
            @QueryParam("hashrateGrowthPercent") String growth, @QueryParam("feesPerBlockBtc") String fees) {
        ScenarioInput.Result parsed = new ScenarioInput("csv", days, drift, growth, fees).parse();
        if (!parsed.ok()) {
            StringBuilder msg = new StringBuilder();
            parsed.errors().asMap().forEach((k, m) -> msg.append(k).append(": ").append(m).append('\n'));
            return Response.status(400).type(MediaType.TEXT_PLAIN).entity(msg.toString()).build();
        }
        FleetProjection p = projections.project(operator.get(), parsed.scenario());
        ProjectionResult r = p.result();
        StringBuilder csv = new StringBuilder(
                "day,date,btc,revenue_usd,pool_fee_usd,power_cost_usd,hosting_usd,profit_usd,cumulative_profit_usd,difficulty,price_usd\r\n");
        for (int d = 0; d < r.days(); d++) {
            csv.append(String.format(Locale.ROOT, "%d,%s,%.8f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.0f,%.2f\r\n", d,
                    p.asOf().plusSeconds(86_400L * d), r.btc()[d], r.revenueUsd()[d], r.poolFeeUsd()[d],
                    r.powerCostUsd()[d], r.hostingUsd()[d], r.profitUsd()[d], r.cumulativeProfitUsd()[d],
                    r.difficulty()[d], r.priceUsd()[d]));
        }
        return Response.ok(csv.toString())
                .header("Content-Disposition", "attachment; filename=\"hashdesk-projection-" + r.days() + "d.csv\"")
                .build();
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
            return Response.status(422).entity(Templates.index(view(owner, input, saveName, FormErrors.none()))).build();
        }
        // "replace" carries the name the operator confirmed replacing: a changed name asks again.
        boolean confirmed = replace != null && saveName != null && replace.strip().equals(saveName.strip());
        ScenarioService.Saved saved = scenarios.save(owner, saveName, parsed.scenario(), confirmed);
        if (!saved.errors().isEmpty()) {
            return Response.status(422)
                    .entity(Templates.index(view(owner, input, saveName == null ? "" : saveName, saved.errors())))
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
