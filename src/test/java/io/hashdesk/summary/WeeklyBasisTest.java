package io.hashdesk.summary;

import static io.hashdesk.testing.Fleets.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.hashdesk.account.Operator;
import io.hashdesk.economics.GroupToday;
import io.hashdesk.economics.Scenario;
import io.hashdesk.network.NetworkService;
import io.hashdesk.network.NetworkSnapshot;
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
 * One basis in the weekly summary (issue 17): on an unchanged network the past week and the next agree,
 * both under "switch off when losing", labelled, with what switching off saves on its own line; the
 * "together per day" of the groups to switch off leaves out hosting, which switching off does not save.
 */
@QuarkusTest
class WeeklyBasisTest {

    @Inject
    NetworkService network;

    @Inject
    ProjectionService projections;

    @Inject
    Ledger ledger;

    final List<NetworkSnapshot> snapshots = new ArrayList<>();

    @AfterEach
    void removeSnapshots() {
        Snapshots.delete(snapshots);
        snapshots.clear();
    }

    @Test
    void thePastAndTheNextWeekShareTheOperatorsPolicyAndTheMailSaysWhatSwitchingOffSaves() {
        Networks.startWorked(network, 71_000, -5, 3);
        Operators.Session s = Operators.newSignedIn("basis");
        // WeeklySummaryTest's fleet, with hosting at the losing site too.
        long prairie = Fleets.site(s, "Prairie").usdPerKwh(0.05).poolFeePercent(2).hostingUsdPerMonth(300).timezone("UTC").create();
        long downtown = Fleets.site(s, "Downtown").usdPerKwh(0.12).poolFeePercent(0).hostingUsdPerMonth(150).timezone("UTC").create();
        Fleets.rig(s, prairie, "Custom 200 TH").units(10).terahash(200).watts(3500).create();
        long losing = Fleets.rig(s, downtown, "Custom 100 TH").units(5).terahash(100).watts(3250).create();
        Operators.verify(s.email());
        Operator o = Operators.operator(s.email());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Fixtures.backdate(o.id, today.minusDays(20).atStartOfDay(ZoneOffset.UTC).toInstant(),
                today.minusDays(20).atStartOfDay(ZoneOffset.UTC).toInstant());
        // The same network every day of the past week (the worked example, as the live one).
        for (int d = 8; d >= 1; d--) {
            snapshots.add(Snapshots.stored(today.minusDays(d).atTime(0, 5).toInstant(ZoneOffset.UTC), 71_000,
                    1.355e14));
        }
        ledger.recordDue(Instant.now());
        as(s).post("/api/v1/summary/test").then().statusCode(200);
        String text = Fixtures.part(Fixtures.mailsTo(s.email()).get(0), "text/plain");
        String html = Fixtures.part(Fixtures.mailsTo(s.email()).get(0), "text/html");

        FleetProjection p = projections.project(o, Scenario.base(Scenario.DEFAULT_DAYS));
        double day0 = p.result().profitUsd()[0];
        // Every past day equals the first projected day (same network, same policy): one basis.
        List<LedgerDay> rows = QuarkusTransaction.requiringNew().call(() -> LedgerDay
                .<LedgerDay>list("operatorId = ?1 and date >= ?2 order by date", o.id, today.minusDays(7)));
        assertEquals(7, rows.size());
        for (LedgerDay r : rows) {
            assertEquals(day0, r.profitUsd, Math.abs(day0) * 1e-9, "past day " + r.date + " against day 0");
        }
        assertTrue(text.contains("Total (7 of 7 days recorded):"), text);
        assertTrue(text.contains("profit " + Formats.usd0(7 * day0) + "\n"), text);
        assertTrue(text.contains("Daily profit before: " + Formats.usd0(day0) + ";"), text);
        assertTrue(text.contains("Basis: switch off when losing."), text);
        assertTrue(html.contains("Basis: <strong>switch off when losing</strong>"), html);

        // What switching off saves: the losing group's power against its earnings, hosting left out.
        GroupToday off = p.today().groups().stream().filter(g -> g.rigId() == losing).findFirst().orElseThrow();
        assertTrue(off.switchOff());
        double savedPerDay = -(off.profitUsd() + off.hostingUsd());
        assertTrue(savedPerDay > 0);
        double pastSaved = rows.stream().mapToDouble(r -> r.profitUsd - r.keepRunningProfitUsd).sum();
        assertEquals(7 * savedPerDay, pastSaved, 1e-6);
        assertTrue(text.contains("What switching off saves, against keeping every group running: "
                + Formats.usd0(pastSaved) + " over the past days recorded, "), text);
        assertTrue(html.contains("What switching off saves"), html);

        // "Together X per day": what the losing groups lose by running, not counting hosting.
        assertNotEquals(Formats.usd0(off.profitUsd()), Formats.usd0(-savedPerDay));
        assertTrue(text.contains("(together " + Formats.usd0(-savedPerDay) + " per day)"), text);
        assertEquals(-savedPerDay, p.switchOffProfitUsd(), 1e-9);
    }

    static ZoneId utc() {
        return ZoneId.of("UTC");
    }
}
