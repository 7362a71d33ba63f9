package io.hashdesk.fleet;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.hashdesk.account.CurrentOperator;

/** Rig groups for scripts: the same service, rules and ownership as the /rigs pages; CSV import. */
@Path("/api/v1/rigs")
@Produces(MediaType.APPLICATION_JSON)
public class RigsApiResource {

    @Inject
    FleetService fleet;

    @Inject
    RigService rigs;

    @Inject
    RigImportService imports;

    @Inject
    CurrentOperator current;

    @Inject
    StrictJson json;

    @GET
    public List<RigJson> list() {
        return fleet.rigs(current.get()).stream().map(RigJson::of).toList();
    }

    @GET
    @Path("{id}")
    public RigJson get(@PathParam("id") long id) {
        return RigJson.of(fleet.rig(current.get(), id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(byte[] body, UriInfo uri) {
        RigJson in;
        try {
            in = json.read(body, RigJson.class);
        } catch (StrictJson.Refused e) {
            return e.response(uri.getPath());
        }
        Saved<RigGroup> saved = rigs.createRig(current.get(), in);
        if (!saved.ok()) {
            return FleetProblems.invalid(uri.getPath(), saved.errors());
        }
        return Response.created(URI.create("/api/v1/rigs/" + saved.value().id)).entity(RigJson.of(saved.value())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") long id, byte[] body, UriInfo uri) {
        fleet.rig(current.get(), id); // 404 before looking at the body: another's id reveals nothing
        RigJson in;
        try {
            in = json.read(body, RigJson.class);
        } catch (StrictJson.Refused e) {
            return e.response(uri.getPath());
        }
        Saved<RigGroup> saved = rigs.updateRig(current.get(), id, in);
        if (!saved.ok()) {
            return FleetProblems.invalid(uri.getPath(), saved.errors());
        }
        return Response.ok(RigJson.of(saved.value())).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        rigs.deleteRig(current.get(), id);
        return Response.noContent().build();
    }

    /**
     * Adds the rig groups of a CSV file (header {@link RigCsv#HEADER}), all or none. 200 with the
     * count; 422 with every bad line and column; 400 for a file that is not UTF-8 CSV; 409 when rows
     * match groups already in the fleet (nothing imported: send {@code ?mode=replace} to replace the
     * fleet's groups with the file, or {@code ?mode=append-all} to add them anyway).
     */
    @POST
    @Path("import")
    @Consumes(RigCsv.MEDIA_TYPE) // not text/plain, which a cross-site form could send
    public Response importCsv(byte[] body, @QueryParam("mode") String modeName, UriInfo uri) {
        RigImportService.Mode mode = RigImportService.Mode.of(modeName);
        if (mode == null) {
            return FleetProblems.badParameter(uri.getPath(), "mode",
                    "Use mode=append (the default), mode=append-all or mode=replace.");
        }
        List<RigCsv.Row> rows;
        try {
            rows = RigCsv.read(body == null ? new byte[0] : body);
        } catch (RigCsv.UnreadableException e) {
            return FleetProblems.importRefused(uri.getPath(), 400, e.errors);
        }
        RigImportService.Outcome outcome = imports.importRigs(current.get(), rows, mode);
        if (!outcome.errors().isEmpty()) {
            return FleetProblems.importRefused(uri.getPath(), 422, outcome.errors());
        }
        if (!outcome.duplicates().isEmpty()) {
            return FleetProblems.duplicates(uri.getPath(), outcome.duplicates());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("imported", outcome.imported());
        answer.put("mode", mode.value);
        if (mode == RigImportService.Mode.REPLACE) {
            answer.put("replaced", outcome.replaced());
        }
        return Response.ok(answer).build();
    }
}
