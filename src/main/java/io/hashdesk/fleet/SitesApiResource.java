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

import io.hashdesk.account.CurrentOperator;

/** Sites for scripts: the same service, rules and ownership as the /sites pages. */
@Path("/api/v1/sites")
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
    public List<SiteJson> list() {
        return fleet.sites(current.get()).stream().map(SiteJson::of).toList();
    }

    @GET
    @Path("{id}")
    public SiteJson get(@PathParam("id") long id) {
        return SiteJson.of(fleet.site(current.get(), id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(byte[] body, UriInfo uri) {
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
        return Response.created(URI.create("/api/v1/sites/" + saved.value().id)).entity(SiteJson.of(saved.value())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") long id, byte[] body, UriInfo uri) {
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
        return Response.ok(SiteJson.of(saved.value())).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id, UriInfo uri) {
        try {
            sites.deleteSite(current.get(), id);
        } catch (SiteService.SiteInUseException e) {
            return FleetProblems.conflict(uri.getPath(), e.getMessage());
        }
        return Response.noContent().build();
    }
}
