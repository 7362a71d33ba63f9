package io.hashdesk.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The one reader of numbers and dates typed into any form (sites, rigs, projection), query string or
 * CSV cell. Plain decimal notation with an optional thousands comma ("1,250.5", "1,000" is one
 * thousand, "0.045"); a decimal comma ("2,5") is refused rather than guessed. "NaN", "Infinity",
 * hex and Java suffixes ("1d"), which {@link Double#parseDouble} would accept, are refused. A blank
 * value is null (the field's own rule decides whether it is required).
 */
public final class Numbers {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d{1,3}(,\\d{3})+|\\d+)?(\\.\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("[+-]?(\\d{1,3}(,\\d{3})+|\\d+)");

    private Numbers() {
    }

    public static Double decimal(String raw, String field, FormErrors errors, String message) {
        String text = trim(raw);
        if (text.isEmpty()) {
            return null;
        }
        if (!DECIMAL.matcher(text).matches() || text.equals("+") || text.equals("-") || text.equals(".")) {
            errors.add(field, message);
            return null;
        }
        double value = Double.parseDouble(text.replace(",", ""));
        if (!Double.isFinite(value)) {
            errors.add(field, message);
            return null;
        }
        return value;
    }

    public static Long whole(String raw, String field, FormErrors errors, String message) {
        String text = trim(raw);
        if (text.isEmpty()) {
            return null;
        }
        if (!WHOLE.matcher(text).matches() || text.replace(",", "").length() > 18) {
            errors.add(field, message);
            return null;
        }
        return Long.parseLong(text.replace(",", ""));
    }

    public static Integer hour(String raw, String field, FormErrors errors, String message) {
        Long value = whole(raw, field, errors, message);
        if (value != null && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
            errors.add(field, message);
            return null;
        }
        return value == null ? null : value.intValue();
    }

    public static LocalDate date(String raw, String field, FormErrors errors) {
        String text = trim(raw);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(field, "Write the date as YYYY-MM-DD, e.g. 2024-05-17.");
            return null;
        }
    }

    /** How a stored number is written back into a form or a CSV cell: no exponent, no trailing zeros. */
    public static String plain(Double value) {
        if (value == null) {
            return "";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    public static String plain(Long value) {
        return value == null ? "" : Long.toString(value);
    }

    public static String trim(String raw) {
        return raw == null ? "" : raw.strip();
    }
}
