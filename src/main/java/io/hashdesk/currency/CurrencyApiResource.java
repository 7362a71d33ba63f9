package io.hashdesk.currency;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.account.Operator;
import io.hashdesk.network.NetworkService;
import io.hashdesk.web.Formats;
import io.hashdesk.web.Problem;

/** The display currency and the rates the operator entered, for scripts. */
@Path("/api/v1/settings/currency")
@Tag(name = "Currency", description = "The currency money is shown in, and rates you enter for currencies mempool does not price.")
@Produces(MediaType.APPLICATION_JSON)
public class CurrencyApiResource {

    @Schema(name = "CurrencyRate", description = "A rate you entered: units of the currency one USD buys, as of a day")
    public record RateJson(String code, double perUsd, LocalDate asOf) {
    }

    @Schema(name = "CurrencySettings", description = "display: the ISO 4217 code money is shown in (one of mempool's"
            + " seven or one of rates); rates: yours; available: every currency usable now (read-only)")
    public record SettingsJson(String display, List<RateJson> rates, List<Fx> available) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    CurrentOperator current;

    @Inject
    CurrencyService currencies;

    @Inject
    NetworkService network;

    @Inject
    Clock clock;

    @GET
    @Operation(summary = "Your display currency and entered rates")
    public SettingsJson settings() {
        return json(current.get());
    }

    private SettingsJson json(Operator operator) {
        List<RateJson> rates = currencies.entered(operator.id).stream()
                .map(e -> new RateJson(e.code(), e.perUsd(), e.asOf())).toList();
        return new SettingsJson(operator.displayCurrency, rates,
                List.copyOf(currencies.rates(operator.id, network.latest()).values()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change your display currency and entered rates", description = "Fields left out keep their"
            + " value; rates, when given, replaces every entered rate. A rate is 0.000001 to 1,000,000 units per USD,"
            + " dated today or earlier; display must have a rate. available is read-only.")
    @APIResponse(responseCode = "200", description = "The settings as saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SettingsJson.class)))
    @APIResponse(responseCode = "400", description = "Not a JSON object, an unknown field, an unknown code, a rate out of"
            + " range, a display currency without a rate (each field named in errors[]); nothing is saved")
    public Response update(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SettingsJson.class))) String body, UriInfo uri) {
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
        List<Problem.FieldError> errors = new ArrayList<>();
        in.fieldNames().forEachRemaining(name -> {
            if (!List.of("display", "rates", "available").contains(name)) {
                errors.add(new Problem.FieldError(name, "is not a field of the currency settings"));
            }
        });
        LocalDate today = LocalDate.now(clock.withZone(Formats.zoneOf(operator.timezone)));
        List<CurrencyService.Entered> rates = null;
        JsonNode r = in.get("rates");
        if (r != null) {
            if (!r.isArray()) {
                errors.add(new Problem.FieldError("rates", "must be a list of {code, perUsd, asOf}"));
            } else {
                rates = new ArrayList<>();
                for (int i = 0; i < r.size(); i++) {
                    JsonNode one = r.get(i);
                    String prefix = "rates[" + i + "].";
                    if (!one.isObject()) {
                        errors.add(new Problem.FieldError("rates[" + i + "]", "must be an object {code, perUsd, asOf}"));
                        continue;
                    }
                    one.fieldNames().forEachRemaining(name -> {
                        if (!List.of("code", "perUsd", "asOf").contains(name)) {
                            errors.add(new Problem.FieldError(prefix + name, "is not a field of a rate"));
                        }
                    });
                    JsonNode perUsd = one.get("perUsd");
                    CurrencyService.Entered e = CurrencyRules.rate(prefix, text(one.get("code")),
                            perUsd == null || perUsd.isNull() ? null : perUsd.isNumber() ? (Object) perUsd.doubleValue()
                                    : perUsd.isTextual() ? perUsd.textValue() : perUsd.toString(),
                            text(one.get("asOf")), today, errors);
                    if (e != null) {
                        rates.add(e);
                    }
                }
                CurrencyRules.whole(rates, errors);
            }
        }
        String display = null;
        JsonNode d = in.get("display");
        List<CurrencyService.Entered> kept = rates != null ? rates : currencies.entered(operator.id);
        if (d != null) {
            display = CurrencyRules.display("display", text(d), kept, errors);
        } else if (rates != null && !Currencies.live(operator.displayCurrency)) {
            // Removing the rate of the display currency would leave money shown at no rate.
            CurrencyRules.display("display", operator.displayCurrency, kept, errors);
        }
        if (rates != null) {
            CurrencyRules.keepsUsed("rates", currencies.inUse(operator.id), kept, errors);
        }
        if (!errors.isEmpty()) {
            return problem(Problem.invalid(uri.getPath(), errors));
        }
        // Checked again under the fleet's lock: a site saved in a currency at the same moment is seen.
        errors.addAll(currencies.save(operator.id, display, rates, clock.instant()));
        if (!errors.isEmpty()) {
            return problem(Problem.invalid(uri.getPath(), errors));
        }
        if (display != null) {
            operator.displayCurrency = display;
        }
        return Response.ok(json(operator)).build();
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() ? null : v.isTextual() ? v.textValue() : v.toString();
    }

    private static Response problem(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }
}
