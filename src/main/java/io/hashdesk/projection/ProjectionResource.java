package io.hashdesk.projection;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.account.Operator;
import io.hashdesk.economics.Scenario;
import io.hashdesk.projection.ProjectionPage.RigView;
import io.hashdesk.projection.ProjectionPage.View;
import io.hashdesk.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;

/**
 * /projection: the scenario form and its results. The form re-renders its own fragment with htmx
 * (no full page load); a URL with the same parameters gives the whole page, so results can be
 * bookmarked and shared. The CSV is {@link ProjectionCsvResource}, saved scenarios {@link ScenarioResource}.
 */
@Path("/projection")
public class ProjectionResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(View v);

        static native TemplateInstance index$workspace(View v);

        static native TemplateInstance rig(RigView v);

        static native TemplateInstance rig$outlook(RigView v);
    }

    @Inject
    CurrentOperator operator;

    @Inject
    ScenarioService scenarios;

    @Inject
    ProjectionPage page;

    @Inject
    HeavyWork heavy;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("preset") String preset, @QueryParam("saved") String saved,
            @QueryParam("name") String name, @BeanParam ProjectionQuery query, @HeaderParam("HX-Request") String htmx,
            RoutingContext routing) {
        Operator owner = operator.get();
        ScenarioInput input = input(owner, preset, saved, name, query);
        View view;
        // The page runs the price paths: a heavy request like a JSON or CSV one with paths.
        try (HeavyWork.Permit permit = heavy.acquire(owner.id, routing)) {
            view = page.view(owner, input, query.pageOptions(), "", FormErrors.none());
        }
        TemplateInstance t = htmx != null ? Templates.index$workspace(view) : Templates.index(view);
        return Response.status(view.p() == null ? 422 : 200).entity(t).build();
    }

    private ScenarioInput input(Operator owner, String preset, String saved, String name, ProjectionQuery query) {
        String days = query.days();
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
        return query.scenario(name).withDefaults();
    }

    /**
     * A rig group's own projection (on its page, loaded with htmx; or alone): the same scenario
     * parameters as /projection, 365 days by default. Another operator's group answers 404.
     */
    @GET
    @Path("rigs/{id:\\d+}")
    @Produces(MediaType.TEXT_HTML)
    public Response rig(@PathParam("id") long id, @BeanParam ProjectionQuery query,
            @HeaderParam("HX-Request") String htmx) {
        String days = query.days() == null || query.days().isBlank() ? "365" : query.days();
        ScenarioInput input = new ScenarioInput(null, days, query.priceDriftPercent(), query.hashrateGrowthPercent(),
                query.feesPerBlockBtc());
        ProjectionOptions options = query.policyOnly();
        ProjectionQuery.Checked checked = ProjectionQuery.check(input, options, false);
        if (!checked.ok()) {
            throw new BadRequestException();
        }
        RigView view = page.rig(operator.signedInOperator(), id, checked, options);
        return Response.ok(htmx != null ? Templates.rig$outlook(view) : Templates.rig(view)).build();
    }
}
