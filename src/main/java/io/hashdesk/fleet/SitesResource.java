package io.hashdesk.fleet;

import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.account.Operator;
import io.hashdesk.economics.TimeOfUseTariff;
import io.hashdesk.web.Flash;
import io.hashdesk.web.FormErrors;
import io.hashdesk.web.Htmx;
import io.hashdesk.web.Saved;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The operator's sites: list, add, edit (with a week view of a time-of-use tariff), delete. */
@Path("/sites")
@Produces(MediaType.TEXT_HTML)
public class SitesResource {

    /** A site in the list, with what runs there. */
    public record SiteRow(Site site, long groups, long units, double hashesPerSecond, double watts) {
    }

    /** Sums over every site: the same figures as the totals of /rigs. */
    public record Totals(long sites, long groups, long units, double hashesPerSecond, double watts) {
        /** Average efficiency weighted by hashrate: total W / total TH/s. */
        public double jPerTh() {
            return hashesPerSecond > 0 ? watts / (hashesPerSecond / 1e12) : Double.NaN;
        }

        static Totals of(List<SiteRow> rows) {
            long groups = 0;
            long units = 0;
            double hs = 0;
            double w = 0;
            for (SiteRow r : rows) {
                groups += r.groups();
                units += r.units();
                hs += r.hashesPerSecond();
                w += r.watts();
            }
            return new Totals(rows.size(), groups, units, hs, w);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<SiteRow> rows, Totals totals);

        static native TemplateInstance form(Site site, SiteForm form, List<SiteForm.BandRow> rows, FormErrors errors,
                List<String> zones, WeekGrid grid, long rigGroups, String validateUrl);

        static native TemplateInstance form$fields(SiteForm form, List<SiteForm.BandRow> rows, FormErrors errors,
                List<String> zones, WeekGrid grid, String validateUrl);

        static native TemplateInstance confirmDelete(Site site, long rigGroups, List<String> poolAccounts, String error);
    }

    /** Every IANA zone, sorted, UTC first. */
    static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
            .sorted().collect(Collectors.collectingAndThen(Collectors.toList(), list -> {
                list.add(0, "UTC");
                return List.copyOf(list);
            }));

    @Inject
    FleetService fleet;

    @Inject
    SiteService sites;

    @Inject
    CurrentOperator current;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance index() {
        FleetService.OperatorFleet all = fleet.fleetOf(current.get());
        Map<Long, long[]> counts = new HashMap<>();
        Map<Long, double[]> sums = new HashMap<>();
        for (RigGroup r : all.rigs()) {
            long[] c = counts.computeIfAbsent(r.site.id, k -> new long[2]);
            c[0]++;
            c[1] += r.units;
            double[] s = sums.computeIfAbsent(r.site.id, k -> new double[2]);
            s[0] += r.hashesPerSecond();
            s[1] += r.watts();
        }
        List<SiteRow> rows = new ArrayList<>();
        for (Site site : all.sites()) {
            long[] c = counts.getOrDefault(site.id, new long[2]);
            double[] s = sums.getOrDefault(site.id, new double[2]);
            rows.add(new SiteRow(site, c[0], c[1], s[0], s[1]));
        }
        return Templates.index(rows, Totals.of(rows));
    }

    @GET
    @Path("new")
    public TemplateInstance newSite() {
        SiteForm form = SiteForm.blank(current.get());
        return page(null, form, FormErrors.none(), 0);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam SiteForm form) {
        Operator owner = current.get();
        if (form.addBand != null) {
            return Response.ok(page(null, form, FormErrors.none(), 0)).build();
        }
        FormErrors errors = FormErrors.none();
        SiteJson in = form.toJson(errors);
        if (errors.isEmpty()) {
            Saved<Site> saved = sites.createSite(owner, in);
            if (saved.ok()) {
                flash.success("Site \"" + saved.value().name + "\" added. Add the rigs that run there.");
                return Response.seeOther(URI.create("/sites")).build();
            }
            errors = form.byRow(saved.errors());
        } else {
            errors.addAll(form.byRow(sites.check(owner, null, in)));
        }
        return Response.status(422).entity(page(null, form, errors, 0)).build();
    }

    @GET
    @Path("{id:\\d+}")
    public TemplateInstance edit(@PathParam("id") long id) {
        Operator owner = current.get();
        Site site = fleet.site(owner, id);
        return page(site, SiteForm.of(site), FormErrors.none(), fleet.rigCount(owner, id));
    }

