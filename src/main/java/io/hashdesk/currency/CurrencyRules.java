package io.hashdesk.currency;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.hashdesk.web.Problem.FieldError;

/**
 * What a currency setting may be, for the JSON API and the form alike: each problem names its field
 * ({@code display}, {@code rates[0].perUsd} or, on the form, {@code perUsd}).
 */
final class CurrencyRules {

    /** At most this many entered rates per operator. */
    static final int MAX_RATES = 50;

    private CurrencyRules() {
    }

    /** The code, or null with the problem added under {@code field}. */
    static String code(String field, String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, "is required: a three-letter ISO 4217 code such as NOK"));
            return null;
        }
        String code = Currencies.code(text);
        if (code == null) {
            errors.add(new FieldError(field, "is not an ISO 4217 currency code (such as EUR, NOK or JPY)"));
        }
        return code;
    }

    /**
     * One entered rate, or null with its problems added under {@code prefix + "code"} and so on.
     * {@code perUsd} is a number, the text typed in a form, or null when missing.
     */
    static CurrencyService.Entered rate(String prefix, String codeText, Object perUsd, String asOfText, LocalDate today, List<FieldError> errors) {
        int before = errors.size();
        String code = code(prefix + "code", codeText, errors);
        if (code != null && Currencies.live(code)) {
            errors.add(new FieldError(prefix + "code", code.equals("USD") ? "USD needs no rate: every figure is computed in USD"
                    : code + " is priced live by mempool with each network reading; enter rates only for other currencies"));
        }
        Double value = null;
        if (perUsd == null || perUsd instanceof String t && t.isBlank()) {
            errors.add(new FieldError(prefix + "perUsd", "is required: how many units of the currency one USD buys"));
        } else if (perUsd instanceof Number n) {
            value = n.doubleValue();
        } else {
            try {
                value = Double.valueOf(perUsd.toString().trim());
            } catch (NumberFormatException e) {
                errors.add(new FieldError(prefix + "perUsd", "must be a number, e.g. 10.9 (units of the currency one USD buys)"));
            }
        }
        if (value != null && Currencies.rateProblem(value) != null) {
            errors.add(new FieldError(prefix + "perUsd", Currencies.rateProblem(value)));
        }
        LocalDate asOf = null;
        if (asOfText == null || asOfText.isBlank()) {
            errors.add(new FieldError(prefix + "asOf", "is required: the day the rate is of, as YYYY-MM-DD"));
        } else {
            try {
                asOf = LocalDate.parse(asOfText.trim());
                if (asOf.isAfter(today)) {
                    errors.add(new FieldError(prefix + "asOf", "is in the future: give the day the rate is of, today at the latest"));
                } else if (asOf.getYear() < 2009) {
                    errors.add(new FieldError(prefix + "asOf", "must be 2009 or later"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(prefix + "asOf", "must be a date as YYYY-MM-DD, e.g. " + today));
            }
        }
        return errors.size() > before ? null : new CurrencyService.Entered(code, value, asOf);
    }

    /** Codes given twice, and too many rates. */
    static void whole(List<CurrencyService.Entered> rates, List<FieldError> errors) {
        if (rates.size() > MAX_RATES) {
            errors.add(new FieldError("rates", "at most " + MAX_RATES + " rates"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rates.size(); i++) {
            if (!seen.add(rates.get(i).code())) {
                errors.add(new FieldError("rates[" + i + "].code", rates.get(i).code() + " is given twice"));
            }
        }
    }

    /** The display currency must have a rate: one of mempool's seven, or one of the rates kept. */
    static String display(String field, String text, Collection<CurrencyService.Entered> rates, List<FieldError> errors) {
        String code = code(field, text, errors);
        if (code == null || Currencies.live(code) || rates.stream().anyMatch(r -> r.code().equals(code))) {
            return code;
        }
        errors.add(new FieldError(field, code + " has no rate: enter a rate for " + code
                + " first, or choose one of " + String.join(", ", Currencies.LIVE)));
        return null;
    }

    /** A rate the fleet's amounts are entered in must stay: refused under {@code field}, naming the code. */
    static void keepsUsed(String field, Collection<String> used, Collection<CurrencyService.Entered> kept,
            List<FieldError> errors) {
        for (String code : used) {
            if (kept.stream().noneMatch(r -> r.code().equals(code))) {
                errors.add(new FieldError(field, "A site's tariff or hosting fee, a rig group's purchase price or an"
                        + " alert rule's threshold is in " + code + ": change it to another currency (or delete the rule)"
                        + " before removing the rate of " + code));
            }
        }
    }

    static List<CurrencyService.Entered> without(List<CurrencyService.Entered> rates, String code) {
        List<CurrencyService.Entered> out = new ArrayList<>(rates);
        out.removeIf(r -> r.code().equals(code));
        return out;
    }
}
