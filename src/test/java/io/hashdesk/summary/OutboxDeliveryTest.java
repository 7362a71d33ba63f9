package io.hashdesk.summary;

import static io.hashdesk.testing.Fleets.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.hashdesk.account.Operator;
import io.hashdesk.network.NetworkService;
import io.hashdesk.testing.Fleets;
import io.hashdesk.testing.Networks;
import io.hashdesk.testing.Operators;
import io.hashdesk.testing.Smtp;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Exactly once: SMTP down and back, a sender dying mid-way, two senders racing; and giving up, counted. */
@QuarkusTest
class OutboxDeliveryTest {

    @Inject
    NetworkService network;

    @Inject
    Outbox outbox;

    @Inject
    OutboxSender sender;

    @Inject
    SummaryJob job;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Inject
    OutboxMetrics metrics;

    /** Health answers on the management port only. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    /** A signed-in operator (UTC, summary on Monday 07:00) created a month ago, with one rig group. */
    Operators.Session operator(String hint) {
        Operators.Session s = Operators.newSignedIn(hint);
        Operators.verify(s.email());
        long site = Fleets.site(s, "Main").usdPerKwh(0.05).poolFeePercent(1).hostingUsdPerMonth(0).timezone("UTC").create();
        Fleets.rig(s, site, "Custom 200 TH").units(4).terahash(200).watts(3500).create();
        Operator o = Operators.operator(s.email());
        Fixtures.backdate(o.id, Instant.now().minus(Duration.ofDays(30)), Instant.now().minus(Duration.ofDays(30)));
        return s;
    }

    /** Monday 07:00 UTC of last week. */
    static Instant lastWeeksDue() {
        ZoneId utc = ZoneId.of("UTC");
        return Outbox.due(Outbox.weekStart(Instant.now().minus(Duration.ofDays(7)), utc), utc, DayOfWeek.MONDAY, 7);
    }

