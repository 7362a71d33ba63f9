package io.hashdesk.fleet;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.account.Operator;
import io.hashdesk.currency.Rates;
import io.hashdesk.web.Saved;

/** Sites for scripts: the same service, rules and ownership as the /sites pages. */
@Path("/api/v1/sites")
@Tag(name = "Sites", description = "Sites and their tariffs (flat or time of use), pool fee, hosting, overhead, uptime, curtailment.")
@Produces(MediaType.APPLICATION_JSON)
public class SitesApiResource {

    @Inject
    FleetService fleet;

    @Inject
    SiteService sites;

    @Inject
    CurrentOperator current;

    @Inject
    StrictJson json;

    @GET
    @Operation(summary = "Your sites")
    public List<SiteJson> list() {
        Operator owner = current.get();
        List<Site> sites = fleet.sites(owner);
        Rates rates = fleet.ratesFor(owner, sites.stream().anyMatch(Site::foreign));
        return sites.stream().map(s -> SiteJson.of(s, rates)).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of your sites")
    @APIResponse(responseCode = "200", description = "The site",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SiteJson.class)))
    @APIResponse(responseCode = "404", description = "No site of yours has this id")
    public SiteJson get(@PathParam("id") long id) {
        return answer(current.get(), fleet.site(current.get(), id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a site", description = "Omitted optional values take their defaults: no pool fee or hosting,"
            + " overhead 1.0, uptime 100 %, no curtailment, your time zone. Unknown fields are refused.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new site",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SiteJson.class)))
    @APIResponse(responseCode = "400", description = "Not valid JSON, an unknown field, or a value of the wrong type")
    @APIResponse(responseCode = "422", description = "A value breaks a rule (each field named in errors[]),"
            + " or the account holds 1,000 sites already")
    public Response create(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SiteJson.class))) byte[] body, UriInfo uri) {
        SiteJson in;
        try {
            in = json.read(body, SiteJson.class);
        } catch (StrictJson.Refused e) {
            return e.response(uri.getPath());
        }
        Saved<Site> saved = sites.createSite(current.get(), in);
        if (!saved.ok()) {
            return FleetProblems.invalid(uri.getPath(), saved.errors());
        }
        return Response.created(URI.create("/api/v1/sites/" + saved.value().id)).entity(answer(current.get(), saved.value())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a site", description = "The whole site, as for POST; an id in the body must match the address.")
    @APIResponse(responseCode = "200", description = "The site as saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SiteJson.class)))
    @APIResponse(responseCode = "400", description = "Not valid JSON, an unknown field, or a value of the wrong type")
    @APIResponse(responseCode = "404", description = "No site of yours has this id")
    @APIResponse(responseCode = "422", description = "A value breaks a rule (each field named in errors[])")
    public Response update(@PathParam("id") long id, @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SiteJson.class))) byte[] body, UriInfo uri) {
        fleet.site(current.get(), id); // 404 before looking at the body: another's id reveals nothing
        SiteJson in;
        try {
            in = json.read(body, SiteJson.class);
        } catch (StrictJson.Refused e) {
            return e.response(uri.getPath());
        }
        Saved<Site> saved = sites.updateSite(current.get(), id, in);
        if (!saved.ok()) {
            return FleetProblems.invalid(uri.getPath(), saved.errors());
        }
        return Response.ok(answer(current.get(), saved.value())).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a site")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No site of yours has this id")
    @APIResponse(responseCode = "409", description = "The site still hosts rig groups, or pool accounts cover it (they would"
            + " otherwise cover the whole fleet): move or delete them first; detail names them")
    public Response delete(@PathParam("id") long id, UriInfo uri) {
        try {
            sites.deleteSite(current.get(), id);
        } catch (SiteService.SiteInUseException e) {
            return FleetProblems.conflict(uri.getPath(), e.getMessage());
        }
        return Response.noContent().build();
    }

    private SiteJson answer(Operator owner, Site site) {
        return SiteJson.of(site, fleet.ratesFor(owner, site.foreign()));
    }
}
