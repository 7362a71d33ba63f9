package io.hashdesk.summary;

import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.account.MailQuota;
import io.hashdesk.account.Operator;
import io.hashdesk.web.Flash;
import io.hashdesk.web.FormErrors;
import io.hashdesk.web.Htmx;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The weekly summary's part of /settings: on or off, day and hour, "send it now", delivery state. */
@Path("/settings/summary")
@Produces(MediaType.TEXT_HTML)
public class SummarySettingsResource {

    @CheckedTemplate
    static class Templates {
        /** The card shown on /settings (and swapped in place by htmx). */
        static native TemplateInstance card(SummaryView v, FormErrors errors);

        /** The card alone in the layout: a form sent without htmx that needs correcting. */
        static native TemplateInstance page(SummaryView v, FormErrors errors);
    }

    @Inject
    CurrentOperator current;

    @Inject
    SummaryService summaries;

    @Inject
    SummaryCard card;

    @Inject
    Outbox outbox;

    @Inject
    OutboxSender sender;

    @Inject
    Flash flash;

    @Inject
    Clock clock;

    /** The form's input, parsed; errors by field name. */
    record Parsed(boolean enabled, DayOfWeek day, int hour, FormErrors errors) {
    }

    static Parsed parse(String enabled, String sendDay, String sendHour) {
        FormErrors errors = FormErrors.none();
        DayOfWeek day = null;
        int hour = -1;
        try {
            day = DayOfWeek.valueOf(sendDay == null ? "" : sendDay.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("sendDay", "Choose a day of the week, MONDAY to SUNDAY.");
        }
        try {
            hour = Integer.parseInt(sendHour == null ? "" : sendHour.trim());
        } catch (NumberFormatException e) {
            hour = -1;
        }
        if (hour < 0 || hour > 23) {
            errors.add("sendHour", "Choose an hour from 0 to 23.");
        }
        return new Parsed(enabled != null && !enabled.isBlank() && !"false".equalsIgnoreCase(enabled), day, hour, errors);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestForm String enabled, @RestForm String sendDay, @RestForm String sendHour) {
        Operator operator = current.get();
        Parsed p = parse(enabled, sendDay, sendHour);
        if (p.errors().any()) {
            SummaryView typed = new SummaryView(p.enabled(), sendDay == null ? "" : sendDay,
                    sendHour == null ? "" : sendHour, operator.timezone, summaries.delivery(operator.id), null, null,
                    false);
            return Response.status(422).entity(Templates.page(typed, p.errors())).build();
        }
        summaries.update(operator.id, p.enabled(), p.day(), p.hour(), clock.instant());
        flash.success(p.enabled()
                ? "The weekly summary comes every " + SummaryView.dayName(p.day().name()) + " at "
                        + SummaryView.hourLabel(p.hour()) + " (" + operator.timezone + ")."
                : "The weekly summary is off.");
        return Response.seeOther(URI.create("/settings#weekly-summary")).build();
    }

    @POST
    @Path("test")
    public Response sendNow(@BeanParam Htmx htmx) {
        Operator operator = current.get();
        String message;
        boolean error = false;
        try {
            OutboxMail m = outbox.enqueueTest(operator, clock.instant());
            if (sender.sendNow(m.id, clock.instant())) {
                message = "Sent to " + operator.email + ". It should arrive in a minute.";
            } else {
                error = true;
                message = "The mail server did not take it yet; hashdesk keeps trying (see below).";
            }
        } catch (Outbox.TooSoon | Outbox.Unverified | MailQuota.Exceeded e) {
            error = true;
            message = e.getMessage();
        }
        if (htmx.isRequest()) {
            return Response.ok(Templates.card(card.view(operator, message, error), FormErrors.none())).build();
        }
        if (error) {
            flash.error(message);
        } else {
            flash.success(message);
        }
        return Response.seeOther(URI.create("/settings#weekly-summary")).build();
    }
}
