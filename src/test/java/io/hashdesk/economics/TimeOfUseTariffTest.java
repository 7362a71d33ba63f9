package io.hashdesk.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeOfUseTariffTest {

    @Test
    void bandsMustCoverEveryHourOfTheWeek() {
        var gap = assertThrows(IllegalArgumentException.class, () -> new TimeOfUseTariff(List.of(
                new TimeOfUseTariff.Band(TimeOfUseTariff.parseDays("Mon-Fri"), 0, 24, 0.05))));
        assertEquals("the bands leave Saturday 00:00 without a price", gap.getMessage());
        var overlap = assertThrows(IllegalArgumentException.class, () -> new TimeOfUseTariff(List.of(
                new TimeOfUseTariff.Band(EnumSet.allOf(DayOfWeek.class), 0, 24, 0.05),
                new TimeOfUseTariff.Band(EnumSet.of(DayOfWeek.TUESDAY), 17, 21, 0.20))));
        assertEquals("the bands price Tuesday 17:00 more than once", overlap.getMessage());
    }

    @Test
    void ratesByLocalHourOfWeek() {
        var t = new TimeOfUseTariff(List.of(
                new TimeOfUseTariff.Band(TimeOfUseTariff.parseDays("Mon-Fri"), 0, 17, 0.05),
                new TimeOfUseTariff.Band(TimeOfUseTariff.parseDays("Mon-Fri"), 17, 21, 0.20),
                new TimeOfUseTariff.Band(TimeOfUseTariff.parseDays("Mon-Fri"), 21, 24, 0.05),
                new TimeOfUseTariff.Band(TimeOfUseTariff.parseDays("Sat,Sun"), 0, 24, 0.03)));
        assertEquals(0.20, t.usdPerKwh(DayOfWeek.WEDNESDAY, 18), 0);
        assertEquals(0.05, t.usdPerKwh(DayOfWeek.WEDNESDAY, 21), 0);
        assertEquals(0.03, t.usdPerKwh(DayOfWeek.SUNDAY, 18), 0);
        assertEquals(0.20, t.weeklyRates()[2 * 24 + 18], 0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = { "Mon-Fri;Mon-Fri", "sat, sun;Sat,Sun", "Fri-Mon;Mon,Fri-Sun", "monday;Mon",
            "Mon-Sun;Mon-Sun", "Mon,Wed,Fri;Mon,Wed,Fri" })
    void daysParseAndFormat(String text, String canonical) {
        assertEquals(canonical, TimeOfUseTariff.formatDays(TimeOfUseTariff.parseDays(text)));
    }

    @Test
    void badDaysAndHoursAreRefusedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> TimeOfUseTariff.parseDays("Funday"));
        assertThrows(IllegalArgumentException.class, () -> TimeOfUseTariff.parseDays(""));
        assertThrows(IllegalArgumentException.class,
                () -> new TimeOfUseTariff.Band(EnumSet.of(DayOfWeek.MONDAY), 8, 8, 0.1));
        assertThrows(IllegalArgumentException.class,
                () -> new TimeOfUseTariff.Band(EnumSet.of(DayOfWeek.MONDAY), 0, 25, 0.1));
        assertThrows(IllegalArgumentException.class,
                () -> new TimeOfUseTariff.Band(EnumSet.of(DayOfWeek.MONDAY), 0, 24, Double.NaN));
    }
}
