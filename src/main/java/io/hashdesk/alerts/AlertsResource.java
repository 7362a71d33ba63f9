package io.hashdesk.alerts;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.account.Operator;
import io.hashdesk.alerts.AlertJson.RuleJson;
import io.hashdesk.alerts.AlertJson.WebhookCreated;
import io.hashdesk.alerts.AlertsView.RuleForm;
import io.hashdesk.currency.DisplayFx;
import io.hashdesk.earnings.PoolAccount;
import io.hashdesk.earnings.PoolService;
import io.hashdesk.fleet.FleetService;
import io.hashdesk.fleet.RigGroup;
import io.hashdesk.web.Flash;
import io.hashdesk.web.FormErrors;
import io.hashdesk.web.Numbers;
import io.hashdesk.web.Saved;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The /alerts page: rules, channels, webhooks, a test per channel, the last 100 alerts. */
@Path("/alerts")
@Produces(MediaType.TEXT_HTML)
public class AlertsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(AlertsView v, FormErrors errors);
    }

    @Inject
    CurrentOperator current;

    @Inject
    AlertService alerts;

    @Inject
    AlertTests tests;

    @Inject
    FleetService fleets;

    @Inject
    PoolService pools;

    @Inject
    Flash flash;

    @Inject
    Clock clock;

    @Inject
    DisplayFx fx;

    @GET
    public TemplateInstance index() {
        return Templates.index(view(current.get(), blank(), null, null, null, ""), FormErrors.none());
    }

    private AlertsView view(Operator owner, RuleForm form, String quietFrom, String quietTo, WebhookCreated created,
            String webhookUrl) {
        List<RigGroup> rigs = fleets.rigs(owner);
        List<PoolAccount> mine = pools.accounts(owner);
        AlertSettings s = alerts.settings(owner);
        return new AlertsView(owner.timezone, AlertsView.rows(alerts.rules(owner), rigs, mine, alerts.rates(owner), fx.get()),
                AlertsView.kindOptions(),
                AlertsView.groupOptions(rigs), AlertsView.poolOptions(mine), form, s, quietFrom != null ? quietFrom : s.quietFrom == null ? "" : s.quietFrom,
                quietTo != null ? quietTo : s.quietTo == null ? "" : s.quietTo, alerts.webhooks(owner), webhookUrl,
                created, alerts.history(owner, AlertHistory.MAX));
    }

    private RuleForm blank() {
        return RuleForm.blank(fx.getCurrency());
    }

    @POST
    @Path("rules")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addRule(@RestForm String kind, @RestForm String rigId, @RestForm String threshold,
            @RestForm String currency, @RestForm String confirmations, @RestForm String marginPercent,
            @RestForm String hours, @RestForm String poolId) {
        Operator owner = current.get();
        RuleForm form = new RuleForm(kind, rigId, threshold, currency == null ? fx.getCurrency() : currency,
                confirmations, marginPercent, hours, poolId);
        FormErrors errors = FormErrors.none();
        AlertKind k = AlertKind.of(kind == null ? "" : kind.trim()).orElse(null);
        Long rig = k == AlertKind.GROUP_SWITCH ? Numbers.whole(rigId, "rigId", errors, "Choose a rig group.") : null;
        Double t = k != null && (k.money || k == AlertKind.POOL_UNDERPAID && threshold != null
                && !threshold.isBlank())
                ? Numbers.decimal(threshold, "threshold", errors, "Enter a number, such as 65000 or 65,000.") : null;
        Long pool = RuleValidation.POOL_KINDS.contains(k) && poolId != null && !poolId.isBlank()
                ? Numbers.whole(poolId, "poolId", errors, "Choose one of your pool accounts.") : null;
        Long c = Numbers.whole(confirmations, "confirmations", errors, "Enter a whole number of refreshes, 1 to 100.");
        Double m = Numbers.decimal(marginPercent, "marginPercent", errors, "Enter a margin in percent, such as 1.");
        Long h = k == AlertKind.DATA_STALE ? Numbers.whole(hours, "hours", errors, "Enter a whole number of hours.") : null;
        if (!errors.any()) {
            // A money threshold is the amount typed, in the currency chosen beside it.
            boolean money = k != null && k.money;
            RuleJson in = new RuleJson(null, kind == null ? null : kind.trim(), true, rig, pool, money ? null : t,
                    money ? form.currency() : null, money ? t : null,
                    c == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, c)), m,
                    h == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, h)));
            Saved<AlertRule> saved = alerts.createRule(owner, in);
            if (saved.ok()) {
                flash.success("Rule added.");
                return Response.seeOther(URI.create("/alerts#rules")).build();
            }
            // The form's threshold field is the API's amount.
            saved.errors().asMap().forEach((field, message) -> errors.add("amount".equals(field) ? "threshold" : field,
                    message));
        }
        return Response.status(422).entity(Templates.index(view(owner, form, null, null, null, ""), errors)).build();
    }

    @POST
    @Path("rules/{id}/toggle")
    public Response toggle(@PathParam("id") long id) {
        Operator owner = current.get();
        AlertRule r = alerts.setEnabled(owner, id, !alerts.rule(owner, id).enabled);
        flash.success(r.enabled ? "The rule is on." : "The rule is off.");
        return Response.seeOther(URI.create("/alerts#rules")).build();
    }

    @POST
    @Path("rules/{id}/delete")
    public Response deleteRule(@PathParam("id") long id) {
        alerts.deleteRule(current.get(), id);
        flash.success("Rule deleted.");
        return Response.seeOther(URI.create("/alerts#rules")).build();
    }

    @POST
    @Path("channels")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response channels(@RestForm String email, @RestForm String quietFrom, @RestForm String quietTo) {
        Operator owner = current.get();
        boolean on = email != null && !email.isBlank() && !"false".equalsIgnoreCase(email);
        Saved<AlertSettings> saved = alerts.updateChannels(owner,
                new AlertJson.ChannelsJson(on, quietFrom == null ? "" : quietFrom, quietTo == null ? "" : quietTo), false);
        if (!saved.ok()) {
            return Response.status(422).entity(Templates.index(view(owner, blank(),
                    quietFrom == null ? "" : quietFrom, quietTo == null ? "" : quietTo, null, ""), saved.errors()))
                    .build();
        }
        flash.success("Channels saved.");
        return Response.seeOther(URI.create("/alerts#channels")).build();
    }

    /** Adds a webhook and shows its secret, this once (the page is the answer, not a redirect). */
    @POST
    @Path("webhooks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addWebhook(@RestForm String url) {
        Operator owner = current.get();
        Saved<WebhookCreated> saved = alerts.addWebhook(owner, url);
        if (!saved.ok()) {
            return Response.status(422).entity(Templates.index(view(owner, blank(), null, null, null,
                    url == null ? "" : url), saved.errors())).build();
        }
        return Response.ok(Templates.index(view(owner, blank(), null, null, saved.value(), ""),
                FormErrors.none())).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("webhooks/{id}/delete")
    public Response deleteWebhook(@PathParam("id") long id) {
        alerts.deleteWebhook(current.get(), id);
        flash.success("Webhook deleted.");
        return Response.seeOther(URI.create("/alerts#webhooks")).build();
    }

    /** A test alert to email, or to the webhook {@code webhookId}. */
    @POST
    @Path("test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response test(@RestForm String webhookId) {
        Operator owner = current.get();
        Long hook = null;
        if (webhookId != null && !webhookId.isBlank()) {
            try {
                hook = Long.parseLong(webhookId.trim());
            } catch (NumberFormatException e) {
                throw new jakarta.ws.rs.NotFoundException();
            }
        }
        try {
            AlertTests.Sent sent = tests.send(owner, hook, clock.instant());
            if (sent.deliveries().isEmpty()) {
                flash.error("The test alert is not sent: no channel took it. See below.");
            } else if (sent.deliveries().stream().allMatch(d -> "sent".equals(d.state()))) {
                flash.success("Test alert sent" + (hook == null ? " to " + owner.email : " to webhook " + hook) + ".");
            } else {
                StringBuilder b = new StringBuilder("The test alert is ");
                for (AlertJson.DeliveryJson d : sent.deliveries()) {
                    b.append(b.length() > 19 ? "; " : "").append(d.state()).append(" on ").append(d.channel())
                            .append(d.lastError() == null ? "" : ": " + d.lastError());
                }
                flash.error(b.append(". See its deliveries below.").toString());
            }
        } catch (AlertFiring.TooSoon e) {
            flash.error(e.getMessage());
        }
        return Response.seeOther(URI.create("/alerts#history")).build();
    }
}
