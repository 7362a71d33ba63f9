package io.hashdesk.summary;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import io.hashdesk.web.Formats;

/**
 * The "Weekly summary" card on /settings: the settings (as typed, when a form is re-shown), the
 * delivery state, and the next time a summary goes out.
 *
 * @param message a line to show after "send it now" (null otherwise)
 */
public record SummaryView(boolean enabled, String sendDay, String sendHour, String zone,
        SummaryService.Delivery delivery, Instant nextAt, String message, boolean messageIsError) {

    public static final List<String> DAYS = Arrays.stream(DayOfWeek.values()).map(DayOfWeek::name).toList();
    public static final List<Integer> HOURS = IntStream.range(0, 24).boxed().toList();

    static SummaryView of(SummaryService.Settings s, String zone, SummaryService.Delivery delivery, Instant now,
            String message, boolean error) {
        return new SummaryView(s.enabled(), s.sendDay().name(), Integer.toString(s.sendHour()), zone, delivery,
                s.enabled() ? nextDue(s, zone, now) : null, message, error);
    }

    /** The next moment the weekly summary is due, at or after now. */
    static Instant nextDue(SummaryService.Settings s, String zone, Instant now) {
        ZoneId z = Formats.zoneOf(zone);
        LocalDate week = Outbox.weekStart(now, z);
        Instant due = Outbox.due(week, z, s.sendDay(), s.sendHour());
        return due.isBefore(now) ? Outbox.due(week.plusWeeks(1), z, s.sendDay(), s.sendHour()) : due;
    }

    public List<String> days() {
        return DAYS;
    }

    public List<Integer> hours() {
        return HOURS;
    }

    /** "Monday" for "MONDAY". */
    public static String dayName(String day) {
        return day.charAt(0) + day.substring(1).toLowerCase(Locale.ROOT);
    }

    /** "07:00". */
    public static String hourLabel(int hour) {
        return String.format(Locale.ROOT, "%02d:00", hour);
    }

    public boolean selectedHour(int hour) {
        return Integer.toString(hour).equals(sendHour);
    }
}
