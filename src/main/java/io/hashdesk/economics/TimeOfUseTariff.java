package io.hashdesk.economics;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Prices by weekday set and hour range in the site's local time. The bands must cover each of the
 * week's 168 hours exactly once; anything else is refused with a message naming the first hour at fault.
 */
public record TimeOfUseTariff(List<Band> bands) implements Tariff {

    /**
     * @param days the weekdays the band applies to
     * @param fromHour first local hour, 0..23
     * @param toHour hour the band ends (exclusive), 1..24
     */
    public record Band(Set<DayOfWeek> days, int fromHour, int toHour, double usdPerKwh) {
        public Band {
            if (days == null || days.isEmpty()) {
                throw new IllegalArgumentException("a band needs at least one day");
            }
            if (fromHour < 0 || fromHour > 23) {
                throw new IllegalArgumentException("fromHour must be between 0 and 23");
            }
            if (toHour <= fromHour || toHour > 24) {
                throw new IllegalArgumentException("toHour must be after fromHour and at most 24");
            }
            if (!Double.isFinite(usdPerKwh) || usdPerKwh < 0) {
                throw new IllegalArgumentException("usdPerKwh must be a finite number >= 0");
            }
            days = Set.copyOf(EnumSet.copyOf(days));
        }
    }

    public TimeOfUseTariff {
        if (bands == null || bands.isEmpty()) {
            throw new IllegalArgumentException("a time-of-use tariff needs at least one band");
        }
        bands = List.copyOf(bands);
        int[] cover = new int[168];
        for (Band band : bands) {
            for (DayOfWeek day : band.days()) {
                for (int h = band.fromHour(); h < band.toHour(); h++) {
                    cover[index(day, h)]++;
                }
            }
        }
        for (int i = 0; i < 168; i++) {
            if (cover[i] != 1) {
                DayOfWeek day = DayOfWeek.of(i / 24 + 1);
                String when = name(day) + " " + String.format(Locale.ROOT, "%02d:00", i % 24);
                throw new IllegalArgumentException(cover[i] == 0
                        ? "the bands leave " + when + " without a price"
                        : "the bands price " + when + " more than once");
            }
        }
    }

    /** The week's 168 hourly prices, Monday 00:00 first. */
    public double[] weeklyRates() {
        double[] rates = new double[168];
        for (Band band : bands) {
            for (DayOfWeek day : band.days()) {
                for (int h = band.fromHour(); h < band.toHour(); h++) {
                    rates[index(day, h)] = band.usdPerKwh();
                }
            }
        }
        return rates;
    }

    @Override
    public double usdPerKwh(DayOfWeek day, int hour) {
        for (Band band : bands) {
            if (band.days().contains(day) && hour >= band.fromHour() && hour < band.toHour()) {
                return band.usdPerKwh();
            }
        }
        throw new IllegalStateException("unreachable: bands cover the week");
    }

    static int index(DayOfWeek day, int hour) {
        return (day.getValue() - 1) * 24 + hour;
    }

    /** "Monday" style names, for messages. */
    static String name(DayOfWeek day) {
        String n = day.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    /** Parses "Mon-Fri", "Sat,Sun", "Mon-Sun", "Tue" (English three-letter names, ranges wrap). */
    public static Set<DayOfWeek> parseDays(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("days are empty; write e.g. Mon-Fri or Sat,Sun");
        }
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.split(",")) {
            String p = part.trim();
            int dash = p.indexOf('-');
            if (dash > 0) {
                DayOfWeek from = parseDay(p.substring(0, dash));
                DayOfWeek to = parseDay(p.substring(dash + 1));
                DayOfWeek d = from;
                days.add(d);
                while (d != to) {
                    d = d.plus(1);
                    days.add(d);
                }
            } else {
                days.add(parseDay(p));
            }
        }
        return days;
    }

    private static DayOfWeek parseDay(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            String n = d.name().toLowerCase(Locale.ROOT);
            if (t.length() >= 3 && n.startsWith(t)) {
                return d;
            }
        }
        throw new IllegalArgumentException("'" + text.trim() + "' is not a day; write e.g. Mon-Fri or Sat,Sun");
    }

    /** The canonical text for a set of days: "Mon-Fri", "Sat-Sun", "Mon,Wed,Fri", "Mon-Sun". */
    public static String formatDays(Set<DayOfWeek> days) {
        List<String> parts = new ArrayList<>();
        int i = 1;
        while (i <= 7) {
            if (!days.contains(DayOfWeek.of(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < 7 && days.contains(DayOfWeek.of(j + 1))) {
                j++;
            }
            String a = shortName(DayOfWeek.of(i));
            parts.add(j == i ? a : j == i + 1 ? a + "," + shortName(DayOfWeek.of(j)) : a + "-" + shortName(DayOfWeek.of(j)));
            i = j + 1;
        }
        return String.join(",", parts);
    }

    private static String shortName(DayOfWeek d) {
        return name(d).substring(0, 3);
    }
}
