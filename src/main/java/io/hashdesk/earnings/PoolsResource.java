package io.hashdesk.earnings;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.account.Operator;
import io.hashdesk.fleet.FleetService;
import io.hashdesk.fleet.Site;
import io.hashdesk.web.CsvReader;
import io.hashdesk.web.Flash;
import io.hashdesk.web.FormErrors;
import io.hashdesk.web.Htmx;
import io.hashdesk.web.Saved;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The operator's pool accounts: list with state, "Fetch now" and a csv account's upload, add, edit, delete. */
@Path("/pools")
@Produces(MediaType.TEXT_HTML)
public class PoolsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<PoolService.PoolView> pools, String zone,
                Map<Long, List<CsvReader.LineError>> uploadErrors);

        static native TemplateInstance index$upload(PoolService.PoolView pool,
                Map<Long, List<CsvReader.LineError>> uploadErrors);

        static native TemplateInstance index$row(PoolService.PoolView pool, String zone);

        static native TemplateInstance form(PoolService.PoolView pool, PoolForm form, FormErrors errors, List<Site> sites);

        static native TemplateInstance confirmDelete(PoolService.PoolView pool);
    }

    @Inject
    PoolService pools;

    @Inject
    PoolFetcher fetcher;

    @Inject
    FleetService fleet;

    @Inject
    CurrentOperator current;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance index() {
        Operator owner = current.get();
        return Templates.index(pools.views(owner), owner.timezone, Map.of());
    }

    @GET
    @Path("new")
    public TemplateInstance newPool() {
        return Templates.form(null, PoolForm.blank(), FormErrors.none(), fleet.sites(current.get()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam PoolForm form) {
        Operator owner = current.get();
        FormErrors errors = FormErrors.none();
        PoolInput in = form.toInput(errors);
        if (errors.isEmpty()) {
            Saved<PoolAccount> saved = pools.create(owner, in);
            if (saved.ok()) {
                flash.success("Pool account \"" + saved.value().name + "\" added."
                        + (saved.value().isBraiins() ? " Fetch now to read its days, or wait for the hourly fetch." : ""));
                return Response.seeOther(URI.create("/pools")).build();
            }
            errors = saved.errors();
        } else {
            errors.addAll(pools.check(owner, null, in));
        }
        return Response.status(422).entity(Templates.form(null, form, errors, fleet.sites(owner))).build();
    }

    @GET
    @Path("{id:\\d+}")
    public TemplateInstance edit(@PathParam("id") long id) {
        Operator owner = current.get();
        PoolService.PoolView view = pools.view(owner, id);
        return Templates.form(view, PoolForm.of(view.account()), FormErrors.none(), fleet.sites(owner));
    }

    @POST
    @Path("{id:\\d+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, @BeanParam PoolForm form) {
        Operator owner = current.get();
        PoolService.PoolView view = pools.view(owner, id);
        form.kind = view.account().kind; // the kind is fixed once created
        FormErrors errors = FormErrors.none();
        PoolInput in = form.toInput(errors);
        if (errors.isEmpty()) {
            Saved<PoolAccount> saved = pools.update(owner, id, in);
            if (saved.ok()) {
                flash.success("Pool account \"" + saved.value().name + "\" saved.");
                return Response.seeOther(URI.create("/pools")).build();
            }
            errors = saved.errors();
        } else {
            errors.addAll(pools.check(owner, view.account(), in));
        }
        return Response.status(422).entity(Templates.form(view, form, errors, fleet.sites(owner))).build();
    }

    @GET
    @Path("{id:\\d+}/delete")
    public TemplateInstance confirmDelete(@PathParam("id") long id) {
        return Templates.confirmDelete(pools.view(current.get(), id));
    }

    @POST
    @Path("{id:\\d+}/delete")
    public Response delete(@PathParam("id") long id) {
        Operator owner = current.get();
        PoolAccount a = pools.account(owner, id);
        pools.delete(owner, id);
        flash.success("Pool account \"" + a.name + "\" and its stored days deleted.");
        return Response.seeOther(URI.create("/pools")).build();
    }

    /** "Fetch now": htmx swaps the account's row; without htmx, back to the list. */
    @POST
    @Path("{id:\\d+}/fetch")
    public Response fetch(@PathParam("id") long id, @BeanParam Htmx htmx) {
        Operator owner = current.get();
        PoolAccount a = pools.account(owner, id);
        fetcher.fetchNow(a.id);
        if (htmx.isRequest()) {
            return Response.ok(Templates.index$row(pools.view(owner, id), owner.timezone)).build();
        }
        return Response.seeOther(URI.create("/pools")).build();
    }

    /**
     * A csv account's upload: stored all or nothing. On success back to the list with a message
     * (htmx is sent there too); on errors, the upload form with every problem by line and column.
     */
    @POST
    @Path("{id:\\d+}/earnings")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("id") long id, @RestForm("file") FileUpload file,
            @BeanParam Htmx htmx) throws IOException {
        Operator owner = current.get();
        PoolAccount a = pools.account(owner, id);
        List<CsvReader.LineError> errors;
        try {
            if (file == null || file.uploadedFile() == null || file.size() == 0) {
                throw new CsvReader.UnreadableException(1, null,
                        "Choose a CSV file to upload (header " + EarningsCsv.HEADER + ").");
            }
            int days = pools.upload(owner, id, Files.readAllBytes(file.uploadedFile()));
            flash.success(String.format(Locale.ENGLISH, "%,d day%s stored for \"%s\".", days, days == 1 ? "" : "s",
                    a.name));
            if (htmx.isRequest()) {
                return Htmx.redirect("/pools");
            }
            return Response.seeOther(URI.create("/pools")).build();
        } catch (CsvReader.UnreadableException e) {
            errors = e.errors;
        }
        Map<Long, List<CsvReader.LineError>> byPool = Map.of(a.id, errors);
        if (htmx.isRequest()) {
            return Response.status(422).entity(Templates.index$upload(pools.view(owner, id), byPool)).build();
        }
        return Response.status(422).entity(Templates.index(pools.views(owner), owner.timezone, byPool)).build();
    }
}
