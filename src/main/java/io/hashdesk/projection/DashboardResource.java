package io.hashdesk.projection;

import java.time.Clock;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.account.SignedIn;
import io.hashdesk.currency.DisplayFx;
import io.hashdesk.economics.Scenario;
import io.hashdesk.web.CachedBody;
import io.hashdesk.web.LruCache;
import io.hashdesk.web.chart.LineChart;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The fleet today: what it earns, what it pays, what to switch off, and what the next adjustment does.
 * A view costs no database query once the projection is cached: who is signed in and their fleet
 * version come with the session check, and the content is cached as bytes (see bench/load.sh).
 */
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
    ChartCache charts;

    @Inject
    Clock clock;

    @Inject
    DisplayFx displayFx;

    /** The rendered content, by what it shows; the layout around it (CSRF token, flash, banner) is per request. */
    private record BodyKey(Object projection, String zone, String age, boolean stale) {
    }

    /** Rendered bodies, bounded by their bytes (16 MB): a body is a few KB to tens of KB. */
    private final LruCache<BodyKey, byte[]> bodies = LruCache.ofBytes(16L * 1024 * 1024, b -> b.length + 64L);

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response index() {
        SignedIn who = operator.signedInOperator();
        String zone = who.timezone();
        FleetProjection p = projections.projectDefault(who);
        String age = p.network().ageText(clock.instant());
        byte[] body = bodies.computeOnce(new BodyKey(p.cacheKey(), zone, age, p.network().stale()), k -> {
            LineChart chart = p.empty() ? null
                    : charts.chart(p, "profit-90", zone,
                            x -> Charts.dailyProfit("profit-90", x, 90, zone, false, displayFx.at(x.network())));
            return CachedBody.utf8(Templates.body(p, zone, age, chart).render());
        });
        return Response.ok(CachedBody.page(Templates.index(CachedBody.SLOT), body), MediaType.TEXT_HTML + ";charset=UTF-8")
                .build();
    }
}
