package io.hashdesk.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.economics.FleetToday;
import io.hashdesk.economics.GroupToday;
import io.hashdesk.economics.ProjectionResult;
import io.hashdesk.economics.Scenario;
import io.hashdesk.network.NetworkApiResource;
import io.hashdesk.web.Problem;

/** GET /api/v1/projection, exactly as CONTRACT.md names it. Undefined figures are null. */
@Path("/api/v1/projection")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectionApiResource {

    public record Assumptions(String scenario, int days, double priceDriftPercent, double hashrateGrowthPercent,
            double feesPerBlockBtc, boolean feesFromNetwork) {
    }

    public record Today(double btc, double revenueUsd, double poolFeeUsd, double powerCostUsd, double hostingUsd,
            double profitUsd, double hashpriceUsdPerThDay, Double costPerBtcUsd) {
    }

    /**
     * One rig group. {@code paybackDays} is ECONOMICS.md's purchase cost over today's profit;
     * {@code projectedPaybackDays} is when the projection's cumulative profit covers the purchase cost
     * (days after asOf, null when not within the horizon).
     */
    public record Group(long rigId, Today today, Double breakevenUsdPerKwh, Double shutdownUsdPerKwh,
            Double shutdownPriceUsd, double efficiencyJPerTh, boolean switchOff, Integer firstUnprofitableDay,
            Integer firstSwitchOffDay, Double paybackDays, Double projectedPaybackDays, Instant projectedPaybackDate,
            double runningHoursToday) {
    }

    public record Day(int day, Instant date, double btc, double revenueUsd, double poolFeeUsd, double powerCostUsd,
            double hostingUsd, double profitUsd, double cumulativeProfitUsd, double difficulty, double priceUsd) {
    }

    public record Event(String kind, double atDay, Instant date, long height, double changePercent) {
    }

    public record Totals(double btc, double revenueUsd, double poolFeeUsd, double powerCostUsd, double hostingUsd,
            double profitUsd) {
    }

    public record Body(Instant asOf, NetworkApiResource.Body network, Assumptions assumptions, Today today,
            List<Group> groups, List<Day> days, List<Event> events, Totals totals) {
    }

    @Inject
    ProjectionService projections;

    @Inject
    CurrentOperator operator;

    @GET
    public Response get(@QueryParam("days") String days, @QueryParam("priceDriftPercent") String drift,
            @QueryParam("hashrateGrowthPercent") String growth, @QueryParam("feesPerBlockBtc") String fees,
            @Context UriInfo uri) {
        ScenarioInput.Result parsed = new ScenarioInput("api", days, drift, growth, fees).parse();
        if (!parsed.ok()) {
            List<Problem.FieldError> errors = new ArrayList<>();
            parsed.errors().asMap().forEach((f, m) -> errors.add(new Problem.FieldError(f, m)));
            return Response.status(400).type(Problem.MEDIA_TYPE)
                    .entity(Problem.invalid(uri.getRequestUri().getPath(), errors)).build();
        }
        return Response.ok(body(projections.project(operator.get(), parsed.scenario()))).build();
    }

    static Body body(FleetProjection p) {
        ProjectionResult r = p.result();
        Scenario s = p.scenario();
        Assumptions assumptions = new Assumptions(s.name(), s.days(), s.priceDriftPercent(), s.hashrateGrowthPercent(),
                r.feesPerBlockBtc(), s.feesPerBlockBtc() == null);
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < p.today().groups().size(); i++) {
            GroupToday t = p.today().groups().get(i);
            ProjectionResult.GroupOutcome o = r.groups().get(i);
            groups.add(new Group(t.rigId(), today(t), orNull(t.breakevenUsdPerKwh()), orNull(t.shutdownUsdPerKwh()),
                    orNull(t.shutdownPriceUsd()), t.efficiencyJPerTh(), t.switchOff(),
                    o.firstUnprofitableDay() < 0 ? null : o.firstUnprofitableDay(),
                    o.firstSwitchOffDay() < 0 ? null : o.firstSwitchOffDay(), orNull(t.paybackDays()),
                    orNull(o.paybackDay()),
                    o.paysBack() ? p.asOf().plusMillis((long) (o.paybackDay() * 86_400_000L)) : null,
                    t.runningHours()));
        }
        List<Day> days = new ArrayList<>(r.days());
        for (int d = 0; d < r.days(); d++) {
            days.add(new Day(d, p.asOf().plusSeconds(86_400L * d), r.btc()[d], r.revenueUsd()[d], r.poolFeeUsd()[d],
                    r.powerCostUsd()[d], r.hostingUsd()[d], r.profitUsd()[d], r.cumulativeProfitUsd()[d],
                    r.difficulty()[d], r.priceUsd()[d]));
        }
        List<Event> events = r.events().stream().map(e -> new Event(e.kind().name().toLowerCase(java.util.Locale.ROOT),
                e.atDay(), p.asOf().plusMillis((long) (e.atDay() * 86_400_000L)), e.height(), e.changePercent()))
                .toList();
        ProjectionResult.Totals t = r.totals();
        return new Body(p.asOf(), NetworkApiResource.Body.of(p.network()), assumptions, today(p.today()),
                List.copyOf(groups), List.copyOf(days), events,
                new Totals(t.btc(), t.revenueUsd(), t.poolFeeUsd(), t.powerCostUsd(), t.hostingUsd(), t.profitUsd()));
    }

    static Today today(FleetToday f) {
        return new Today(f.btc(), f.revenueUsd(), f.poolFeeUsd(), f.powerCostUsd(), f.hostingUsd(), f.profitUsd(),
                f.hashpriceUsdPerThDay(), orNull(f.costPerBtcUsd()));
    }

    static Today today(GroupToday g) {
        return new Today(g.btc(), g.revenueUsd(), g.poolFeeUsd(), g.powerCostUsd(), g.hostingUsd(), g.profitUsd(),
                g.hashpriceUsdPerThDay(), orNull(g.costPerBtcUsd()));
    }

    static Double orNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
