package io.hashdesk.summary;

import static io.hashdesk.testing.Fleets.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.hashdesk.account.Operator;
import io.hashdesk.economics.FlatTariff;
import io.hashdesk.economics.Fleet;
import io.hashdesk.economics.FleetToday;
import io.hashdesk.economics.GroupToday;
import io.hashdesk.economics.NetworkState;
import io.hashdesk.economics.Projection;
import io.hashdesk.economics.ProjectionResult;
import io.hashdesk.economics.RigEconomics;
import io.hashdesk.economics.RigGroupSpec;
import io.hashdesk.economics.Scenario;
import io.hashdesk.economics.SiteTerms;
import io.hashdesk.network.MempoolStubs;
import io.hashdesk.network.NetworkService;
import io.hashdesk.network.NetworkSnapshot;
import io.hashdesk.network.NetworkView;
import io.hashdesk.projection.FleetProjection;
import io.hashdesk.projection.ProjectionService;
import io.hashdesk.testing.Fleets;
import io.hashdesk.testing.Networks;
import io.hashdesk.testing.Operators;
import io.hashdesk.testing.Snapshots;
import io.hashdesk.web.Formats;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The weekly summary end to end, with GreenMail as the SMTP server and the job driven at chosen
 * moments: the right local hour, figures from the economics core, the ledger, test mails, settings.
 */
@QuarkusTest
class WeeklySummaryTest {

    static final String CHICAGO = "America/Chicago";

    @Inject
    NetworkService network;

    @Inject
    ProjectionService projections;

    @Inject
    SummaryJob job;

    @Inject
    Ledger ledger;

    @Inject
    SummaryBuilder builder;

    final List<NetworkSnapshot> snapshots = new ArrayList<>();

    @AfterEach
    void removeOldSnapshots() {
        Snapshots.delete(snapshots);
        snapshots.clear();
    }

