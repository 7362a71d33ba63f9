package io.hashdesk.economics;

import static io.hashdesk.testing.Networks.AS_OF;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Networks;

/** The operating policy of the projection and the per-group daily series (issue 13). */
class PolicyTest {

    private static final Scenario FALLING = new Scenario("falling", 180, -10, 0, null);

    /** Weekdays dear, weekends cheap, not curtailing: an old machine loses on weekdays only, for a while. */
    static SiteTerms weekdayPeak() {
        return new SiteTerms(new TimeOfUseTariff(List.of(
                new TimeOfUseTariff.Band(TimeOfUseTariff.parseDays("Mon-Fri"), 0, 24, 0.075),
                new TimeOfUseTariff.Band(TimeOfUseTariff.parseDays("Sat-Sun"), 0, 24, 0.03))), 1.05, 2, 900, 98, false,
                ZoneId.of("UTC"));
    }

    static Fleet mixedFleet() {
        SiteTerms hosted = new SiteTerms(new FlatTariff(0.06), 1.1, 2.5, 1500, 97, false, ZoneId.of("UTC"));
        return new Fleet(List.of(hosted, weekdayPeak(), SwitchOffVerdictTest.curtailingNightTariff()),
                List.of(new RigGroupSpec(1, 0, 10, 200, 3500, 30_000.0), new RigGroupSpec(2, 0, 20, 95, 3250, null),
                        new RigGroupSpec(3, 1, 5, 110, 3250, 5_000.0), new RigGroupSpec(4, 2, 8, 140, 3010, 0.0),
                        new RigGroupSpec(5, 1, 3, 335, 5360, 12_000.0)));
    }

    @Test
    void aGroupThatLosesOnSomeDaysIsOffExactlyThoseDaysAndStillPaysHosting() {
        Fleet fleet = mixedFleet();
        NetworkState net = Networks.workedExample();
        ProjectionResult off = Projection.run(fleet, net, FALLING, AS_OF);
        ProjectionResult on = Projection.run(fleet, net, FALLING.withPolicy(OperatingPolicy.KEEP_RUNNING), AS_OF);
        GroupModel[] models = GroupModel.of(fleet);
        GroupSeries so = off.groupSeries(), kr = on.groupSeries();
        int lossDays = 0, runDays = 0;
        for (int g = 0; g < models.length; g++) {
            if (models[g].curtail) {
                continue; // curtailing sites run the paying hours under either policy
            }
            for (int d = 0; d < FALLING.days(); d++) {
                double margin = kr.revenueUsd(g, d) - kr.poolFeeUsd(g, d);
                boolean loses = margin < kr.powerCostUsd(g, d) * (1 - 1e-6);
                boolean earns = margin > kr.powerCostUsd(g, d) * (1 + 1e-6);
                if (loses) {
                    lossDays++;
                    assertTrue(so.off(g, d), "group " + g + " loses on day " + d + ": off");
                    assertEquals(0, so.hoursRun(g, d), 0);
                    assertEquals(0, so.btc(g, d), 0);
                    assertEquals(0, so.powerCostUsd(g, d), 0);
                    assertEquals(-models[g].hostingPerDay, so.profitUsd(g, d), 1e-9, "hosting still charged");
                    assertTrue(so.hostingUsd(g, d) > 0);
                } else if (earns) {
                    runDays++;
                    assertEquals(24, so.hoursRun(g, d), 0, "group " + g + " earns on day " + d + ": runs");
                    assertEquals(kr.profitUsd(g, d), so.profitUsd(g, d), 1e-9);
                }
            }
        }
        assertTrue(lossDays > 50 && runDays > 50, "the fixture has both kinds of day: " + lossDays + "/" + runDays);
        // The weekday-peak group (index 2) is off on weekdays first while its weekends still pay.
        int firstOff = off.groups().get(2).firstSwitchOffDay();
        assertTrue(firstOff >= 0 && !so.off(2, firstOff + 5 - firstOff % 7 + (firstOff % 7 < 5 ? 0 : 7)),
                "a weekend after the first weekday off still runs");
        assertTrue(off.totals().profitUsd() > on.totals().profitUsd(), "switching losers off saves money");
        assertEquals(off.groups().get(1).daysOff(), so.daysOff(1).length);
    }

    @Test
    void bothPoliciesAgreeWhenNothingLoses() {
        Fleet fleet = mixedFleet();
        NetworkState rich = Networks.workedExample().withPrice(150_000);
        Scenario s = new Scenario("up", 120, 2, 1, null);
        ProjectionResult off = Projection.run(fleet, rich, s, AS_OF);
        ProjectionResult on = Projection.run(fleet, rich, s.withPolicy(OperatingPolicy.KEEP_RUNNING), AS_OF);
        assertArrayEquals(on.profitUsd(), off.profitUsd(), 0);
        assertArrayEquals(on.powerCostUsd(), off.powerCostUsd(), 0);
        assertArrayEquals(on.cumulativeProfitUsd(), off.cumulativeProfitUsd(), 0);
        assertArrayEquals(new int[120], off.groupsSwitchedOff());
        for (int g = 0; g < fleet.groups().size(); g++) {
            assertEquals(on.groups().get(g), off.groups().get(g));
        }
    }

