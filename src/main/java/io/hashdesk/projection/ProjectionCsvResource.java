package io.hashdesk.projection;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.account.SignedIn;
import io.hashdesk.currency.DisplayFx;
import io.hashdesk.currency.Fx;
import io.hashdesk.earnings.MeasuredUptime;
import io.hashdesk.economics.PriceRisk;
import io.hashdesk.economics.Projection.GroupDetail;
import io.hashdesk.economics.Scenario;
import io.hashdesk.web.FormErrors;
import io.vertx.ext.web.RoutingContext;

/**
 * /projection/daily.csv: the daily series as CSV, for a spreadsheet, with the JSON's parameters: the
 * fleet's days under the policy (with the price-risk bands as extra columns when {@code paths} is
 * given), or with {@code groups=daily} one row per rig group and day. Streamed as it is written
 * ({@link ProjectionCsv}).
 */
@Path("/projection/daily.csv")
public class ProjectionCsvResource {

    @Inject
    CurrentOperator operator;

    @Inject
    ProjectionService projections;

    @Inject
    WorkBudget budget;

    @Inject
    HeavyWork heavy;

    @Inject
    DisplayFx displayFx;

    @Inject
    MeasuredUptime measuredUptime;

    @GET
    @Produces("text/csv")
    public Response csv(@BeanParam ProjectionQuery query, RoutingContext routing) {
        ProjectionQuery.Checked checked = ProjectionQuery.check(query.scenario("csv"), query.options(), false);
        if (!checked.ok()) {
            return text(400, checked.errors());
        }
        ProjectionOptions.Parsed options = checked.options();
        SignedIn who = operator.signedInOperator();
        Scenario scenario = checked.withPolicy();
        FormErrors over = budget.check(projections.groups(who), scenario.days(),
                options.daily() ? null : options.risk(), options.daily());
        if (over.any()) {
            return text(422, over);
        }
        HeavyWork.Permit permit = heavy.acquire(who.id(), routing);
        try {
            Map<Long, Double> uptimes = options.measured() ? measuredUptime.calibrate(who.id()).uptimeBySite() : Map.of();
            FleetProjection p = projections.project(who, scenario,
                    options.daily() ? GroupDetail.DAILY : GroupDetail.TOTALS, uptimes);
            PriceRisk.Result risk = options.daily() || options.risk() == null ? null
                    : projections.risk(who, scenario, options.risk(), uptimes);
            Fx fx = displayFx.at(p.network());
            String file = "hashdesk-projection-" + p.result().days() + "d-" + ProjectionOptions.name(p.result().policy())
                    + (options.daily() ? "-groups" : "") + ".csv";
            StreamingOutput body = out -> {
                try (Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024)) {
                    if (options.daily()) {
                        ProjectionCsv.groups(w, p, fx);
                    } else {
                        ProjectionCsv.fleet(w, p, risk, fx);
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

    /** A plain-text answer naming each parameter and its message, one a line. */
    private static Response text(int status, FormErrors errors) {
        StringBuilder msg = new StringBuilder();
        errors.asMap().forEach((k, m) -> msg.append(k).append(": ").append(m).append('\n'));
        return Response.status(status).type(MediaType.TEXT_PLAIN).entity(msg.toString()).build();
    }
}