    /** The last Monday 07:00 in Chicago at least a day before now. */
    static Instant lastMondaySeven() {
        ZonedDateTime t = ZonedDateTime.now(ZoneId.of(CHICAGO)).minusDays(1)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).withHour(7).withMinute(0).withSecond(0)
                .withNano(0);
        return t.toInstant();
    }

    record Fleetish(Operators.Session session, Operator operator, long rigA, long rigB, Fleet fleet) {
    }

    /**
     * An operator with two sites and two rig groups: 10 x 200 TH/s at 3,500 W on 0.05 USD/kWh with a
     * 2 % pool fee and 300 USD/month hosting (earns), and 5 x 100 TH/s at 3,250 W on 0.12 USD/kWh
     * (costs more in power than it earns: to switch off).
     */
    Fleetish fleet(String hint, String zone) {
        Operators.Session s = Operators.newSignedIn(hint);
        Operators.verify(s.email());
        long a = Fleets.site(s, "Prairie").usdPerKwh(0.05).poolFeePercent(2).hostingUsdPerMonth(300).timezone(zone).create();
        long b = Fleets.site(s, "Downtown").usdPerKwh(0.12).poolFeePercent(0).hostingUsdPerMonth(0).timezone(zone).create();
        long rigA = Fleets.rig(s, a, "Custom 200 TH").units(10).terahash(200).watts(3500).create();
        long rigB = Fleets.rig(s, b, "Custom 100 TH").units(5).terahash(100).watts(3250).create();
        Operator o = Operators.operator(s.email());
        Fixtures.timezone(o.id, zone);
        ZoneId z = ZoneId.of(zone);
        Fleet fleet = new Fleet(
                List.of(new SiteTerms(new FlatTariff(0.12), 1, 0, 0, 100, false, z),
                        new SiteTerms(new FlatTariff(0.05), 1, 2, 300, 100, false, z)),
                List.of(new RigGroupSpec(rigA, 1, 10, 200, 3500, null), new RigGroupSpec(rigB, 0, 5, 100, 3250, null)));
        return new Fleetish(s, Operators.operator(s.email()), rigA, rigB, fleet);
    }

    /**
     * A Chicago operator's summary, sent once by the job at 07:00 local time; each test reads one part of
     * that mail. The fleet since Tuesday of the past week; snapshots at noon each day but Wednesday, and one
     * just after Monday's midnight (the first refresh after Sunday ended).
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AChicagoOperatorsSummary {

        final ZoneId chicago = ZoneId.of(CHICAGO);
        final Instant due = lastMondaySeven();
        final LocalDate monday = due.atZone(chicago).toLocalDate();
        final List<NetworkSnapshot> byDay = new ArrayList<>();
        Fleetish f;
        int mailsAfterTheTestMail;
        int mailsBeforeSeven;
        List<MimeMessage> mails;
        MimeMessage mail;
        String text;
        String html;

        /** Once for all the tests below (REST Assured knows the app's port only from the first test on). */
        @BeforeEach
        void sendItOnce() {
            if (f != null) {
                return;
            }
            Networks.startWorked(network, 71_000, -5, 3);
            f = fleet("chicago", CHICAGO);
            Fixtures.backdate(f.operator().id, due.minus(Duration.ofDays(20)),
                    monday.minusDays(6).atTime(9, 0).atZone(chicago).toInstant());
            for (int d = 7; d >= 1; d--) {
                LocalDate day = monday.minusDays(d);
                if (day.getDayOfWeek() == DayOfWeek.WEDNESDAY) {
                    byDay.add(null);
                    continue;
                }
                NetworkSnapshot s = Snapshots.stored(day.atTime(12, 0).atZone(chicago).toInstant(), 70_000 + d * 500,
                        1.355e14);
                snapshots.add(s);
                byDay.add(s);
            }
            snapshots.add(Snapshots.stored(monday.atTime(0, 30).atZone(chicago).toInstant(), 71_000, 1.355e14));

            // A test mail first: it does not use up the week's summary.
            as(f.session()).post("/api/v1/summary/test").then().statusCode(200).body("status", equalTo("sent"));
            mailsAfterTheTestMail = Fixtures.mailsTo(f.session().email()).size();

            job.run(due.minusSeconds(60));
            mailsBeforeSeven = Fixtures.mailsTo(f.session().email()).size();
            job.run(due.plusSeconds(30));
            job.run(due.plusSeconds(90));
            mails = Fixtures.mailsTo(f.session().email());
            mail = mails.stream().filter(m -> !subject(m).startsWith("[Test]")).findFirst().orElse(null);
            if (mail != null) {
                text = Fixtures.part(mail, "text/plain");
                html = Fixtures.part(mail, "text/html");
                Fixtures.keepSample("weekly", html, text);
            }
        }

        @Test
        void itArrivesOnceAtSevenLocalAndATestMailDoesNotUseItUp() {
            assertEquals(1, mailsAfterTheTestMail);
            assertEquals(1, mailsBeforeSeven, "nothing before 07:00 Chicago");
            assertEquals(2, mails.size(), "the summary once, at 07:00 Chicago (13:00 UTC in winter, 12:00 in summer)");
            assertNotNull(mail, "the weekly summary beside the test mail");
        }

        @Test
        void itsHtmlTravelsAsSevenBitTextAndReadsAsRendered() {
            assertEquals("7bit", Fixtures.encoding(mail, "text/html"));
            OutboxMail stored = QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail>find(
                    "recipient = ?1 and kind = 'weekly'", f.session().email()).firstResult());
            assertTrue(stored.bodyHtml.contains("–"), "the rendered HTML has non-ASCII characters");
            assertEquals(stored.bodyHtml.strip(), html.strip());
        }

        @Test
        void itHasAFixedMessageIdForTheWeekAndOneClickUnsubscribe() {
            assertEquals("<summary-" + f.operator().id + "-" + monday + "@hashdesk.example>",
                    Fixtures.header(mail, "Message-ID"));
            assertThat(Fixtures.header(mail, "List-Unsubscribe")).startsWith("<https://hashdesk.example/unsubscribe?token=");
            assertEquals("List-Unsubscribe=One-Click", Fixtures.header(mail, "List-Unsubscribe-Post"));
        }

        /**
         * The past week from the ledger, each day priced by the economics core from the snapshots in force
         * during it, each for the time it was in force (the previous day's noon snapshot prices the morning),
         * under "switch off when losing" (Downtown's group is off). Tuesday counts from the fleet's 09:00.
         */
        @Test
        void itShowsThePastWeekDayByDayFromTheLedger() {
            double total = 0;
            for (int i = 0; i < 7; i++) {
                LocalDate day = monday.minusDays(7 - i);
                String label = SummaryFormats.weekday(day);
                NetworkSnapshot s = byDay.get(i);
                if (i == 0) {
                    assertThat(text).contains(label + ": not enough history yet");
                } else if (s == null) {
                    assertThat(text).contains(label + ": no data");
                } else {
                    NetworkSnapshot morning = byDay.get(i - 1);
                    Instant from = day.atStartOfDay(chicago).toInstant();
                    if (i == 1) {
                        from = day.atTime(9, 0).atZone(chicago).toInstant();
                    }
                    Instant end = day.plusDays(1).atStartOfDay(chicago).toInstant();
                    double before = Duration.between(from, s.fetchedAt).toSeconds() / 3600.0;
                    double after = Duration.between(s.fetchedAt, end).toSeconds() / 3600.0;
                    Expected t = Expected.of(f.fleet(), s, day, chicago).times((after + (morning == null ? before : 0)) / 24);
                    if (morning != null) {
                        t = t.plus(Expected.of(f.fleet(), morning, day, chicago).times(before / 24));
                    }
                    assertThat(text).as(label).contains(label + ": " + Formats.btc(t.btc()) + " mined, revenue "
                            + Formats.usd0(t.revenueUsd()) + ", power " + Formats.usd0(t.powerCostUsd()) + ", hosting "
                            + Formats.usd0(t.hostingUsd()) + ", pool fees " + Formats.usd0(t.poolFeeUsd()) + ", profit "
                            + Formats.usd0(t.profitUsd()));
                    total += t.profitUsd();
                }
            }
            assertThat(text).contains("Total (5 of 7 days recorded):").contains("profit " + Formats.usd0(total) + "\n");
            assertTrue(html.contains(Formats.usd0(total)), "the headline figure");
            assertThat(text).as("per site").contains("By site:\nDowntown: ");
        }

        /** The next 7 days: the dashboard's base projection, recomputed here by the economics core. */
        @Test
        void itShowsTheNextSevenDaysAsTheDashboardProjectsThem() {
            FleetProjection p = projections.project(f.operator(), Scenario.base(Scenario.DEFAULT_DAYS));
            NetworkState state = network.latest().state();
            ProjectionResult r = Projection.run(f.fleet(), state, Scenario.base(Scenario.DEFAULT_DAYS), p.asOf());
            double next = 0;
            for (int d = 0; d < 7; d++) {
                next += r.profitUsd()[d];
                // Labelled with the Chicago date holding most of the day (day 0 starts at the top of the UTC hour).
                assertThat(text).contains(SummaryFormats.weekday(SummaryBuilder.dateOf(p.asOf().plus(Duration.ofDays(d)),
                        ZoneId.of(CHICAGO))) + ": "
                        + Formats.btc(r.btc()[d]) + ", revenue " + Formats.usd0(r.revenueUsd()[d]));
            }
            assertThat(text).contains("profit " + Formats.usd0(next) + "\n\nWhat switching off saves");
        }

        /** The adjustment line: estimate, date in Chicago, blocks to go, profit before and after. */
        @Test
        void itShowsTheNextAdjustmentAndTheProfitBeforeAndAfter() {
            FleetProjection p = projections.project(f.operator(), Scenario.base(Scenario.DEFAULT_DAYS));
            NetworkView net = network.latest();
            NetworkState state = net.state();
            FleetToday before = RigEconomics.today(f.fleet(), state, p.asOf());
            FleetToday after = RigEconomics.today(f.fleet(), state.afterNextRetarget(), p.asOf());
            assertThat(text).contains("Next difficulty adjustment: −5.00 % (estimate) at block 935,424, around "
                    + Formats.dateTime(net.estimatedRetargetDate(), CHICAGO) + ", " + net.remainingBlocks()
                    + " blocks to go.");
            // Before and after on the mail's basis, "switch off when losing" (Downtown's group off: hosting only).
            assertThat(text).contains("Daily profit before: " + Formats.usd0(switchedOff(before)) + "; after: "
                    + Formats.usd0(switchedOff(after)));
        }

        /** The switch-off list with the price at which the group turns back on; cost per BTC, block time. */
        @Test
        void itListsTheGroupsToSwitchOffAndTheCostPerBtc() {
            FleetProjection p = projections.project(f.operator(), Scenario.base(Scenario.DEFAULT_DAYS));
            FleetToday before = RigEconomics.today(f.fleet(), network.latest().state(), p.asOf());
            GroupToday losing = before.groups().stream().filter(g -> g.rigId() == f.rigB()).findFirst().orElseThrow();
            assertTrue(losing.switchOff());
            assertThat(text).contains("1 of 2 rig groups cost more in power")
                    .contains("- Custom 100 TH at Downtown, 5 units: " + Formats.usd0(losing.profitUsd())
                            + " per day; back on above " + Formats.usd0(losing.shutdownPriceUsd()));
            assertTrue(html.contains(Formats.usd0(losing.shutdownPriceUsd())));
            assertThat(text).contains("Your all-in cost per BTC: " + Formats.usd0(before.costPerBtcUsd()))
                    .contains("Average block time: ");
        }

        @Test
        void itsHtmlIsMailSafe() {
            // No scripts, images or external style sheets.
            assertFalse(html.contains("<script") || html.contains("<img") || html.contains("<link"), html);
            assertTrue(html.contains("href=\"https://hashdesk.example/dashboard\""));
        }

        @Test
        void theSettingsShowItAsSent() {
            as(f.session()).get("/api/v1/summary/settings").then().statusCode(200)
                    .body("lastSentAt", not(nullValue())).body("pending", nullValue()).body("failed", nullValue())
                    .body("timezone", equalTo(CHICAGO));
        }
    }

    @Test
    void theLedgerRecordsADayOnceFillsMissedDaysFromSnapshotsAndLeavesUncoveredDaysEmpty() {
        Networks.startWorked(network, 71_000, -5, 3);
        Fleetish f = fleet("ledger", "UTC");
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        LocalDate d1 = today.minusDays(12), d2 = today.minusDays(11), d3 = today.minusDays(10);
        Fixtures.backdate(f.operator().id, d1.atStartOfDay(ZoneId.of("UTC")).toInstant(),
                d1.atStartOfDay(ZoneId.of("UTC")).toInstant());
        NetworkSnapshot s1 = Snapshots.stored(d1.atTime(18, 0).toInstant(ZoneOffset.UTC), 68_000, 1.30e14);
        NetworkSnapshot s1early = Snapshots.stored(d1.atTime(1, 0).toInstant(ZoneOffset.UTC), 60_000, 1.30e14);
        NetworkSnapshot s3 = Snapshots.stored(d3.atTime(9, 0).toInstant(ZoneOffset.UTC), 74_000, 1.40e14);
        snapshots.addAll(List.of(s1, s1early, s3));
        // "Now" is the morning after d3: a refresh after d3's midnight has happened (the one at d3 + 1 day 00:10).
        NetworkSnapshot after = Snapshots.stored(d3.plusDays(1).atTime(0, 10).toInstant(ZoneOffset.UTC),
                74_500, 1.40e14);
        snapshots.add(after);
        Instant now = d3.plusDays(1).atTime(0, 11).toInstant(ZoneOffset.UTC);

        ledger.recordDue(now);
        ledger.recordDue(now.plusSeconds(60));
        List<LedgerDay> rows = QuarkusTransaction.requiringNew().call(() -> LedgerDay
                .<LedgerDay>list("operatorId = ?1 order by date", f.operator().id));
        assertEquals(List.of(d1, d3), rows.stream().map(r -> r.date).toList(), "d2 has no snapshot; each day once");
        // Each snapshot of the day weighs by the time it was in force: s1early from the day's start (nothing
        // before it) to 18:00, s1 from 18:00 to midnight. The row names the last one. Under "switch off when
        // losing", the policy of the projection beside it (Downtown's group is off).
        assertEquals(s1.id, rows.get(0).snapshotId);
        ZoneId utc = ZoneId.of("UTC");
        Expected t1 = Expected.of(f.fleet(), s1early, d1, utc).times(18 / 24.0)
                .plus(Expected.of(f.fleet(), s1, d1, utc).times(6 / 24.0));
        // d3: s1 is more than a day old at d3's start, so s3 prices the whole day.
        Expected t3 = Expected.of(f.fleet(), s3, d3, utc);
        assertEquals(t1.profitUsd(), rows.get(0).profitUsd, 1e-9 * Math.abs(t1.profitUsd()));
        assertEquals(t1.btc(), rows.get(0).btc, 1e-15);
        assertEquals(t3.revenueUsd(), rows.get(1).revenueUsd, 1e-9 * t3.revenueUsd());
        assertEquals(t3.hostingUsd(), rows.get(1).hostingUsd, 1e-9);
        assertEquals(2, Ledger.sites(rows.get(1)).size());
        double sitesProfit = Ledger.sites(rows.get(1)).stream().mapToDouble(LedgerSite::profitUsd).sum();
        assertEquals(t3.profitUsd(), sitesProfit, 1e-9 * Math.abs(t3.profitUsd()));

        List<Ledger.Day> days = QuarkusTransaction.requiringNew().call(() -> ledger.days(f.operator(), d1.minusDays(1), d3));
        assertTrue(days.get(0).beforeFleet(), "before the fleet existed");
        assertNotNull(days.get(1).recorded());
        assertTrue(days.get(2).empty(), "no snapshot covered d2: left empty, never invented");
        assertNotNull(days.get(3).recorded());
    }

    @Test
    void theDashboardShowsWhatTheFleetEarned() {
        Networks.startWorked(network, 71_000, -5, 3);
        Fleetish f = fleet("earned", "UTC");
        LocalDate yesterday = LocalDate.now(ZoneId.of("UTC")).minusDays(1);
        Fixtures.backdate(f.operator().id, yesterday.minusDays(3).atStartOfDay(ZoneId.of("UTC")).toInstant(),
                yesterday.minusDays(3).atStartOfDay(ZoneId.of("UTC")).toInstant());
        snapshots.add(Snapshots.stored(yesterday.atTime(12, 0).toInstant(ZoneOffset.UTC), 71_000, 1.355e14));
        // The refresh stored by workedNetwork (today) is the first after yesterday's midnight.
        ledger.recordDue(Instant.now());
        LedgerDay row = QuarkusTransaction.requiringNew().call(() -> LedgerDay
                .<LedgerDay>find("operatorId = ?1 and date = ?2", f.operator().id, yesterday).firstResult());
        assertNotNull(row);
        given().cookies(f.session().cookies()).get("/dashboard").then().statusCode(200)
                .body(containsString("What the fleet earned"))
                .body(containsString("id=\"earned-profit\">" + Formats.usd(row.profitUsd)))
                .body(containsString("1 of 30 days recorded"))
                .body(containsString("no data: hashdesk had no network data for this day"));
    }

    @Test
    void settingsPageAndJsonChangeTheScheduleAndTheSummaryOffSendsNothing() {
        Networks.startWorked(network, 71_000, -5, 3);
        Fleetish f = fleet("settings", CHICAGO);
        as(f.session()).get("/api/v1/summary/settings").then().statusCode(200)
                .body("enabled", equalTo(true)).body("sendDay", equalTo("MONDAY")).body("sendHour", equalTo(7))
                .body("timezone", equalTo(CHICAGO)).body("lastSentAt", nullValue());
        as(f.session()).body("{\"sendHour\":24}").put("/api/v1/summary/settings").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("sendHour"));
        as(f.session()).body("{\"sendDay\":\"FUNDAY\"}").put("/api/v1/summary/settings").then().statusCode(400)
                .body("field", equalTo("sendDay"));
        as(f.session()).body("{\"timezone\":\"Europe/Oslo\"}").put("/api/v1/summary/settings").then().statusCode(400)
                .body("field", equalTo("timezone"));
        as(f.session()).get("/api/v1/summary/settings").then().body("sendHour", equalTo(7));
        as(f.session()).body("{\"sendDay\":\"FRIDAY\",\"sendHour\":18}").put("/api/v1/summary/settings").then()
                .statusCode(200).body("sendDay", equalTo("FRIDAY")).body("sendHour", equalTo(18));

        // The form on /settings.
        given().cookies(f.session().cookies()).get("/settings").then().statusCode(200)
                .body(containsString("Weekly summary")).body(containsString("<option value=\"FRIDAY\" selected>"))
                .body(containsString("Send me this week's summary now"));
        given().redirects().follow(false).cookies(f.session().cookies()).formParam("csrf-token", f.session().csrf())
                .formParam("sendDay", "SOMEDAY").formParam("sendHour", "30").formParam("enabled", "on")
                .post("/settings/summary").then().statusCode(422)
                .body(containsString("Choose a day of the week")).body(containsString("Choose an hour from 0 to 23"));
        given().redirects().follow(false).cookies(f.session().cookies()).formParam("csrf-token", f.session().csrf())
                .formParam("sendDay", "SUNDAY").formParam("sendHour", "6")
                .post("/settings/summary").then().statusCode(303);
        as(f.session()).get("/api/v1/summary/settings").then().body("enabled", equalTo(false))
                .body("sendDay", equalTo("SUNDAY")).body("sendHour", equalTo(6));

        // Off: its hour comes and goes, no mail.
        Fixtures.backdate(f.operator().id, Instant.now().minus(Duration.ofDays(30)), Instant.now().minus(Duration.ofDays(30)));
        ZoneId chicago = ZoneId.of(CHICAGO);
        Instant sunday = Outbox.due(Outbox.weekStart(Instant.now().minus(Duration.ofDays(7)), chicago), chicago,
                DayOfWeek.SUNDAY, 6);
        job.run(sunday.plusSeconds(30));
        assertEquals(0, Fixtures.mailsTo(f.session().email()).size());
    }

    @Test
    void theSendNowButtonSendsATestMailThroughTheOutbox() {
        Networks.startWorked(network, 71_000, -5, 3);
        Fleetish f = fleet("button", "Europe/Oslo");
        given().cookies(f.session().cookies()).header("HX-Request", "true").header("X-CSRF-TOKEN", f.session().csrf())
                .formParam("csrf-token", f.session().csrf()).post("/settings/summary/test").then().statusCode(200)
                .body(containsString("id=\"weekly-summary\"")).body(containsString("Sent to " + f.session().email()));
        List<MimeMessage> mails = Fixtures.mailsTo(f.session().email());
        assertEquals(1, mails.size());
        assertTrue(subject(mails.get(0)).startsWith("[Test] hashdesk weekly summary"), subject(mails.get(0)));
        assertTrue(Fixtures.header(mails.get(0), "Message-ID").startsWith("<summary-test-"));
        // Asked again at once: refused politely, nothing sent twice.
        as(f.session()).post("/api/v1/summary/test").then().statusCode(429)
                .contentType("application/problem+json");
        assertEquals(1, Fixtures.mailsTo(f.session().email()).size());
        QuarkusTransaction.requiringNew().run(() -> assertEquals(1L,
                OutboxMail.count("operatorId = ?1 and kind = 'test' and status = 'sent'", f.operator().id)));
    }

    /** Figures from the bundled sample or from old data say so in the mail, as the pages' banner does. */
    @Test
    void aMailWithoutLiveNetworkDataSaysSo() {
        Networks.startWorked(network, 71_000, -5, 3);
        Fleetish live = fleet("live-data", "UTC");
        as(live.session()).post("/api/v1/summary/test").then().statusCode(200);
        MimeMessage fresh = Fixtures.mailsTo(live.session().email()).get(0);
        assertFalse(Fixtures.part(fresh, "text/html").contains("network data could"), "live data: no notice");
        assertFalse(Fixtures.part(fresh, "text/plain").contains("NOTE:"), "live data: no notice");

        // No snapshot at all: the bundled sample.
        MempoolStubs.startAfresh(network);
        Fleetish sample = fleet("sample-data", "UTC");
        as(sample.session()).post("/api/v1/summary/test").then().statusCode(200);
        MimeMessage bundled = Fixtures.mailsTo(sample.session().email()).get(0);
        assertTrue(Fixtures.part(bundled, "text/html").contains("No live network data could be fetched."),
                Fixtures.part(bundled, "text/html"));
        assertTrue(Fixtures.part(bundled, "text/plain").contains("NOTE: no live network data could be fetched"));
        assertTrue(Fixtures.part(bundled, "text/plain").contains("bundled sample"));

        // The newest snapshot three days old: stale.
        Snapshots.stored(Instant.now().minus(Duration.ofDays(3)), 71_000, 1.355e14);
        network.reload();
        Fleetish old = fleet("old-data", "UTC");
        as(old.session()).post("/api/v1/summary/test").then().statusCode(200);
        String text = Fixtures.part(Fixtures.mailsTo(old.session().email()).get(0), "text/plain");
        assertTrue(text.contains("NOTE: live network data could not be fetched for 3 days"), text);
        Networks.startWorked(network, 71_000, -5, 3);
    }

    /**
     * A day's fleet figures at one snapshot under "switch off when losing", computed from today's figures of
     * the economics core: a group flagged to switch off (none of these sites curtails) earns nothing, draws
     * nothing and still pays its hosting.
     */
    record Expected(double btc, double revenueUsd, double powerCostUsd, double hostingUsd, double poolFeeUsd,
            double profitUsd) {

        static Expected of(Fleet fleet, NetworkSnapshot s, LocalDate day, ZoneId zone) {
            FleetToday t = RigEconomics.today(fleet, Ledger.state(s), day.atStartOfDay(zone).toInstant());
            Expected e = new Expected(0, 0, 0, 0, 0, 0);
            for (GroupToday g : t.groups()) {
                e = e.plus(g.switchOff() ? new Expected(0, 0, 0, g.hostingUsd(), 0, -g.hostingUsd())
                        : new Expected(g.btc(), g.revenueUsd(), g.powerCostUsd(), g.hostingUsd(), g.poolFeeUsd(),
                                g.profitUsd()));
            }
            return e;
        }

        Expected times(double k) {
            return new Expected(btc * k, revenueUsd * k, powerCostUsd * k, hostingUsd * k, poolFeeUsd * k,
                    profitUsd * k);
        }

        Expected plus(Expected o) {
            return new Expected(btc + o.btc, revenueUsd + o.revenueUsd, powerCostUsd + o.powerCostUsd,
                    hostingUsd + o.hostingUsd, poolFeeUsd + o.poolFeeUsd, profitUsd + o.profitUsd);
        }
    }

    static double switchedOff(FleetToday t) {
        return t.groups().stream().mapToDouble(g -> g.switchOff() ? -g.hostingUsd() : g.profitUsd()).sum();
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
