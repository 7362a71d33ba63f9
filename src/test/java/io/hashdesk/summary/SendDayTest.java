package io.hashdesk.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.hashdesk.account.Operator;
import io.hashdesk.network.NetworkService;
import io.hashdesk.testing.Networks;
import io.hashdesk.testing.Operators;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * When weekly summaries are stored (issue 17): a Sunday summary keeps its grace day across the week's end,
 * and a send day changed mid-week neither leaves 13 days between two summaries nor sends two within a few
 * days. January 2026, UTC, away from the other tests' dates.
 */
@QuarkusTest
class SendDayTest {

    static final Instant MONDAY = Instant.parse("2026-01-05T00:00:00Z");

    @Inject
    Outbox outbox;

    @Inject
    SummaryService settings;

    @Inject
    NetworkService network;

    Operator operator(String hint, DayOfWeek day, int hour) {
        Operators.Session s = Operators.newSignedIn(hint);
        Operators.verify(s.email());
        Operator o = Operators.operator(s.email());
        Fixtures.timezone(o.id, "UTC");
        Fixtures.backdate(o.id, MONDAY.minus(Duration.ofDays(30)), MONDAY.minus(Duration.ofDays(30)));
        settings.update(o.id, true, day, hour, MONDAY.minus(Duration.ofDays(30)));
        return o;
    }

    static List<LocalDate> stored(Operator o) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail>list(
                "operatorId = ?1 and kind = 'weekly' order by createdAt", o.id)).stream().map(m -> m.weekStart).toList();
    }

    static Instant at(int dayOfJanuary, int hour, int minute) {
        return Instant.parse(String.format("2026-01-%02dT%02d:%02d:00Z", dayOfJanuary, hour, minute));
    }

    @Test
    void aSundayLateNightSummaryKeepsItsGraceDayIntoMonday() {
        Networks.startWorked(network, 71_000, -5, 3);
        Operator o = operator("sunday-late", DayOfWeek.SUNDAY, 23);
        // Sunday 11 January 23:00 is due; the app comes back at Monday 00:11, 71 minutes late.
        outbox.enqueueDue(at(12, 0, 11));
        assertEquals(List.of(LocalDate.of(2026, 1, 11)), stored(o));
        outbox.enqueueDue(at(12, 0, 12));
        assertEquals(1, stored(o).size(), "once");
    }

    @Test
    void aSendDayChangedMidWeekLeavesNeitherThirteenDaysNorTwoMailsInAFewDays() {
        Networks.startWorked(network, 71_000, -5, 3);
        // Monday 07:00, then changed to Sunday: Sunday of the same week goes out (6 days later), not 13 days later.
        Operator later = operator("to-sunday", DayOfWeek.MONDAY, 7);
        outbox.enqueueDue(at(5, 7, 1));
        settings.update(later.id, true, DayOfWeek.SUNDAY, 7, at(6, 9, 0));
        outbox.enqueueDue(at(11, 7, 1));
        assertEquals(List.of(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 11)), stored(later));

        // Monday 07:00, then changed to Tuesday: not the next day, but the Tuesday after (8 days).
        Operator sooner = operator("to-tuesday", DayOfWeek.MONDAY, 7);
        outbox.enqueueDue(at(5, 7, 2));
        settings.update(sooner.id, true, DayOfWeek.TUESDAY, 7, at(5, 9, 0));
        outbox.enqueueDue(at(6, 7, 1));
        assertEquals(List.of(LocalDate.of(2026, 1, 5)), stored(sooner), "not twice in two days");
        outbox.enqueueDue(at(13, 7, 1));
        assertEquals(List.of(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 13)), stored(sooner));
    }
}
