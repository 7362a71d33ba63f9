package io.hashdesk.alerts;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
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

import com.fasterxml.jackson.databind.JsonNode;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.account.Operator;
import io.hashdesk.alerts.AlertJson.AlertEntry;
import io.hashdesk.alerts.AlertJson.ChannelsJson;
import io.hashdesk.alerts.AlertJson.RuleJson;
import io.hashdesk.alerts.AlertJson.WebhookIn;
import io.hashdesk.alerts.AlertJson.WebhookJson;
import io.hashdesk.currency.Fx;
import io.hashdesk.fleet.StrictJson;
import io.hashdesk.web.ErrorMapper;
import io.hashdesk.web.FormErrors;
import io.hashdesk.web.Problem;
import io.hashdesk.web.Saved;

/** Alerts for scripts: rules, channels, webhooks, history and a test alert (docs/api.md, Alerts). */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertsApiResource {

    @Inject
    CurrentOperator current;

    @Inject
    AlertService alerts;

    @Inject
    AlertTests tests;

    @Inject
    StrictJson json;

    @Inject
    Clock clock;

    @GET
    public Response history(@QueryParam("limit") String limit, UriInfo uri) {
        int n = AlertHistory.MAX;
        if (limit != null) {
            try {
                n = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > AlertHistory.MAX) {
                return invalid(uri.getPath(), FormErrors.none().add("limit", "must be a whole number from 1 to 100"), 400);
            }
        }
        List<AlertEntry> list = alerts.history(current.get(), n);
        return Response.ok(list).build();
    }

    @GET
    @Path("rules")
    public List<RuleJson> rules() {
        Operator owner = current.get();
        Map<String, Fx> rates = alerts.rates(owner);
        return alerts.rules(owner).stream().map(r -> RuleJson.of(r, rates)).toList();
    }

    @POST
    @Path("rules")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createRule(byte[] body, UriInfo uri) {
        RuleJson in;
        try {
            in = json.read(body, RuleJson.class);
        } catch (StrictJson.Refused e) {
            return e.response(uri.getPath());
        }
        Operator owner = current.get();
        alerts.ensureDefaults(owner);
        Saved<AlertRule> saved = alerts.createRule(owner, in);
        if (!saved.ok()) {
            return invalid(uri.getPath(), saved.errors(), 422);
        }
        return Response.created(URI.create("/api/v1/alerts/rules/" + saved.value().id))
                .entity(RuleJson.of(saved.value(), alerts.rates(owner))).build();
    }

    @PUT
    @Path("rules/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response updateRule(@PathParam("id") long id, byte[] body, UriInfo uri) {
        Operator owner = current.get();
        alerts.rule(owner, id); // 404 before looking at the body
        RuleJson in;
        try {
            in = json.read(body, RuleJson.class);
        } catch (StrictJson.Refused e) {
            return e.response(uri.getPath());
        }
        Saved<AlertRule> saved = alerts.updateRule(owner, id, in);
        if (!saved.ok()) {
            return invalid(uri.getPath(), saved.errors(), 422);
        }
        return Response.ok(RuleJson.of(saved.value(), alerts.rates(owner))).build();
    }

    @DELETE
    @Path("rules/{id}")
    public Response deleteRule(@PathParam("id") long id) {
        alerts.deleteRule(current.get(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("channels")
    public ChannelsJson channels() {
        AlertSettings s = alerts.settings(current.get());
        return new ChannelsJson(s.email, s.quietFrom, s.quietTo);
    }

    /** Fields left out keep their value; {@code quietFrom} and {@code quietTo} null: no quiet hours. */
    @PUT
    @Path("channels")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response updateChannels(byte[] body, UriInfo uri) {
        JsonNode in;
        try {
            in = json.read(body, JsonNode.class);
        } catch (StrictJson.Refused e) {
            return e.response(uri.getPath());
        }
        FormErrors errors = FormErrors.none();
        if (!in.isObject()) {
            return ErrorMapper.refusal(uri.getPath(), 400, "Malformed JSON", "The body must be a JSON object.");
        }
        in.fieldNames().forEachRemaining(f -> {
            if (!List.of("email", "quietFrom", "quietTo").contains(f)) {
                errors.add(f, "is not a field of this object");
            }
        });
        JsonNode email = in.get("email");
        if (email != null && !email.isBoolean()) {
            errors.add("email", "must be true or false");
        }
        for (String f : List.of("quietFrom", "quietTo")) {
            JsonNode v = in.get(f);
            if (v != null && !v.isNull() && !v.isTextual()) {
                errors.add(f, "must be a time as \"HH:MM\" or null");
            }
        }
        if (errors.any()) {
            return invalid(uri.getPath(), errors, 400);
        }
        Operator owner = current.get();
        AlertSettings now = alerts.settings(owner);
        String from = in.has("quietFrom") ? (in.get("quietFrom").isNull() ? null : in.get("quietFrom").textValue())
                : now.quietFrom;
        String to = in.has("quietTo") ? (in.get("quietTo").isNull() ? null : in.get("quietTo").textValue()) : now.quietTo;
        Saved<AlertSettings> saved = alerts.updateChannels(owner,
                new ChannelsJson(email == null ? null : email.booleanValue(), from, to), false);
        if (!saved.ok()) {
            return invalid(uri.getPath(), saved.errors(), 422);
        }
        AlertSettings s = saved.value();
        return Response.ok(new ChannelsJson(s.email, s.quietFrom, s.quietTo)).build();
    }

    @GET
    @Path("webhooks")
    public List<WebhookJson> webhooks() {
        return alerts.webhooks(current.get()).stream().map(WebhookJson::of).toList();
    }

    @POST
    @Path("webhooks")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addWebhook(byte[] body, UriInfo uri) {
        WebhookIn in;
        try {
            in = json.read(body, WebhookIn.class);
        } catch (StrictJson.Refused e) {
            return e.response(uri.getPath());
        }
        Saved<AlertJson.WebhookCreated> saved = alerts.addWebhook(current.get(), in.url());
        if (!saved.ok()) {
            return invalid(uri.getPath(), saved.errors(), 422);
        }
        return Response.created(URI.create("/api/v1/alerts/webhooks/" + saved.value().id())).entity(saved.value())
                .build();
    }

    @DELETE
    @Path("webhooks/{id}")
    public Response deleteWebhook(@PathParam("id") long id) {
        alerts.deleteWebhook(current.get(), id);
        return Response.noContent().build();
    }

    /** A test alert to email, or to one webhook ({@code ?webhookId=}); at most one per channel a minute. */
    @POST
    @Path("test")
    public Response test(@QueryParam("webhookId") Long webhookId, UriInfo uri) {
        try {
            AlertTests.Sent sent = tests.send(current.get(), webhookId, clock.instant());
            return Response.status(202).entity(new AlertJson.TestJson(sent.alertId(), sent.deliveries())).build();
        } catch (AlertFiring.TooSoon e) {
            return ErrorMapper.refusal(uri.getPath(), 429, "Too many test alerts", e.getMessage());
        }
    }

    static Response invalid(String path, FormErrors errors, int status) {
        List<Problem.FieldError> list = new ArrayList<>();
        errors.asMap().forEach((field, message) -> list.add(new Problem.FieldError(field, message)));
        Problem p = Problem.invalid(path, list).withStatus(status, status == 422 ? "Invalid request" : "Bad request");
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(p).build();
    }
}
