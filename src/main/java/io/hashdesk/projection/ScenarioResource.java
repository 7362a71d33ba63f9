package io.hashdesk.projection;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.account.Operator;
import io.hashdesk.web.Flash;
import io.hashdesk.web.FormErrors;

/**
 * Saved scenarios, from the /projection page's form: save one (asking before replacing one of the same
 * name) and delete one. A form with errors shows the page again with them beside the fields.
 */
@Path("/projection/scenarios")
public class ScenarioResource {

    @Inject
    CurrentOperator operator;

    @Inject
    ScenarioService scenarios;

    @Inject
    ProjectionPage page;

    @Inject
    Flash flash;

    @POST
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
                    .entity(ProjectionResource.Templates.index(page.view(owner, input, ProjectionOptions.none(), saveName,
                            FormErrors.none())))
                    .build();
        }
        // "replace" carries the name the operator confirmed replacing: a changed name asks again.
        boolean confirmed = replace != null && saveName != null && replace.strip().equals(saveName.strip());
        ScenarioService.Saved saved = scenarios.save(owner, saveName, parsed.scenario(), confirmed);
        if (!saved.errors().isEmpty()) {
            return Response.status(422)
                    .entity(ProjectionResource.Templates.index(page.view(owner, input, ProjectionOptions.none(),
                            saveName == null ? "" : saveName, saved.errors())))
                    .build();
        }
        flash.success("Scenario \"" + saved.scenario().name + "\" saved.");
        return Response.seeOther(URI.create("/projection?saved=" + saved.scenario().id)).build();
    }

    @POST
    @Path("{id}/delete")
    public Response delete(@PathParam("id") long id) {
        Operator owner = operator.get();
        String name = scenarios.get(owner, id).name;
        scenarios.delete(owner, id);
        flash.success("Scenario \"" + name + "\" deleted.");
        return Response.seeOther(URI.create("/projection")).build();
    }
}