    @Test
    void perGroupSeriesSumToTheFleetSeries() {
        Fleet fleet = mixedFleet();
        NetworkState net = new NetworkState(71_000, 1.355e14, 935_000, 0.03, -6, 935_424,
                AS_OF.plusSeconds(3L * 86_400 + 7200));
        for (OperatingPolicy policy : OperatingPolicy.values()) {
            ProjectionResult r = Projection.run(fleet, net, FALLING.withPolicy(policy), AS_OF);
            GroupSeries s = r.groupSeries();
            assertEquals(fleet.groups().size(), s.groups());
            for (int d = 0; d < r.days(); d++) {
                double btc = 0, rev = 0, fee = 0, power = 0, hosting = 0, profit = 0;
                int off = 0;
                for (int g = 0; g < s.groups(); g++) {
                    btc += s.btc(g, d);
                    rev += s.revenueUsd(g, d);
                    fee += s.poolFeeUsd(g, d);
                    power += s.powerCostUsd(g, d);
                    hosting += s.hostingUsd(g, d);
                    profit += s.profitUsd(g, d);
                    off += s.off(g, d) ? 1 : 0;
                }
                // Series are stored as floats: 1e-6 of the day's revenue.
                double tol = 1e-6 * r.revenueUsd()[d] + 1e-9;
                assertEquals(r.btc()[d], btc, 1e-6 * r.btc()[d], "btc day " + d);
                assertEquals(r.revenueUsd()[d], rev, tol, "revenue day " + d);
                assertEquals(r.poolFeeUsd()[d], fee, tol);
                assertEquals(r.powerCostUsd()[d], power, tol);
                assertEquals(r.hostingUsd()[d], hosting, tol);
                assertEquals(r.profitUsd()[d], profit, tol, "profit day " + d);
                assertEquals(r.groupsSwitchedOff()[d], off);
            }
            for (int g = 0; g < s.groups(); g++) {
                double hours = 0;
                for (int d = 0; d < r.days(); d++) {
                    hours += s.hoursRun(g, d);
                }
                assertEquals(r.groups().get(g).runningHours(), hours, 1e-6);
                double[] cum = s.cumulativeProfitUsd(g);
                assertEquals(r.groups().get(g).profitUsd(), cum[r.days() - 1], 1e-6 * r.totals().revenueUsd());
            }
        }
    }

    /**
     * A run that keeps only the groups' totals (what most pages and the JSON without {@code groups=daily}
     * need) gives exactly the figures of a run that keeps every group's series: same operations in the same
     * order, only the series are not written.
     */
    @Test
    void keepingOnlyTheGroupsTotalsChangesNoFigure() {
        Fleet fleet = mixedFleet();
        NetworkState net = new NetworkState(71_000, 1.355e14, 935_000, 0.03, -6, 935_424,
                AS_OF.plusSeconds(3L * 86_400 + 7200));
        for (OperatingPolicy policy : OperatingPolicy.values()) {
            Scenario s = FALLING.withPolicy(policy);
            ProjectionResult daily = Projection.run(fleet, net, s, AS_OF, Projection.GroupDetail.DAILY);
            ProjectionResult totals = Projection.run(fleet, net, s, AS_OF, Projection.GroupDetail.TOTALS);
            assertTrue(daily.hasGroupSeries());
            assertFalse(totals.hasGroupSeries());
            assertArrayEquals(daily.btc(), totals.btc(), 0);
            assertArrayEquals(daily.revenueUsd(), totals.revenueUsd(), 0);
            assertArrayEquals(daily.poolFeeUsd(), totals.poolFeeUsd(), 0);
            assertArrayEquals(daily.powerCostUsd(), totals.powerCostUsd(), 0);
            assertArrayEquals(daily.hostingUsd(), totals.hostingUsd(), 0);
            assertArrayEquals(daily.profitUsd(), totals.profitUsd(), 0);
            assertArrayEquals(daily.cumulativeProfitUsd(), totals.cumulativeProfitUsd(), 0);
            assertArrayEquals(daily.difficulty(), totals.difficulty(), 0);
            assertArrayEquals(daily.priceUsd(), totals.priceUsd(), 0);
            assertArrayEquals(daily.height(), totals.height(), 0);
            assertArrayEquals(daily.groupsSwitchedOff(), totals.groupsSwitchedOff());
            for (int site = 0; site < fleet.sites().size(); site++) {
                assertArrayEquals(daily.siteProfitUsd()[site], totals.siteProfitUsd()[site], 0);
            }
            assertEquals(daily.events(), totals.events());
            assertEquals(daily.totals(), totals.totals());
            // Records compare their doubles exactly (NaN equal to NaN): every group's totals, days and payback.
            assertEquals(daily.groups(), totals.groups());
            // What a memory-bounded cache charges for it: the series are not counted.
            assertEquals(daily.sizeBytes() - daily.groupSeries().sizeBytes(), totals.sizeBytes());
            IllegalStateException e = assertThrows(IllegalStateException.class, totals::groupSeries);
            assertTrue(e.getMessage().contains("GroupDetail.DAILY"), e.getMessage());
        }
    }

    /** The first day a group is off comes with its totals: a page listing it needs no series. */
    @Test
    void theFirstDayOffIsTheFirstDayTheSeriesShowsZeroHours() {
        Fleet fleet = mixedFleet();
        NetworkState net = Networks.workedExample();
        int seen = 0;
        for (OperatingPolicy policy : OperatingPolicy.values()) {
            ProjectionResult r = Projection.run(fleet, net, FALLING.withPolicy(policy), AS_OF);
            for (int g = 0; g < fleet.groups().size(); g++) {
                int[] off = r.groupSeries().daysOff(g);
                ProjectionResult.GroupOutcome o = r.groups().get(g);
                assertEquals(off.length == 0 ? -1 : off[0], o.firstDayOff(), "group " + g + ", " + policy);
                seen += off.length > 0 && off[0] > 0 ? 1 : 0;
            }
        }
        assertTrue(seen > 0, "the fixture has a group that runs before its first day off");
    }
}
