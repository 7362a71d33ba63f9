package io.hashdesk.projection;

import java.time.Clock;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.account.Operator;
import io.hashdesk.economics.Scenario;
import io.hashdesk.web.chart.LineChart;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The fleet today: what it earns, what it pays, what to switch off, and what the next adjustment does. */
@Path("/dashboard")
public class DashboardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(FleetProjection p, String zone, String age, LineChart chart);
    }

    @Inject
    CurrentOperator operator;

    @Inject
    ProjectionService projections;

    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance index() {
        Operator owner = operator.get();
        FleetProjection p = projections.project(owner, Scenario.base(Scenario.DEFAULT_DAYS));
        LineChart chart = p.empty() ? null
                : projections.chart(p, "profit-90", owner.timezone,
                        x -> Charts.dailyProfit("profit-90", x, 90, owner.timezone, false));
        return Templates.index(p, owner.timezone, p.network().ageText(clock.instant()), chart);
    }
}
