package io.hashdesk.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Quiet hours in the operator's zone, {@code from} to {@code to} (over midnight when {@code to} is
 * earlier): alerts that fire then are held and go out as one digest when they end.
 */
public record QuietHours(LocalTime from, LocalTime to) {

    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** "HH:MM", or null when the text is not one. */
    public static LocalTime parse(String text) {
        if (text == null || !text.trim().matches("([01]\\d|2[0-3]):[0-5]\\d")) {
            return null;
        }
        try {
            return LocalTime.parse(text.trim(), HH_MM);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static String format(LocalTime t) {
        return t == null ? null : t.format(HH_MM);
    }

    /** When the quiet hours around {@code at} end, or null when {@code at} is not in them. */
    public Instant endAround(Instant at, ZoneId zone) {
        if (from.equals(to)) {
            return null;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalTime t = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        if (from.isBefore(to)) {
            return !t.isBefore(from) && t.isBefore(to) ? day.atTime(to).atZone(zone).toInstant() : null;
        }
        if (!t.isBefore(from)) {
            return day.plusDays(1).atTime(to).atZone(zone).toInstant();
        }
        return t.isBefore(to) ? day.atTime(to).atZone(zone).toInstant() : null;
    }
}
