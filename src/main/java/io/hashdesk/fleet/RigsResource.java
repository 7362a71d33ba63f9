package io.hashdesk.fleet;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.account.Operator;
import io.hashdesk.web.Flash;
import io.hashdesk.web.FormErrors;
import io.hashdesk.web.LimitReachedException;
import io.hashdesk.web.Htmx;
import io.hashdesk.web.Saved;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The operator's rig groups: list with totals, add and edit with a live preview, delete, CSV import. */
@Path("/rigs")
@Produces(MediaType.TEXT_HTML)
public class RigsResource {

    /** The catalog's models of one manufacturer, for an option group. */
    public record ModelGroup(String manufacturer, List<RigModel> models) {
    }

    /** Sums over the listed groups. */
    public record Totals(long groups, long units, double hashesPerSecond, double watts) {
        /** Average efficiency weighted by hashrate: total W / total TH/s. */
        public double jPerTh() {
            return hashesPerSecond > 0 ? watts / (hashesPerSecond / 1e12) : Double.NaN;
        }

        static Totals of(List<RigGroup> rigs) {
            long units = 0;
            double hs = 0;
            double w = 0;
            for (RigGroup r : rigs) {
                units += r.units;
                hs += r.hashesPerSecond();
                w += r.watts();
            }
            return new Totals(rigs.size(), units, hs, w);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<RigGroup> rigs, Totals totals, boolean hasSites,
                List<RigCsv.LineError> importErrors, List<RigCsv.LineError> duplicates, String mode);

        static native TemplateInstance form(RigGroup rig, RigForm form, FormErrors errors, List<Site> sites,
                List<ModelGroup> catalog, RigPreviewService.Preview preview);

        static native TemplateInstance form$fields(RigForm form, FormErrors errors, List<Site> sites,
                List<ModelGroup> catalog);

        static native TemplateInstance form$preview(RigPreviewService.Preview preview);

        static native TemplateInstance confirmDelete(RigGroup rig);
    }

    @Inject
    FleetService fleet;

    @Inject
    RigService rigs;

    @Inject
    RigImportService imports;

    @Inject
    RigPreviewService previews;

    @Inject
    RigModelCatalog catalog;

    @Inject
    CurrentOperator current;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance index() {
        return list(List.of(), List.of(), RigImportService.Mode.APPEND);
    }

    private TemplateInstance list(List<RigCsv.LineError> importErrors, List<RigCsv.LineError> duplicates,
            RigImportService.Mode mode) {
        Operator owner = current.get();
        List<RigGroup> all = fleet.rigs(owner);
        return Templates.index(all, Totals.of(all), !fleet.sites(owner).isEmpty(), importErrors, duplicates, mode.value);
    }

    private TemplateInstance importRefused(String message) {
        return list(List.of(new RigCsv.LineError(1, null, message)), List.of(), RigImportService.Mode.APPEND);
    }

    @GET
    @Path("new")
    public TemplateInstance newRig(@QueryParam("site") Long siteId) {
        Operator owner = current.get();
        List<Site> sites = fleet.sites(owner);
        Long preselected = siteId != null ? siteId : sites.size() == 1 ? sites.get(0).id : null;
        RigForm form = RigForm.blank(preselected);
        return Templates.form(null, form, FormErrors.none(), sites, models(), previewOf(owner, form));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam RigForm form) {
        Operator owner = current.get();
        FormErrors errors = FormErrors.none();
        RigJson in = form.toJson(catalog, errors);
        if (errors.isEmpty()) {
            Saved<RigGroup> saved = rigs.createRig(owner, in);
            if (saved.ok()) {
                RigGroup rig = saved.value();
                flash.success("Added " + rig.units + " × " + rig.model + " at " + rig.site.name + ".");
                return Response.seeOther(URI.create("/rigs")).build();
            }
            errors = saved.errors();
        } else {
            errors.addAll(rigs.check(owner, null, in));
        }
        return Response.status(422).entity(Templates.form(null, form, errors, fleet.sites(owner), models(),
                previewOf(owner, form))).build();
    }

    @GET
    @Path("{id:\\d+}")
    public TemplateInstance edit(@PathParam("id") long id) {
        Operator owner = current.get();
        RigGroup rig = fleet.rig(owner, id);
        RigForm form = RigForm.of(rig, catalog);
        return Templates.form(rig, form, FormErrors.none(), fleet.sites(owner), models(), previewOf(owner, form));
    }

