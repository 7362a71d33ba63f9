package io.hashdesk.summary;

import static io.hashdesk.testing.Fleets.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.hashdesk.account.Operator;
import io.hashdesk.economics.Scenario;
import io.hashdesk.network.MempoolStubs;
import io.hashdesk.network.NetworkSnapshot;
import io.hashdesk.network.NetworkService;
import io.hashdesk.projection.FleetProjection;
import io.hashdesk.projection.ProjectionService;
import io.hashdesk.testing.Fleets;
import io.hashdesk.testing.Networks;
import io.hashdesk.testing.Operators;
import io.hashdesk.testing.Snapshots;
import io.hashdesk.web.Formats;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The weekly mail is written in the operator's display currency, at the rate of the snapshot it is priced at. */
@QuarkusTest
class WeeklyCurrencyTest {

    @Inject
    NetworkService network;

    @Inject
    ProjectionService projections;

    @Inject
    Ledger ledger;

    final List<NetworkSnapshot> snapshots = new ArrayList<>();

    @AfterEach
    void removeOldSnapshots() {
        Snapshots.delete(snapshots);
        snapshots.clear();
    }

    @Test
    void theWeeklyMailInEuro() throws MessagingException {
        Networks.startWorked(network, 71_000, -5, 3);
        Operators.Session s = Operators.newSignedIn("fx-mail");
        Operators.verify(s.email());
        long site = Fleets.site(s, "Prairie").usdPerKwh(0.05).poolFeePercent(2).hostingUsdPerMonth(300).timezone("Europe/Berlin").create();
        Fleets.rig(s, site, "Custom 200 TH").units(10).terahash(200).watts(3500).create();
        as(s).body("{\"display\":\"EUR\"}").put("/api/v1/settings/currency").then().statusCode(200);

        as(s).post("/api/v1/summary/test").then().statusCode(200).body("status", equalTo("sent"));
        MimeMessage mail = Fixtures.mailsTo(s.email()).get(0);
        String text = Fixtures.part(mail, "text/plain");
        String html = Fixtures.part(mail, "text/html");
        double eur = 65_700 / 71_000.0;
        FleetProjection p = projections.project(Operators.operator(s.email()), Scenario.base(Scenario.DEFAULT_DAYS));
        for (String body : new String[] { text, html }) {
            assertTrue(body.contains(Formats.number(71_000 * eur, 0) + " EUR"), body);
            assertTrue(body.contains(Formats.number(p.profitTodayUsd() * eur, 0) + " EUR"), body);
            assertTrue(body.contains("1 USD = 0.9254 EUR (mempool)"), body);
            assertFalse(body.matches("(?s).*[0-9] USD(?! =|/).*"), "no amount in USD:\n" + body);
        }
        assertTrue(text.contains("BTC price: " + Formats.number(71_000 * eur, 0) + " EUR"), text);
        assertTrue(text.contains("Daily profit before: " + Formats.number(p.profitTodayUsd() * eur, 0) + " EUR"), text);
        assertTrue(mail.getSubject().matches(".*next 7 days [−0-9,]+ EUR"), mail.getSubject());
        assertEquals(1, Fixtures.mailsTo(s.email()).size());
    }

    @Test
    void theRateMovesAndYesterdaysLedgerDayDoesNot() {
        Networks.startWorked(network, 71_000, -5, 3);
        Operators.Session s = Operators.newSignedIn("fx-ledger");
        long site = Fleets.site(s, "Prairie").usdPerKwh(0.05).poolFeePercent(2).hostingUsdPerMonth(300).timezone("UTC").create();
        Fleets.rig(s, site, "Custom 200 TH").units(10).terahash(200).watts(3500).create();
        Operator o = Operators.operator(s.email());
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        Fixtures.backdate(o.id, yesterday.minusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant(),
                yesterday.minusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant());
        // Yesterday's reading: 60,000 EUR for 71,000 USD; today's (workedNetwork): 65,700 EUR.
        NetworkSnapshot y = MempoolStubs.snapshot(yesterday.atTime(12, 0).toInstant(ZoneOffset.UTC), 934_000, 71_000,
                1.355e14);
        y.priceEur = 60_000.0;
        QuarkusTransaction.requiringNew().run(() -> y.persist());
        snapshots.add(y);
        ledger.recordDue(Instant.now());
        LedgerDay row = QuarkusTransaction.requiringNew().call(() -> LedgerDay
                .<LedgerDay>find("operatorId = ?1 and date = ?2", o.id, yesterday).firstResult());
        as(s).body("{\"display\":\"EUR\"}").put("/api/v1/settings/currency").then().statusCode(200);

        String yesterdays = "id=\"earned-profit\">" + Formats.number(row.profitUsd * 60_000 / 71_000.0, 2) + " EUR<";
        String today = "BTC " + Formats.number(65_700, 0) + " EUR";
        as(s).get("/dashboard").then().statusCode(200).body(containsString(yesterdays)).body(containsString(today));

        // The rate moves (a new reading: 72,000 USD, 65,700 EUR); yesterday reads as it did.
        MempoolStubs.mempool(935_001, 72_000, 1.355e14, 432_000_000L, -5, System.currentTimeMillis() + 3L * 86_400_000);
        assertEquals(NetworkService.Outcome.MEMPOOL, network.refresh());
        as(s).get("/dashboard").then().statusCode(200).body(containsString(yesterdays))
                .body(containsString("BTC " + Formats.number(65_700, 0) + " EUR"))
                .body(containsString("1 USD = " + Formats.number(65_700 / 72_000.0, 4) + " EUR"));
        LedgerDay again = QuarkusTransaction.requiringNew().call(() -> LedgerDay.<LedgerDay>findById(row.id));
        assertEquals(row.fxRates, again.fxRates);
        assertTrue(row.fxRates.contains("\"EUR\":" + (60_000 / 71_000.0)), row.fxRates);
    }
}