    @POST
    @Path("{id:\\d+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, @BeanParam SiteForm form) {
        Operator owner = current.get();
        Site site = fleet.site(owner, id);
        long rigs = fleet.rigCount(owner, id);
        if (form.addBand != null) {
            return Response.ok(page(site, form, FormErrors.none(), rigs)).build();
        }
        FormErrors errors = FormErrors.none();
        SiteJson in = form.toJson(errors);
        if (errors.isEmpty()) {
            Saved<Site> saved = sites.updateSite(owner, id, in);
            if (saved.ok()) {
                flash.success("Site \"" + saved.value().name + "\" saved.");
                return Response.seeOther(URI.create("/sites")).build();
            }
            errors = form.byRow(saved.errors());
        } else {
            errors.addAll(form.byRow(sites.check(owner, id, in)));
        }
        return Response.status(422).entity(page(site, form, errors, rigs)).build();
    }

    /** htmx: the form's fields checked as typed so far (messages only for fields already filled). */
    @POST
    @Path("validate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance validate(@BeanParam SiteForm form, @BeanParam Htmx htmx,
            @QueryParam("site") Long siteId) {
        String trigger = htmx.triggerField();
        Operator owner = current.get();
        if (siteId != null) {
            fleet.site(owner, siteId); // 404 for another's site
        }
        FormErrors errors = FormErrors.none();
        SiteJson in = form.toJson(errors);
        errors.addAll(form.byRow(sites.check(owner, siteId, in)));
        FormErrors shown = FormErrors.none();
        errors.asMap().forEach((field, message) -> {
            if (touched(form, field, trigger)) {
                shown.add(field, message);
            }
        });
        return Templates.form$fields(form, form.rows(shown), shown, ZONES, grid(form, errors), validateUrl(siteId));
    }

    private static boolean touched(SiteForm form, String field, String trigger) {
        if (field.startsWith("tariff.bands")) {
            return form.isTimeOfUse();
        }
        String raw = switch (field) {
            case "name" -> form.name;
            case "tariff.usdPerKwh", "tariff.perKwh" -> form.usdPerKwh;
            case "tariff.currency" -> form.tariffCurrency;
            case "poolFeePercent" -> form.poolFeePercent;
            case "hostingUsdPerMonth", "hostingPerMonth" -> form.hostingUsdPerMonth;
            case "hostingCurrency" -> form.hostingCurrency;
            case "powerOverhead" -> form.powerOverhead;
            case "uptimePercent" -> form.uptimePercent;
            case "timezone" -> form.timezone;
            default -> "x";
        };
        return (raw != null && !raw.isBlank()) || field.equals(trigger) || ("tariff.perKwh".equals(field) && "usdPerKwh".equals(trigger))
                || ("tariff.currency".equals(field) && "tariffCurrency".equals(trigger))
                || ("hostingPerMonth".equals(field) && "hostingUsdPerMonth".equals(trigger));
    }

    @GET
    @Path("{id:\\d+}/delete")
    public TemplateInstance confirmDelete(@PathParam("id") long id) {
        Operator owner = current.get();
        Site site = fleet.site(owner, id);
        return Templates.confirmDelete(site, fleet.rigCount(owner, id), sites.poolAccountsCovering(owner, id), null);
    }

    @POST
    @Path("{id:\\d+}/delete")
    public Response delete(@PathParam("id") long id) {
        Operator owner = current.get();
        Site site = fleet.site(owner, id);
        try {
            sites.deleteSite(owner, id);
        } catch (SiteService.SiteInUseException e) {
            return Response.status(409)
                    .entity(Templates.confirmDelete(site, e.rigGroups, e.poolAccounts, e.getMessage())).build();
        }
        flash.success("Site \"" + site.name + "\" deleted.");
        return Response.seeOther(URI.create("/sites")).build();
    }

    private TemplateInstance page(Site site, SiteForm form, FormErrors errors, long rigGroups) {
        return Templates.form(site, form, form.rows(errors), errors, ZONES, grid(form, errors), rigGroups,
                validateUrl(site == null ? null : site.id));
    }

    /** Where the form's fields are checked as they change (the site's own name is not a duplicate). */
    private static String validateUrl(Long siteId) {
        return siteId == null ? "/sites/validate" : "/sites/validate?site=" + siteId;
    }

    /** The week view of the tariff as typed, when it is a complete time-of-use tariff. */
    private static WeekGrid grid(SiteForm form, FormErrors errors) {
        if (!form.isTimeOfUse() || errors.asMap().keySet().stream().anyMatch(k -> k.startsWith("tariff"))) {
            return null;
        }
        FormErrors parse = FormErrors.none();
        SiteJson in = form.toJson(parse);
        if (parse.any() || in.tariff().bands() == null || in.tariff().bands().isEmpty()) {
            return null;
        }
        try {
            return WeekGrid.of(new TimeOfUseTariff(in.tariff().bands().stream()
                    .map(b -> new TimeOfUseTariff.Band(TimeOfUseTariff.parseDays(b.days()), b.fromHour(), b.toHour(),
                            b.perKwh()))
                    .toList()));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
