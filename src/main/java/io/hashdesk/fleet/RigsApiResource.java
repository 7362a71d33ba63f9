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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.hashdesk.web.Problem;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.account.Operator;
import io.hashdesk.currency.Rates;
import io.hashdesk.web.Saved;

/** Rig groups for scripts: the same service, rules and ownership as the /rigs pages; CSV import. */
@Path("/api/v1/rigs")
@Tag(name = "Rig groups", description = "Rig groups (a model, units, TH/s and W per unit, at a site) and their CSV import.")
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
    @Operation(summary = "Your rig groups")
    public List<RigJson> list() {
        Operator owner = current.get();
        List<RigGroup> rigs = fleet.rigs(owner);
        Rates rates = fleet.ratesFor(owner, rigs.stream().anyMatch(RigGroup::foreign));
        return rigs.stream().map(r -> RigJson.of(r, rates)).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of your rig groups")
    @APIResponse(responseCode = "200", description = "The rig group",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RigJson.class)))
    @APIResponse(responseCode = "404", description = "No rig group of yours has this id")
    public RigJson get(@PathParam("id") long id) {
        return answer(current.get(), fleet.rig(current.get(), id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a rig group", description = "terahash and watts are per unit, purchaseUsd is what one unit"
            + " cost. Unknown fields are refused.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new rig group",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RigJson.class)))
    @APIResponse(responseCode = "400", description = "Not valid JSON, an unknown field, or a value of the wrong type")
    @APIResponse(responseCode = "422", description = "A value breaks a rule or siteId is not one of your sites (each field"
            + " named in errors[]), or the account holds 20,000 rig groups already")
    public Response create(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RigJson.class))) byte[] body, UriInfo uri) {
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
        return Response.created(URI.create("/api/v1/rigs/" + saved.value().id)).entity(answer(current.get(), saved.value())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a rig group", description = "The whole rig group, as for POST; an id in the body must match"
            + " the address.")
    @APIResponse(responseCode = "200", description = "The rig group as saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RigJson.class)))
    @APIResponse(responseCode = "400", description = "Not valid JSON, an unknown field, or a value of the wrong type")
    @APIResponse(responseCode = "404", description = "No rig group of yours has this id")
    @APIResponse(responseCode = "422", description = "A value breaks a rule (each field named in errors[])")
    public Response update(@PathParam("id") long id, @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RigJson.class))) byte[] body, UriInfo uri) {
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
        return Response.ok(answer(current.get(), saved.value())).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a rig group")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No rig group of yours has this id")
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
    @Operation(summary = "Import rig groups from CSV", description = "Header site,model,units,terahash,watts,"
            + "purchaseUsdPerUnit,purchaseDate,notes (any order); UTF-8, RFC 4180 quoting, at most 10,000 rows."
            + " All or nothing: the file is checked in full first. See docs/api.md, CSV.")
    @APIResponse(responseCode = "200", description = "Imported: how many rows, the mode, and with mode=replace how many"
            + " groups were replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, properties = {
                    @SchemaProperty(name = "imported", type = SchemaType.INTEGER),
                    @SchemaProperty(name = "mode", type = SchemaType.STRING, enumeration = { "append", "append-all", "replace" }),
                    @SchemaProperty(name = "replaced", type = SchemaType.INTEGER, description = "only with mode=replace") })))
    @APIResponse(responseCode = "400", description = "Not a readable file (a column missing, unknown or repeated; not UTF-8;"
            + " an unclosed quote; over 10,000 rows) or an unknown mode; nothing imported",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = FleetProblems.ImportProblem.class)))
    @APIResponse(responseCode = "409", description = "Some rows look like groups already in the fleet; nothing imported"
            + " (send mode=append-all or mode=replace)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = FleetProblems.ImportProblem.class)))
    @APIResponse(responseCode = "413", description = "The body is over 10 MB")
    @APIResponse(responseCode = "422", description = "Rows that break the rig rules, each by line and column (the first 100);"
            + " nothing imported",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = FleetProblems.ImportProblem.class)))
    public Response importCsv(@RequestBody(required = true, content = @Content(mediaType = RigCsv.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING))) byte[] body,
            @Parameter(description = "append (the default: stop with 409 when rows look like duplicates), append-all, or"
                    + " replace (all your rig groups replaced by the file)", schema = @Schema(type = SchemaType.STRING,
                            enumeration = { "append", "append-all", "replace" }, defaultValue = "append"))
            @QueryParam("mode") String modeName, UriInfo uri) {
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

    private RigJson answer(Operator owner, RigGroup rig) {
        return RigJson.of(rig, fleet.ratesFor(owner, rig.foreign()));
    }
}
