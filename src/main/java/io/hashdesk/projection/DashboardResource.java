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
import io.hashdesk.web.BoundedCache;
import io.hashdesk.web.chart.LineChart;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The fleet today: what it earns, what it pays, what to switch off, and what the next adjustment does. */
@Path("/dashboard")
public class DashboardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(String body);

        static native TemplateInstance body(FleetProjection p, String zone, String age, LineChart chart);
    }

    @Inject
    CurrentOperator operator;

    @Inject
    ProjectionService projections;

    @Inject
    Clock clock;

    /** The rendered content, by what it shows; the layout around it (CSRF token, flash, banner) is per request. */
    private record BodyKey(Object projection, String zone, String age, boolean stale) {
    }

    private final BoundedCache<BodyKey, String> bodies = new BoundedCache<>(512);

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance index() {
        Operator owner = operator.get();
        FleetProjection p = projections.project(owner, Scenario.base(Scenario.DEFAULT_DAYS));
        String age = p.network().ageText(clock.instant());
        String body = bodies.computeIfAbsent(new BodyKey(p.cacheKey(), owner.timezone, age, p.network().stale()), k -> {
            LineChart chart = p.empty() ? null
                    : projections.chart(p, "profit-90", owner.timezone,
                            x -> Charts.dailyProfit("profit-90", x, 90, owner.timezone, false));
            return Templates.body(p, owner.timezone, age, chart).render();
        });
        return Templates.index(body);
    }
}
