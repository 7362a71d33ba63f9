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

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.account.MailQuota;
import io.hashdesk.account.Operator;
import io.hashdesk.web.Problem;

/** The weekly summary for scripts: settings, delivery state, and "send it now". */
@Path("/api/v1/summary")
@Produces(MediaType.APPLICATION_JSON)
public class SummaryApiResource {

    /** A mail waiting in the outbox (after failed attempts when lastError is set). */
    public record PendingJson(long id, String kind, int attempts, Instant nextAttemptAt, String lastError,
            Instant giveUpAt) {
        static PendingJson of(OutboxMail m) {
            return m == null ? null : new PendingJson(m.id, m.kind, m.attempts, m.nextAttemptAt, m.lastError, m.giveUpAt);
        }
    }

    /** The last mail given up on since the last one sent. */
    public record FailedJson(long id, String kind, Instant failedAt, String lastError) {
        static FailedJson of(OutboxMail m) {
            return m == null ? null : new FailedJson(m.id, m.kind, m.failedAt, m.lastError);
        }
    }

    public record SettingsJson(boolean enabled, String sendDay, int sendHour, String timezone, Instant lastSentAt,
            PendingJson pending, FailedJson failed) {
    }

    /** What "send it now" did: {@code sent}, or {@code pending} (the SMTP server did not take it yet). */
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
    public Response update(String body, UriInfo uri) {
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