    @POST
    @Path("{id:\\d+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, @BeanParam RigForm form) {
        Operator owner = current.get();
        RigGroup rig = fleet.rig(owner, id);
        FormErrors errors = FormErrors.none();
        RigJson in = form.toJson(catalog, errors);
        if (errors.isEmpty()) {
            Saved<RigGroup> saved = rigs.updateRig(owner, id, in);
            if (saved.ok()) {
                flash.success("Saved " + saved.value().units + " × " + saved.value().model + ".");
                return Response.seeOther(URI.create("/rigs")).build();
            }
            errors = saved.errors();
        } else {
            errors.addAll(rigs.check(owner, id, in));
        }
        return Response.status(422).entity(Templates.form(rig, form, errors, fleet.sites(owner), models(),
                previewOf(owner, form))).build();
    }

    /**
     * htmx: the form's fields checked as typed so far, messages only beside fields already filled.
     * Choosing a catalog model fills in its nameplate TH/s and W.
     */
    @POST
    @Path("validate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response validate(@BeanParam RigForm form, @BeanParam Htmx htmx) {
        String trigger = htmx.triggerField();
        Operator owner = current.get();
        if ("catalogModel".equals(trigger) || "model".equals(trigger)) {
            form.fillFromCatalog(catalog);
        }
        FormErrors errors = FormErrors.none();
        RigJson in = form.toJson(catalog, errors);
        errors.addAll(rigs.check(owner, null, in));
        FormErrors shown = FormErrors.none();
        errors.asMap().forEach((field, message) -> {
            if (form.touched(field) || field.equals(trigger)) {
                shown.add(field, message);
            }
        });
        // The preview listens for this, so it recomputes with the values just filled in.
        return Htmx.afterSettle(Response.ok(Templates.form$fields(form, shown, fleet.sites(owner), models())),
                "rig-fields-updated", "#rig-form").build();
    }

    /** htmx: today's figures for the group as filled in so far. */
    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance preview(@BeanParam RigForm form) {
        return Templates.form$preview(previewOf(current.get(), form));
    }

    private RigPreviewService.Preview previewOf(Operator owner, RigForm form) {
        FormErrors errors = FormErrors.none();
        RigJson in = form.toJson(catalog, errors);
        return previews.preview(owner, in, errors);
    }

    @GET
    @Path("{id:\\d+}/delete")
    public TemplateInstance confirmDelete(@PathParam("id") long id) {
        return Templates.confirmDelete(fleet.rig(current.get(), id));
    }

    @POST
    @Path("{id:\\d+}/delete")
    public Response delete(@PathParam("id") long id) {
        Operator owner = current.get();
        RigGroup rig = fleet.rig(owner, id);
        rigs.deleteRig(owner, id);
        flash.success("Deleted " + rig.units + " × " + rig.model + " at " + rig.site.name + ".");
        return Response.seeOther(URI.create("/rigs")).build();
    }

    /**
     * The import form: a CSV file, all rows added or none; the page lists every bad line. A file whose
     * rows match groups already in the fleet is stopped with a warning (409) until the operator
     * chooses to replace the fleet's groups with it or to add the rows anyway.
     */
    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importCsv(@RestForm("file") FileUpload file, @RestForm("mode") String modeName) throws IOException {
        RigImportService.Mode mode = RigImportService.Mode.of(modeName);
        if (mode == null) {
            return Response.status(422).entity(importRefused("Choose whether to add the rows or replace your rig groups."))
                    .build();
        }
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            return Response.status(422).entity(importRefused("Choose a CSV file to import (header " + RigCsv.HEADER + ")."))
                    .build();
        }
        List<RigCsv.Row> rows;
        try {
            rows = RigCsv.read(Files.readAllBytes(file.uploadedFile()));
        } catch (RigCsv.UnreadableException e) {
            return Response.status(422).entity(list(e.errors, List.of(), mode)).build();
        }
        RigImportService.Outcome outcome;
        try {
            outcome = imports.importRigs(current.get(), rows, mode);
        } catch (LimitReachedException e) {
            return Response.status(422).entity(importRefused(e.getMessage())).build();
        }
        if (!outcome.errors().isEmpty()) {
            return Response.status(422).entity(list(outcome.errors(), List.of(), mode)).build();
        }
        if (!outcome.duplicates().isEmpty()) {
            return Response.status(409).entity(list(List.of(), outcome.duplicates(), mode)).build();
        }
        String groups = outcome.imported() + " rig group" + (outcome.imported() == 1 ? "" : "s");
        flash.success(mode == RigImportService.Mode.REPLACE
                ? "Replaced your " + outcome.replaced() + " rig group" + (outcome.replaced() == 1 ? "" : "s")
                        + " with the file's " + groups + "."
                : "Imported " + groups + ".");
        return Response.seeOther(URI.create("/rigs")).build();
    }

    private List<ModelGroup> models() {
        return catalog.byManufacturer().entrySet().stream().map(e -> new ModelGroup(e.getKey(), e.getValue())).toList();
    }
}