    static OutboxMail row(String email) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail>find(
                "recipient = ?1 and kind = 'weekly'", email).firstResult());
    }

    /** No weekly summary is stored, let alone mailed, for an address its owner has not confirmed. */
    @Test
    void anUnconfirmedAddressGetsNoWeeklySummaryUntilItIsConfirmed() {
        Networks.startWorked(network, 71_000, -5, 3);
        Operators.Session s = operator("unconfirmed");
        QuarkusTransaction.requiringNew().run(() -> Operator.update("emailVerifiedAt = null where email = ?1", s.email()));
        Instant due = lastWeeksDue();
        job.run(due.plusSeconds(5));
        assertEquals(null, row(s.email()), "nothing stored for an unconfirmed address");
        assertTrue(Fixtures.mailsTo(s.email()).isEmpty());

        Operators.verify(s.email());
        job.run(due.plusSeconds(65));
        assertEquals(OutboxMail.SENT, row(s.email()).status);
        assertEquals(1, Fixtures.mailsTo(s.email()).size());
    }

    @Test
    void refusedBySmtpForAWhileThenDeliveredExactlyOnce() {
        Networks.startWorked(network, 71_000, -5, 3);
        Operators.Session s = operator("smtp-down");
        Instant due = lastWeeksDue();
        Smtp.refuse();
        try {
            job.run(due.plusSeconds(5));
            OutboxMail m = row(s.email());
            assertEquals(OutboxMail.PENDING, m.status, "stored before any attempt, still waiting");
            assertEquals(1, m.attempts);
            assertTrue(m.lastError != null && !m.lastError.isBlank());
            Instant firstRetry = due.plusSeconds(5).plus(OutboxClaims.FIRST_RETRY);
            assertTrue(!m.nextAttemptAt.isBefore(firstRetry) && m.nextAttemptAt.isBefore(firstRetry.plusSeconds(5)),
                    "first retry within a minute: " + m.nextAttemptAt);
            // Failing, with the reason and the next try, on the page and in JSON.
            given().cookies(s.cookies()).get("/settings").then().statusCode(200)
                    .body(containsString("Failing: ")).body(containsString("Next try"));
            as(s).get("/api/v1/summary/settings").then().body("pending.attempts", equalTo(1))
                    .body("pending.lastError", not(nullValue()));
            // Not due again before its time.
            job.run(due.plusSeconds(20));
            assertEquals(1, row(s.email()).attempts);
            job.run(m.nextAttemptAt);
            OutboxMail again = row(s.email());
            assertEquals(2, again.attempts);
            Duration gap = Duration.between(m.nextAttemptAt, again.nextAttemptAt);
            assertTrue(gap.compareTo(Duration.ofSeconds(60)) >= 0 && gap.compareTo(Duration.ofSeconds(65)) < 0,
                    "doubling: " + gap);
        } finally {
            Smtp.accept();
        }
        Instant at = row(s.email()).nextAttemptAt;
        for (int i = 0; i < 5 && Fixtures.mailsTo(s.email()).isEmpty(); i++) {
            job.run(at);
            at = row(s.email()).nextAttemptAt.isAfter(at) ? row(s.email()).nextAttemptAt : at.plusSeconds(1);
        }
        job.run(at.plusSeconds(3600));
        assertEquals(1, Fixtures.mailsTo(s.email()).size(), "delivered exactly once");
        assertEquals(OutboxMail.SENT, row(s.email()).status);
        assertEquals(null, row(s.email()).lastError);
    }

    @Test
    void givesUpAtTheEndOfTheFollowingDayCountedAndShown() {
        Networks.startWorked(network, 71_000, -5, 3);
        Operators.Session s = operator("smtp-gone");
        Instant due = lastWeeksDue();
        double failedBefore = registry.counter("hashdesk.summary.failed").count();
        Smtp.refuse();
        try {
            job.run(due.plusSeconds(5));
            OutboxMail m = row(s.email());
            assertEquals(due.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2)), m.giveUpAt);
            // Attempts an hour apart at most, the last one at the give-up moment.
            Instant at = m.nextAttemptAt;
            for (int i = 0; i < 60 && OutboxMail.PENDING.equals(row(s.email()).status); i++) {
                job.run(at);
                OutboxMail now = row(s.email());
                if (OutboxMail.PENDING.equals(now.status)) {
                    // (the attempt itself takes a moment after "at")
                    assertTrue(Duration.between(at, now.nextAttemptAt).compareTo(Duration.ofMinutes(61)) <= 0);
                    at = now.nextAttemptAt;
                }
            }
            OutboxMail failed = row(s.email());
            assertEquals(OutboxMail.FAILED, failed.status);
            assertTrue(!failed.failedAt.isBefore(m.giveUpAt) && failed.failedAt.isBefore(m.giveUpAt.plusSeconds(5)),
                    "the last attempt at the end of the following day: " + failed.failedAt);
            assertEquals(failedBefore + 1, registry.counter("hashdesk.summary.failed").count(), 0.0);
            assertTrue(metrics.failed() >= 1);
            given().cookies(s.cookies()).get("/settings").then().body(containsString("Not delivered"));
            as(s).get("/api/v1/summary/settings").then().body("failed.lastError", not(nullValue()))
                    .body("pending", nullValue());
            given().baseUri("http://" + management.getHost() + ":" + management.getPort()).get("/q/health/ready")
                    .then().statusCode(200)
                    .body(containsString("weekly summary outbox")).body(containsString("\"failed\""));
        } finally {
            Smtp.accept();
        }
        job.run(row(s.email()).giveUpAt.plus(Duration.ofDays(1)));
        assertEquals(0, Fixtures.mailsTo(s.email()).size(), "nothing sent after giving up; the row is kept");
    }

    @Test
    void aRestartBetweenStoringAndSendingSendsOnce() throws Exception {
        Networks.startWorked(network, 71_000, -5, 3);
        Operators.Session s = operator("restart");
        Instant due = lastWeeksDue();
        // Stored, then the instance dies having claimed the row mid-send (its lease still runs).
        assertTrue(outbox.enqueueDue(due.plusSeconds(5)) >= 1);
        assertEquals(0, outbox.enqueueDue(due.plusSeconds(65)), "stored once");
        long id = row(s.email()).id;
        try (Connection c = dataSource.getConnection()) {
            List<OutboxClaims.Claimed> claimed = OutboxClaims.claim(c, due.plusSeconds(6), 100, OutboxSender.LEASE,
                    "instance-that-died", id);
            assertEquals(1, claimed.size());
        }
        // Another sender does not touch it while the lease runs...
        sender.sendDue(due.plusSeconds(60));
        assertEquals(0, Fixtures.mailsTo(s.email()).size());
        // ...and sends it once after (a new sender, as after a restart).
        sender.sendDue(due.plusSeconds(6).plus(OutboxSender.LEASE));
        sender.sendDue(due.plusSeconds(7).plus(OutboxSender.LEASE));
        assertEquals(1, Fixtures.mailsTo(s.email()).size());
        assertEquals(OutboxMail.SENT, row(s.email()).status);
    }

    @Test
    void twoSendersRacingSendEachMailOnce() throws Exception {
        Networks.startWorked(network, 71_000, -5, 3);
        List<Operators.Session> sessions = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sessions.add(operator("race" + i));
        }
        Instant due = lastWeeksDue();
        assertTrue(outbox.enqueueDue(due.plusSeconds(1)) >= 6);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                runs.add(pool.submit(() -> {
                    go.await();
                    return sender.sendDue(due.plusSeconds(2));
                }));
            }
            go.countDown();
            int sent = 0;
            for (Future<Integer> r : runs) {
                sent += r.get();
            }
            assertTrue(sent >= 6);
        } finally {
            pool.shutdown();
        }
        for (Operators.Session s : sessions) {
            assertEquals(1, Fixtures.mailsTo(s.email()).size(), s.email());
        }
    }
}
