package io.hashdesk.summary;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.account.MailQuota;
import io.hashdesk.account.Operator;
import io.hashdesk.web.Problem;

/** The weekly summary for scripts: settings, delivery state, and "send it now". */
@Path("/api/v1/summary")
@Tag(name = "Weekly summary", description = "The weekly summary mail: on or off, day and hour, delivery state, a test send.")
@Produces(MediaType.APPLICATION_JSON)
public class SummaryApiResource {

    /** A mail waiting in the outbox (after failed attempts when lastError is set). */
    @Schema(name = "SummaryPending")
    public record PendingJson(long id, String kind, int attempts, Instant nextAttemptAt, String lastError,
            Instant giveUpAt) {
        static PendingJson of(OutboxMail m) {
            return m == null ? null : new PendingJson(m.id, m.kind, m.attempts, m.nextAttemptAt, m.lastError, m.giveUpAt);
        }
    }

    /** The last mail given up on since the last one sent. */
    @Schema(name = "SummaryFailed")
    public record FailedJson(long id, String kind, Instant failedAt, String lastError) {
        static FailedJson of(OutboxMail m) {
            return m == null ? null : new FailedJson(m.id, m.kind, m.failedAt, m.lastError);
        }
    }

    @Schema(name = "SummarySettings")
    public record SettingsJson(boolean enabled, String sendDay, int sendHour, String timezone, Instant lastSentAt,
            PendingJson pending, FailedJson failed) {
    }

    /** What "send it now" did: {@code sent}, or {@code pending} (the SMTP server did not take it yet). */
    @Schema(name = "SummaryTest")
    public record TestJson(long id, String status, String messageId, Instant nextAttemptAt, String lastError) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    CurrentOperator current;

    @Inject
    SummaryService summaries;

    @Inject
    Outbox outbox;

    @Inject
    OutboxSender sender;

    @Inject
    Clock clock;

    @GET
    @Path("settings")
    @Operation(summary = "The weekly summary's settings and delivery state")
    public SettingsJson settings() {
        return json(current.get());
    }

    private SettingsJson json(Operator operator) {
        SummaryService.Settings s = summaries.settings(operator.id);
        SummaryService.Delivery d = summaries.delivery(operator.id);
        return new SettingsJson(s.enabled(), s.sendDay().name(), s.sendHour(), operator.timezone, d.lastSentAt(),
                PendingJson.of(d.waiting()), FailedJson.of(d.failed()));
    }

    /** Fields left out keep their value; timezone, lastSentAt, pending and failed are read-only. */
    @PUT
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the weekly summary's settings", description = "Fields left out keep their value;"
            + " sendDay is MONDAY..SUNDAY and sendHour 0-23 in your time zone. timezone, lastSentAt, pending and failed"
            + " are read-only (timezone is set on /settings).")
    @APIResponse(responseCode = "200", description = "The settings as saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SettingsJson.class)))
    @APIResponse(responseCode = "400", description = "Not a JSON object, an unknown field, or a value out of range (each field named in errors[])")
    public Response update(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, properties = {
                    @SchemaProperty(name = "enabled", type = SchemaType.BOOLEAN),
                    @SchemaProperty(name = "sendDay", type = SchemaType.STRING, enumeration = { "MONDAY", "TUESDAY",
                            "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY" }),
                    @SchemaProperty(name = "sendHour", type = SchemaType.INTEGER, minimum = "0", maximum = "23") })))
            String body, UriInfo uri) {
        Operator operator = current.get();
        JsonNode in;
        try {
            in = MAPPER.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            return problem(Problem.of(400, "Malformed JSON", "The body is not valid JSON.", uri.getPath()));
        }
        if (in == null || !in.isObject()) {
            return problem(Problem.of(400, "Malformed JSON", "The body must be a JSON object.", uri.getPath()));
        }
        SummaryService.Settings s = summaries.settings(operator.id);
        List<Problem.FieldError> errors = new ArrayList<>();
        boolean enabled = s.enabled();
        DayOfWeek day = s.sendDay();
        int hour = s.sendHour();
        JsonNode v = in.get("enabled");
        if (v != null) {
            if (v.isBoolean()) {
                enabled = v.booleanValue();
            } else {
                errors.add(new Problem.FieldError("enabled", "must be true or false"));
            }
        }
        v = in.get("sendDay");
        if (v != null) {
            try {
                day = DayOfWeek.valueOf(v.isTextual() ? v.textValue().trim().toUpperCase(Locale.ROOT) : "?");
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("sendDay", "must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY,"
                        + " FRIDAY, SATURDAY, SUNDAY"));
            }
        }
        v = in.get("sendHour");
        if (v != null) {
            if (v.isIntegralNumber() && v.asLong() >= 0 && v.asLong() <= 23) {
                hour = v.intValue();
            } else {
                errors.add(new Problem.FieldError("sendHour", "must be a whole hour from 0 to 23"));
            }
        }
        v = in.get("timezone");
        if (v != null && !(v.isTextual() && v.textValue().equals(operator.timezone))) {
            errors.add(new Problem.FieldError("timezone", "is read-only here; change it on /settings"));
        }
        in.fieldNames().forEachRemaining(name -> {
            if (!List.of("enabled", "sendDay", "sendHour", "timezone", "lastSentAt", "pending", "failed").contains(name)) {
                errors.add(new Problem.FieldError(name, "is not a field of the summary settings"));
            }
        });
        if (!errors.isEmpty()) {
            return problem(Problem.invalid(uri.getPath(), errors));
        }
        summaries.update(operator.id, enabled, day, hour, clock.instant());
        return Response.ok(json(operator)).build();
    }

    /** Sends the operator's summary now, as a separate test mail through the outbox (the week's own is not used up). */
    @POST
    @Path("test")
    @Operation(summary = "Send this week's summary now, as a test mail", description = "A separate mail through the"
            + " outbox: the week's own summary is not used up.")
    @APIResponse(responseCode = "200", description = "Sent (status sent)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TestJson.class)))
    @APIResponse(responseCode = "202", description = "The SMTP server did not take it yet (status pending, with lastError"
            + " and nextAttemptAt): the outbox tries again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TestJson.class)))
    @APIResponse(responseCode = "429", description = "Asked again within a minute")
    public Response test(UriInfo uri) {
        Operator operator = current.get();
        OutboxMail m;
        try {
            m = outbox.enqueueTest(operator, clock.instant());
        } catch (Outbox.TooSoon | MailQuota.Exceeded e) {
            return problem(Problem.of(429, "Too many requests", e.getMessage(), uri.getPath()));
        } catch (Outbox.Unverified e) {
            return problem(Problem.of(409, "Address not confirmed", e.getMessage(), uri.getPath()));
        }
        boolean sent = sender.sendNow(m.id, clock.instant());
        SummaryService.Delivery d = summaries.delivery(operator.id);
        OutboxMail waiting = d.waiting();
        return Response.status(sent ? 200 : 202).entity(new TestJson(m.id, sent ? "sent" : "pending", m.messageId,
                sent || waiting == null ? null : waiting.nextAttemptAt, sent || waiting == null ? null : waiting.lastError))
                .build();
    }

    private static Response problem(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }
}
