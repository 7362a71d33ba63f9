package io.hashdesk.currency;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.account.Operator;
import io.hashdesk.web.Flash;
import io.hashdesk.web.Formats;
import io.hashdesk.web.FormErrors;
import io.hashdesk.web.Problem.FieldError;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The currency card of /settings: the display currency, and rates entered for other currencies. */
@Path("/settings/currency")
@Produces(MediaType.TEXT_HTML)
public class CurrencySettingsResource {

    @CheckedTemplate
    static class Templates {
        /** The card shown on /settings. */
        static native TemplateInstance card(CurrencyView v, FormErrors errors);

        /** The card alone in the layout: a form that needs correcting, with what was typed. */
        static native TemplateInstance page(CurrencyView v, FormErrors errors);
    }

    @Inject
    CurrentOperator current;

    @Inject
    CurrencyService currencies;

    @Inject
    CurrencyCard card;

    @Inject
    Flash flash;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response display(@RestForm String display) {
        Operator operator = current.get();
        List<FieldError> errors = new ArrayList<>();
        String code = CurrencyRules.display("display", display, currencies.entered(operator.id), errors);
        if (!errors.isEmpty()) {
            return refused(operator, errors, null, null, null);
        }
        errors.addAll(currencies.save(operator.id, code, null, clock.instant()));
        if (!errors.isEmpty()) {
            return refused(operator, errors, null, null, null);
        }
        flash.success("Money is now shown in " + code + ".");
        return Response.seeOther(URI.create("/settings#currency")).build();
    }

    @POST
    @Path("rates")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveRate(@RestForm String code, @RestForm String perUsd, @RestForm String asOf) {
        Operator operator = current.get();
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(Formats.zoneOf(operator.timezone)));
        CurrencyService.Entered e = CurrencyRules.rate("", code, perUsd, asOf, today, errors);
        List<CurrencyService.Entered> rates = new ArrayList<>(currencies.entered(operator.id));
        if (e != null) {
            rates = CurrencyRules.without(rates, e.code());
            rates.add(e);
            if (rates.size() > CurrencyRules.MAX_RATES) {
                errors.add(new FieldError("code", "You have " + CurrencyRules.MAX_RATES
                        + " rates, the most one account may have. Remove one you no longer use first."));
            }
        }
        if (!errors.isEmpty()) {
            return refused(operator, errors, code, perUsd, asOf);
        }
        errors.addAll(currencies.save(operator.id, null, rates, clock.instant()));
        if (!errors.isEmpty()) {
            return refused(operator, errors, code, perUsd, asOf);
        }
        flash.success("1 USD = " + Formats.number(e.perUsd(), 4) + " " + e.code() + ", your rate of " + e.asOf() + ".");
        return Response.seeOther(URI.create("/settings#currency")).build();
    }

    @POST
    @Path("rates/{code}/delete")
    public Response removeRate(@PathParam("code") String code) {
        Operator operator = current.get();
        List<CurrencyService.Entered> rates = currencies.entered(operator.id);
        List<CurrencyService.Entered> kept = CurrencyRules.without(rates, Currencies.code(code));
        if (kept.size() == rates.size()) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        List<FieldError> errors = new ArrayList<>();
        CurrencyRules.display("rates", operator.displayCurrency, kept, errors);
        if (!errors.isEmpty()) {
            errors = List.of(new FieldError("rates", "Your money is shown in " + operator.displayCurrency
                    + ": choose another display currency before removing its rate."));
            return refused(operator, errors, null, null, null);
        }
        CurrencyRules.keepsUsed("rates", currencies.inUse(operator.id), kept, errors);
        if (!errors.isEmpty()) {
            return refused(operator, errors, null, null, null);
        }
        errors.addAll(currencies.save(operator.id, null, kept, clock.instant()));
        if (!errors.isEmpty()) {
            return refused(operator, errors, null, null, null);
        }
        flash.success("The rate of " + Currencies.code(code) + " is removed.");
        return Response.seeOther(URI.create("/settings#currency")).build();
    }

    private Response refused(Operator operator, List<FieldError> errors, String code, String perUsd, String asOf) {
        FormErrors form = FormErrors.none();
        errors.forEach(f -> form.add(f.field(), sentence(f)));
        return Response.status(422).entity(Templates.page(card.view(operator, code, perUsd, asOf), form)).build();
    }

    /** "perUsd must not be zero..." reads as "Must not be zero...." beside its field. */
    private static String sentence(FieldError f) {
        String m = f.message();
        if (m.isEmpty() || Character.isUpperCase(m.charAt(0))) {
            return m;
        }
        String label = switch (f.field()) {
            case "code" -> "The currency";
            case "perUsd" -> "The rate";
            case "asOf" -> "The day";
            case "display" -> "The display currency";
            default -> "This";
        };
        return label + " " + m + (m.endsWith(".") ? "" : ".");
    }
}
