package io.hashdesk.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** The projected days of the weekly summary are labelled with the operator's dates (issue 17). */
class NextDayLabelTest {

    /**
     * Send hour 0 in Kolkata (UTC+05:30): the summary is built at 00:00:30 on Tuesday 3 March 2026 local,
     * 18:30:30 UTC on Monday; day 0 starts at the top of that UTC hour, 23:30 Monday local. Labelled by its
     * start it read "Mon 2 Mar" ("yesterday"); it is Tuesday's day.
     */
    @Test
    void dayZeroAtSendHourZeroInAHalfHourZoneIsToday() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        Instant asOf = Instant.parse("2026-03-02T18:00:00Z");
        assertEquals("Mon 2 Mar", SummaryFormats.weekday(asOf, kolkata.getId()), "what the mail showed");
        assertEquals(LocalDate.of(2026, 3, 3), SummaryBuilder.dateOf(asOf, kolkata));
        assertEquals("Tue 3 Mar", SummaryFormats.weekday(SummaryBuilder.dateOf(asOf, kolkata)));
        // Chatham (UTC+13:45 in March) likewise; a whole-hour zone is unchanged.
        ZoneId chatham = ZoneId.of("Pacific/Chatham");
        Instant chathamAsOf = Instant.parse("2026-03-02T10:00:00Z"); // 23:45 local, built at 00:00:30 on the 3rd
        assertEquals(LocalDate.of(2026, 3, 3), SummaryBuilder.dateOf(chathamAsOf, chatham));
        assertEquals(LocalDate.of(2026, 3, 2), SummaryBuilder.dateOf(Instant.parse("2026-03-02T13:00:00Z"),
                ZoneId.of("America/Chicago")));
    }
}
