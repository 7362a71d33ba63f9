package io.hashdesk.projection;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.account.SignedIn;
import io.hashdesk.currency.DisplayFx;
import io.hashdesk.currency.Fx;
import io.hashdesk.earnings.MeasuredUptime;
import io.hashdesk.economics.PriceRisk;
import io.hashdesk.economics.Projection.GroupDetail;
import io.hashdesk.economics.Scenario;
import io.hashdesk.web.FormErrors;
import io.hashdesk.web.Problem;
import io.vertx.ext.web.RoutingContext;

/**
 * GET /api/v1/projection, exactly as docs/api.md names it: the scenario under its operating policy
 * ({@code policy}), each group's daily series on request ({@code groups=daily}) and the price-risk bands
 * when {@code paths} is given. Undefined figures are null.
 */
@Path("/api/v1/projection")
@Tag(name = "Projection", description = "Today's figures and the day-by-day projection of your fleet under a scenario.")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectionApiResource {

    /**
     * @param policy {@code switch-off} (switch off when losing, the default) or {@code run-all} (keep everything running)
     * @param uptime {@code configured} (the default) or {@code measured}
     * @param sites with {@code uptime=measured}: the uptime each site ran at and from how many days (else absent)
     */
    public record Assumptions(String scenario, int days, double priceDriftPercent, double hashrateGrowthPercent,
            double feesPerBlockBtc, boolean feesFromNetwork, String policy, String uptime,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<MeasuredUptime.SiteUptime> sites) {
    }

    public record Event(String kind, double atDay, Instant date, long height, double changePercent) {
    }

    @Inject
    ProjectionService projections;

    @Inject
    ObjectMapper mapper;

    @Inject
    CurrentOperator operator;

    @Inject
    WorkBudget budget;

    @Inject
    HeavyWork heavy;

    @Inject
    DisplayFx displayFx;

    @Inject
    MeasuredUptime measuredUptime;

    @GET
    @Operation(summary = "Today's figures and the projection", description = "Day by day from now under the scenario"
            + " (see docs/economics.md, Projection): the next retarget, later ones from the modelled hashrate, the halving."
            + " Undefined figures (a payback that never comes, a cost per BTC with nothing mined) are null.")
    @APIResponse(responseCode = "200", description = "The projection",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Projection")))
    @APIResponse(responseCode = "400", description = "A parameter out of range or not a number (each named in errors[])",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The request's work is past the budget (groups x days, groups x days x paths);"
            + " the parameter and the limit are named in errors[]",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many heavy projections at once (for this operator or in all); Retry-After says when",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(
            @Parameter(description = "Horizon in days, 1 to 1,500 (default 90)", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "1500", defaultValue = "90"))
            @QueryParam("days") String days,
            @Parameter(description = "BTC price change per 30 days, percent, -90 to 300 (default 0)",
                    schema = @Schema(type = SchemaType.NUMBER, minimum = "-90", maximum = "300", defaultValue = "0"))
            @QueryParam("priceDriftPercent") String drift,
            @Parameter(description = "Network hashrate change per 30 days, percent, -90 to 300 (default 0)",
                    schema = @Schema(type = SchemaType.NUMBER, minimum = "-90", maximum = "300", defaultValue = "0"))
            @QueryParam("hashrateGrowthPercent") String growth,
            @Parameter(description = "Fees per block, BTC, 0 to 1,000 (default: the live 144-block average)",
                    schema = @Schema(type = SchemaType.NUMBER, minimum = "0", maximum = "1000"))
            @QueryParam("feesPerBlockBtc") String fees,
            @Parameter(description = "switch-off (switch off when losing, the default) or run-all (keep everything running)",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "switch-off", "run-all" }, defaultValue = "switch-off"))
            @QueryParam("policy") String policy,
            @Parameter(description = "daily adds each group's days (groups[].days)",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "daily" }))
            @QueryParam("groups") String groups,
            @Parameter(description = "Price paths for the risk bands, 1 to 10,000 (at most 8,000,000 paths x days); adds risk",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "10000"))
            @QueryParam("paths") String paths,
            @Parameter(description = "Annualised BTC price volatility for the paths, percent, 0 to 200 (default 55)",
                    schema = @Schema(type = SchemaType.NUMBER, minimum = "0", maximum = "200", defaultValue = "55"))
            @QueryParam("volatilityPercent") String volatility,
            @Parameter(description = "Seed of the paths' generator (default 20090103): the same inputs give the same bands",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20090103"))
            @QueryParam("seed") String seed,
            @Parameter(description = "configured (each site's uptime as set, the default) or measured (each site's effective"
                    + " uptime from its pool accounts over its last 30 reconciled days; configured below 7 days; see"
                    + " assumptions.sites)", schema = @Schema(type = SchemaType.STRING,
                            enumeration = { "configured", "measured" }, defaultValue = "configured"))
            @QueryParam("uptime") String uptime, @Context UriInfo uri, RoutingContext routing) {
        ScenarioInput.Result parsed = new ScenarioInput("api", days, drift, growth, fees).parse();
        ProjectionOptions.Parsed options = new ProjectionOptions(policy, groups, paths, volatility, seed, uptime)
                .parse(false, parsed.ok() ? parsed.scenario().days() : null);
        if (!parsed.ok() || !options.ok()) {
            List<Problem.FieldError> errors = new ArrayList<>();
            parsed.errors().asMap().forEach((f, m) -> errors.add(new Problem.FieldError(f, m)));
            options.errors().asMap().forEach((f, m) -> errors.add(new Problem.FieldError(f, m)));
            return Response.status(400).type(Problem.MEDIA_TYPE)
                    .entity(Problem.invalid(uri.getRequestUri().getPath(), errors)).build();
        }
        SignedIn who = operator.signedInOperator();
        Scenario scenario = parsed.scenario().withPolicy(options.policy());
        boolean daily = options.daily();
        FormErrors over = budget.check(projections.groups(who), scenario.days(), options.risk(), daily);
        if (over.any()) {
            return tooMuch(uri.getRequestUri().getPath(), over);
        }
        HeavyWork.Permit permit = daily || options.risk() != null ? heavy.acquire(who.id(), routing) : null;
        try {
            MeasuredUptime.Calibration measured = options.measured() ? measuredUptime.calibrate(who.id()) : null;
            Map<Long, Double> uptimes = measured == null ? Map.of() : measured.uptimeBySite();
            // Each group's daily series only when the answer carries them (8.8 MB for 1,000 groups over 730 days).
            FleetProjection p = projections.project(who, scenario, daily ? GroupDetail.DAILY : GroupDetail.TOTALS,
                    uptimes);
            PriceRisk.Result risk = options.risk() == null ? null
                    : projections.risk(who, scenario, options.risk(), uptimes);
            Fx fx = displayFx.at(p.network());
            return Response.ok((StreamingOutput) out -> {
                try (JsonGenerator g = generator(out)) {
                    ProjectionJson.write(g, p, daily, risk, fx, measured);
                } finally {
                    close(permit);
                }
            }).build();
        } catch (RuntimeException e) {
            close(permit);
            throw e;
        }
    }

    /** 422 naming each parameter past the work budget and its limit. */
    static Response tooMuch(String path, FormErrors over) {
        List<Problem.FieldError> errors = new ArrayList<>();
        over.asMap().forEach((f, m) -> errors.add(new Problem.FieldError(f, m)));
        return Response.status(422).type(Problem.MEDIA_TYPE)
                .entity(Problem.invalid(path, errors).withStatus(422, "Too much work for one request")).build();
    }

    static void close(HeavyWork.Permit permit) {
        if (permit != null) {
            permit.close();
        }
    }

    /**
     * A generator for the body. Numbers are written with Jackson's fast double writer (the shortest
     * decimal that reads back as the same double): Java 17's Double.toString took 60 % of a cached
     * 1,000-group, 730-day answer (profiled); the values read back are identical.
     */
    JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = mapper.getFactory().createGenerator(out);
        g.enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER.mappedFeature());
        return g;
    }
}
