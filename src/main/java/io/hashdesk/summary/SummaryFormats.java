package io.hashdesk.summary;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.hashdesk.web.Formats;
import io.quarkus.qute.TemplateExtension;

/** Dates as the summary mail writes them; numbers go through {@link Formats}. */
@TemplateExtension
public final class SummaryFormats {

    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private SummaryFormats() {
    }

    /** "Mon 23 Nov". */
    public static String weekday(LocalDate date) {
        return WEEKDAY.format(date);
    }

    /** "23 Nov 2026". */
    public static String full(LocalDate date) {
        return FULL.format(date);
    }

    /** "Mon 23 Nov" for the start of a projected day in the operator's zone. */
    public static String weekday(Instant start, String zone) {
        return WEEKDAY.format(start.atZone(Formats.zoneOf(zone)));
    }

    /** "Monday" for "MONDAY". */
    public static String dayName(String day) {
        return SummaryView.dayName(day);
    }

    /** "07:00" for 7. */
    public static String hourLabel(Integer hour) {
        return SummaryView.hourLabel(hour);
    }

    public static double plus(double a, double b) {
        return a + b;
    }

    public static double abs(double value) {
        return Math.abs(value);
    }

    /** Whole US dollars with a sign when positive: "+1,234 USD", "−56 USD". */
    public static String signedUsd0(double amount) {
        String text = Formats.usd0(amount);
        return amount >= 0.5 ? "+" + text : text;
    }
}
