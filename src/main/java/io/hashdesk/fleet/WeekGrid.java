package io.hashdesk.fleet;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.hashdesk.economics.Tariff;

/**
 * A time-of-use tariff drawn as a week: one row per day, one cell per hour, shaded by price
 * (five steps from the cheapest to the dearest hour), so a gap or a wrong band is seen at a glance.
 */
public record WeekGrid(List<Day> days, double minUsdPerKwh, double maxUsdPerKwh) {

    public record Day(String name, List<Hour> hours) {
    }

    /** @param tier 0 (cheapest) .. 4 (dearest) */
    public record Hour(int hour, double usdPerKwh, int tier) {
    }

    public static WeekGrid of(Tariff tariff) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (DayOfWeek d : DayOfWeek.values()) {
            for (int h = 0; h < 24; h++) {
                double p = tariff.usdPerKwh(d, h);
                min = Math.min(min, p);
                max = Math.max(max, p);
            }
        }
        List<Day> days = new ArrayList<>(7);
        for (DayOfWeek d : DayOfWeek.values()) {
            List<Hour> hours = new ArrayList<>(24);
            for (int h = 0; h < 24; h++) {
                double p = tariff.usdPerKwh(d, h);
                int tier = max > min ? (int) Math.min(4, Math.floor((p - min) / (max - min) * 5)) : 0;
                hours.add(new Hour(h, p, tier));
            }
            days.add(new Day(d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH), hours));
        }
        return new WeekGrid(days, min, max);
    }

    /** Hours 0..23, for the header row. */
    public List<Integer> hourLabels() {
        List<Integer> labels = new ArrayList<>(24);
        for (int h = 0; h < 24; h++) {
            labels.add(h);
        }
        return labels;
    }
}
