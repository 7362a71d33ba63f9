package io.hashdesk.economics;

import static io.hashdesk.testing.Networks.AS_OF;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Networks;

class ProjectionTest {

    private static final double D = 1.355e14;
    private static final RigGroupSpec RIG = new RigGroupSpec(7, 0, 1, 200, 3500, null);

    private static Fleet fleet(SiteTerms site, RigGroupSpec... groups) {
        return new Fleet(List.of(site), List.of(groups));
    }

    private static double rel(double expected) {
        return Math.abs(expected) * 1e-9;
    }

    @Test
    void withoutEventsEveryDayIsToday() {
        NetworkState net = Networks.workedExample();
        Fleet fleet = fleet(SiteTerms.flat(0.06), RIG);
        ProjectionResult r = Projection.run(fleet, net, Scenario.base(30), AS_OF);
        GroupToday today = RigEconomics.today(fleet, net, AS_OF).groups().get(0);
        assertEquals(30, r.days());
        for (int d = 0; d < 30; d++) {
            assertEquals(today.revenueUsd(), r.revenueUsd()[d], rel(today.revenueUsd()));
            assertEquals(today.profitUsd(), r.profitUsd()[d], rel(today.profitUsd()));
            assertEquals(71_000, r.priceUsd()[d], 1e-6);
            assertEquals(D, r.difficulty()[d], 0);
        }
        assertEquals(today.profitUsd() * 30, r.totals().profitUsd(), rel(today.profitUsd() * 30));
        assertEquals(today.profitUsd() * 30, r.cumulativeProfitUsd()[29], rel(today.profitUsd() * 30));
        assertTrue(r.events().isEmpty());
    }

    @Test
    void retargetMidDaySplitsTheDayProRata() {
        // -14 % expected at the next retarget, ten and a half days from now.
        NetworkState net = new NetworkState(71_000, D, 935_000, 0.03, -14, 935_424,
                AS_OF.plusSeconds(10L * 86_400 + 43_200));
        ProjectionResult r = Projection.run(fleet(SiteTerms.flat(0.06), RIG), net, Scenario.base(40), AS_OF);
        double hs = 200e12;
        double before = hs * Networks.btcPerHashDay(D, 3.155);
        double after = hs * Networks.btcPerHashDay(D * 0.86, 3.155);
        assertEquals(before, r.btc()[9], rel(before));
        assertEquals(0.5 * before + 0.5 * after, r.btc()[10], rel(after));
        assertEquals(after, r.btc()[11], rel(after));
        assertEquals(D * 0.86, r.difficulty()[11], rel(D));
        var first = r.events().get(0);
        assertEquals(ProjectionResult.EventKind.RETARGET, first.kind());
        assertEquals(10.5, first.atDay(), 1e-9);
        assertEquals(935_424, first.height());
        assertEquals(-14, first.changePercent(), 0);
        // The estimate says the network already hashes at the new difficulty: the next epoch takes 14 days.
        var second = r.events().get(1);
        assertEquals(24.5, second.atDay(), 1e-6);
        assertEquals(935_424 + 2016, second.height());
        assertEquals(0, second.changePercent(), 1e-6);
    }

    @Test
    void halvingCrossedMidDay() {
        // 100 blocks before the halving, 436 before the retarget, at 600 s per block.
        NetworkState net = new NetworkState(71_000, D, 1_049_900, 0.03, 0, 1_050_336,
                AS_OF.plusSeconds(436L * 600));
        // After the halving this group loses at 0.06 USD/kWh: kept running, so the BTC it mines shows the chain model.
        ProjectionResult r = Projection.run(fleet(SiteTerms.flat(0.06), RIG), net,
                Scenario.base(5).withPolicy(OperatingPolicy.KEEP_RUNNING), AS_OF);
        double hs = 200e12;
        double split = 100.0 / 144;
        double day0 = hs * (split * Networks.btcPerHashDay(D, 3.155) + (1 - split) * Networks.btcPerHashDay(D, 1.5925));
        assertEquals(day0, r.btc()[0], rel(day0));
        double day1 = hs * Networks.btcPerHashDay(D, 1.5925);
        assertEquals(day1, r.btc()[1], rel(day1));
        var halving = r.events().get(0);
        assertEquals(ProjectionResult.EventKind.HALVING, halving.kind());
        assertEquals(split, halving.atDay(), 1e-9);
        assertEquals(1_050_000, halving.height());
        assertEquals(ProjectionResult.EventKind.RETARGET, r.events().get(1).kind());
        assertEquals(436.0 / 144, r.events().get(1).atDay(), 1e-9);
    }

    /**
     * Issue 17: the halving at mid-day, a group earning 1.3 times its power before and 0.65 times after
     * (no fees: the reward halves exactly). Decided per part (ECONOMICS.md, "for each day segment and
     * group"), it runs the morning and is off in the afternoon; decided on the whole day (0.975) it was off all day.
     */
    @Test
    void aDaySplitByTheHalvingIsDecidedPerPart() {
        // 72 blocks before the halving, 408 before the retarget, at 600 s per block: the halving at 12:00.
        NetworkState probe = new NetworkState(1, D, 1_049_928, 0, 0, 1_050_336, AS_OF.plusSeconds(408L * 600));
        double btcBefore = 200e12 * Networks.btcPerHashDay(D, 3.125);
        double power = 84 * 0.06;
        double price = 1.3 * power / btcBefore;
        NetworkState net = new NetworkState(price, probe.difficulty(), probe.height(), 0, 0, probe.nextRetargetHeight(),
                probe.nextRetargetAt());
        Fleet fleet = fleet(SiteTerms.flat(0.06), RIG);
        ProjectionResult r = Projection.run(fleet, net, Scenario.base(3), AS_OF);
        assertEquals(0.5, r.events().get(0).atDay(), 1e-9);
        // Morning: half a day earning 1.3 times half a day's power; afternoon off.
        double expected = 0.5 * 1.3 * power - 0.5 * power;
        assertEquals(expected, r.profitUsd()[0], 1e-9);
        assertEquals(0.756, r.profitUsd()[0], 1e-9);
        assertEquals(0.5 * btcBefore, r.btc()[0], rel(btcBefore));
        assertEquals(0.5 * power, r.powerCostUsd()[0], 1e-9);
        assertEquals(12, r.groupSeries().hoursRun(0, 0), 1e-4);
        assertEquals(0, r.groupSeries().hoursRun(0, 1), 0, "off the whole next day (0.65 times its power)");
        assertEquals(0, r.groups().get(0).firstSwitchOffDay(), "off for part of day 0");
        // Kept running the day is the sum of both parts, as before.
        ProjectionResult all = Projection.run(fleet, net, Scenario.base(3).withPolicy(OperatingPolicy.KEEP_RUNNING),
                AS_OF);
        assertEquals(0.5 * 1.3 * power + 0.5 * 0.65 * power - power, all.profitUsd()[0], 1e-9);
        // Price risk without volatility is the projection itself, split day included.
        PriceRisk.Result risk = PriceRisk.run(fleet, net, Scenario.base(3), AS_OF, new PriceRisk.Options(8, 0, 1));
        assertEquals(expected, risk.profitP50()[0], 1e-9);
        assertEquals(expected, risk.cumulativeP10()[2], 1e-9);
        RigGroupSpec bought = new RigGroupSpec(7, 0, 1, 200, 3500, 0.7);
        PriceRisk.Result payback = PriceRisk.run(fleet(SiteTerms.flat(0.06), bought), net, Scenario.base(3), AS_OF,
                new PriceRisk.Options(8, 0, 1));
        assertEquals(1.0, payback.groups().get(0).paybackProbability(), 0, "0.756 on day 0 pays back 0.70");
    }

    @Test
    void laterRetargetsFollowTheModelledHashrateClampedToFourTimes() {
        assertEquals(4.0, Projection.retargetFactor(2.0), 0);
        assertEquals(0.25, Projection.retargetFactor(100.0), 0);
        assertEquals(14.0 / 10, Projection.retargetFactor(10.0), 1e-15);
        // Hashrate collapsing 86 % per 30 days: the next epoch lasts over 56 days and difficulty drops the full 75 %.
        NetworkState net = new NetworkState(71_000, D, 935_000, 0.03, 0, 935_424, AS_OF.plusSeconds(86_400));
        ProjectionResult r = Projection.run(fleet(SiteTerms.flat(0.06), RIG), net,
                new Scenario("collapse", 120, 0, -86, null), AS_OF);
        assertEquals(2, r.events().size());
        assertEquals(-75, r.events().get(1).changePercent(), 0);
        // From day 1 blocks come at 144 * 0.14^(t/30) a day: the epoch ends when that integral reaches 2016.
        double ln = Math.log(0.14);
        double end = 30 * Math.log(Math.pow(0.14, 1.0 / 30) + 14 * ln / 30) / ln;
        assertEquals(end, r.events().get(1).atDay(), 1e-9);
        assertTrue(14 / (end - 1) < 0.25, "the unclamped factor is below a quarter");
        int after = (int) Math.ceil(end);
        assertEquals(D * 0.25, r.difficulty()[after], 0);
    }

    @Test
    void aRetargetAboveFourTimesIsClampedToPlus300() {
        // Hashrate x4 every 30 days while the live estimate puts the next retarget 90 days out: by then the
        // network hashes 64 times the difficulty and the following epoch lasts a few hours.
        NetworkState net = new NetworkState(71_000, D, 935_000, 0.03, 0, 935_424, AS_OF.plusSeconds(90L * 86_400));
        ProjectionResult r = Projection.run(fleet(SiteTerms.flat(0.06), RIG), net,
                new Scenario("boom", 100, 0, 300, null), AS_OF);
        var second = r.events().get(1);
        double ln = Math.log(4);
        double end = 30 * Math.log(Math.pow(4, 3) + 14 * ln / 30) / ln;
        assertEquals(end, second.atDay(), 1e-9);
        assertTrue(14 / (end - 90) > 4, "the unclamped factor is above 4");
        assertEquals(300, second.changePercent(), 0);
        assertEquals(D * 4, r.difficulty()[91], 0);
    }

    @Test
    void hashrateGrowthShortensEpochsAndRaisesDifficulty() {
        NetworkState net = new NetworkState(71_000, D, 935_000, 0.03, 0, 935_424, AS_OF.plusSeconds(86_400));
        ProjectionResult r = Projection.run(fleet(SiteTerms.flat(0.06), RIG), net,
                new Scenario("growth", 60, 0, 10, null), AS_OF);
        var second = r.events().get(1);
        // 2016 blocks at 144 * 1.1^(t/30) per day from day 1: solve 144 * ∫ = 2016.
        double ln = Math.log(1.1);
        double end = 30 * Math.log(Math.pow(1.1, 1.0 / 30) + 14 * ln / 30) / ln;
        assertEquals(end, second.atDay(), 1e-9);
        assertEquals((14 / (end - 1) - 1) * 100, second.changePercent(), 1e-9);
    }

    @Test
    void priceDriftCompoundsPer30Days() {
        NetworkState net = Networks.workedExample();
        ProjectionResult r = Projection.run(fleet(SiteTerms.flat(0.06), RIG), net,
                new Scenario("down", 90, -10, 0, null), AS_OF);
        // Average over day 29..30 of 71,000 * 0.9^(t/30).
        double ln = Math.log(0.9);
        double avg = 71_000 * 30 / ln * (0.9 - Math.pow(0.9, 29.0 / 30));
        assertEquals(avg, r.priceUsd()[29], 1e-6);
        assertTrue(r.revenueUsd()[89] < r.revenueUsd()[0]);
    }

    @Test
    void firstUnprofitableDayAndSwitchOffWhenPriceFalls() {
        NetworkState net = Networks.workedExample();
        SiteTerms site = new SiteTerms(new FlatTariff(0.06), 1, 0, 30, 100, false, ZoneId.of("UTC"));
        ProjectionResult r = Projection.run(fleet(site, RIG), net, new Scenario("bear", 365, -10, 0, null), AS_OF);
        var g = r.groups().get(0);
        int d = g.firstUnprofitableDay();
        assertTrue(d > 0);
        assertTrue(r.profitUsd()[d - 1] >= 0 && r.profitUsd()[d] < 0);
        // Hosting is a fixed cost: the group turns unprofitable before power alone makes it a switch-off.
        assertTrue(g.firstSwitchOffDay() > d);
        assertEquals(0, r.groupsSwitchedOff()[g.firstSwitchOffDay() - 1]);
        assertEquals(1, r.groupsSwitchedOff()[g.firstSwitchOffDay()]);
    }

    @Test
    void curtailedGroupsStopEarningAndPayingPowerOnceBelowThreshold() {
        NetworkState net = Networks.workedExample();
        SiteTerms site = new SiteTerms(new FlatTariff(0.06), 1, 0, 0, 100, true, ZoneId.of("UTC"));
        ProjectionResult r = Projection.run(fleet(site, RIG), net, new Scenario("bear", 200, -10, 0, null), AS_OF);
        int off = r.groups().get(0).firstSwitchOffDay();
        assertTrue(off > 0);
        assertEquals(0, r.revenueUsd()[off], 0);
        assertEquals(0, r.powerCostUsd()[off], 0);
        assertTrue(r.revenueUsd()[off - 1] > 0);
    }

    @Test
    void dynamicPaybackAndNeverPayingBack() {
        NetworkState net = Networks.workedExample();
        GroupToday today = RigEconomics.preview(SiteTerms.flat(0.06), List.of(), RIG, net, AS_OF);
        double cost = today.profitUsd() * 10.25;
        RigGroupSpec bought = new RigGroupSpec(1, 0, 1, 200, 3500, cost);
        RigGroupSpec dear = new RigGroupSpec(2, 0, 1, 200, 3500, today.profitUsd() * 1000);
        ProjectionResult r = Projection.run(new Fleet(List.of(SiteTerms.flat(0.06)), List.of(bought, dear)), net,
                Scenario.base(90), AS_OF);
        assertEquals(10.25, r.groups().get(0).paybackDay(), 1e-9);
        assertFalse(r.groups().get(1).paysBack(), "does not pay back within the horizon");
    }

    @Test
    void aZeroPurchaseCostHasNoPaybackFigure() {
        RigGroupSpec free = new RigGroupSpec(1, 0, 1, 200, 3500, 0.0);
        Fleet f = fleet(SiteTerms.flat(0.06), free);
        ProjectionResult r = Projection.run(f, Networks.workedExample(), Scenario.base(30), AS_OF);
        assertFalse(r.groups().get(0).paysBack(), "no purchase cost: no payback day");
        assertTrue(Double.isNaN(RigEconomics.today(f, Networks.workedExample(), AS_OF).groups().get(0).paybackDays()));
    }

    @Test
    void anOverdueRetargetLeavesDayZeroAsToday() {
        // The estimate said two hours ago; the retarget block has not come yet.
        NetworkState net = new NetworkState(71_000, D, 935_000, 0.03, -14, 935_424, AS_OF.minusSeconds(7200));
        Fleet f = fleet(SiteTerms.flat(0.06), RIG);
        ProjectionResult r = Projection.run(f, net, Scenario.base(10), AS_OF);
        GroupToday today = RigEconomics.today(f, net, AS_OF).groups().get(0);
        assertEquals(today.btc(), r.btc()[0], rel(today.btc()));
        assertEquals(today.profitUsd(), r.profitUsd()[0], rel(today.profitUsd()));
        assertEquals(D, r.difficulty()[0], 0);
        assertEquals(1.0, r.events().get(0).atDay(), 0, "applied at the end of day 0");
        assertEquals(D * 0.86, r.difficulty()[1], rel(D));
    }

    @Test
    void aLongerHorizonNeverChangesTheEarlierDays() {
        NetworkState net = new NetworkState(71_000, D, 935_000, 0.03, -14, 935_424, AS_OF.plusSeconds(5L * 86_400));
        Fleet f = fleet(new SiteTerms(new FlatTariff(0.05), 1.1, 2, 500, 97, false, ZoneId.of("UTC")), RIG);
        ProjectionResult shortRun = Projection.run(f, net, Scenario.base(90), AS_OF);
        ProjectionResult longRun = Projection.run(f, net, Scenario.base(1500), AS_OF);
        for (int d = 0; d < 90; d++) {
            assertEquals(shortRun.profitUsd()[d], longRun.profitUsd()[d], 0);
            assertEquals(shortRun.difficulty()[d], longRun.difficulty()[d], 0);
        }
        // Over 1,500 days from height 935,000 the 1,050,000 halving is crossed.
        assertTrue(longRun.events().stream().anyMatch(e -> e.kind() == ProjectionResult.EventKind.HALVING));
    }

    @Test
    void feesPerBlockFromTheScenarioOverrideTheLiveAverage() {
        NetworkState net = Networks.workedExample();
        ProjectionResult r = Projection.run(fleet(SiteTerms.flat(0.06), RIG), net, new Scenario("fees", 3, 0, 0, 0.5),
                AS_OF);
        double btc = 200e12 * Networks.btcPerHashDay(D, 3.625);
        assertEquals(btc, r.btc()[0], rel(btc));
        assertEquals(0.5, r.feesPerBlockBtc(), 0);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "price {0} %, hashrate {1} % per 30 days, fees {2}")
    @org.junit.jupiter.params.provider.CsvSource({ "300, 300, 1000", "-90, -90, 0", "300, -90, 0", "-90, 300, 1000",
            "0, 0, 0" })
    void extremeScenariosStayFiniteOverTheLongestHorizon(double drift, double growth, double fees) {
        NetworkState net = new NetworkState(71_000, D, 935_000, 0.03, 300, 935_424, AS_OF.plusSeconds(3_600));
        Fleet f = new Fleet(List.of(new SiteTerms(new FlatTariff(0.05), 1, 2, 1000, 0.5, true, ZoneId.of("UTC")),
                SiteTerms.flat(0.2)), List.of(RIG, new RigGroupSpec(8, 1, 1_000_000, 10_000, 100_000, 1e12)));
        ProjectionResult r = Projection.run(f, net, new Scenario("extreme", Scenario.MAX_DAYS, drift, growth, fees), AS_OF);
        for (double[] series : new double[][] { r.btc(), r.revenueUsd(), r.powerCostUsd(), r.profitUsd(),
                r.cumulativeProfitUsd(), r.difficulty(), r.priceUsd(), r.height() }) {
            for (double v : series) {
                assertTrue(Double.isFinite(v), "every figure is a number");
            }
        }
        assertTrue(Double.isFinite(r.totals().profitUsd()));
        assertTrue(r.events().size() < 2_000, "a bounded number of events");
    }

    @Test
    void timeOfUseDaysAcrossClockChangesMatchAFreshComputationEveryDay() {
        // Weekday peak in New York: over 800 days the windows are reused by week position and clock change.
        SiteTerms ny = new SiteTerms(new TimeOfUseTariff(List.of(
                new TimeOfUseTariff.Band(TimeOfUseTariff.parseDays("Mon-Fri"), 0, 14, 0.04),
                new TimeOfUseTariff.Band(TimeOfUseTariff.parseDays("Mon-Fri"), 14, 19, 0.15),
                new TimeOfUseTariff.Band(TimeOfUseTariff.parseDays("Mon-Fri"), 19, 24, 0.05),
                new TimeOfUseTariff.Band(TimeOfUseTariff.parseDays("Sat-Sun"), 0, 24, 0.03))), 1, 0, 0, 100, false,
                ZoneId.of("America/New_York"));
        NetworkState net = Networks.workedExample();
        Instant start = Instant.parse("2026-02-09T13:30:00Z");
        // Kept running: day 399 is split by the retarget, and under "switch off when losing" each part is decided
        // on its own (the part holding the 0.15 peak alone does not pay), which is not what this test is about.
        ProjectionResult r = Projection.run(fleet(ny, RIG), net,
                Scenario.base(800).withPolicy(OperatingPolicy.KEEP_RUNNING), start);
        for (int d = 0; d < 800; d++) {
            GroupToday fresh = RigEconomics.preview(ny, List.of(), RIG, net, start.plusSeconds(86_400L * d));
            assertEquals(fresh.powerCostUsd(), r.powerCostUsd()[d], 1e-12, "day " + d);
        }
    }

    @Test
    void perSiteProfitAddsUpToTheFleet() {
        NetworkState net = Networks.workedExample();
        Fleet f = new Fleet(List.of(SiteTerms.flat(0.06), SiteTerms.flat(0.04)),
                List.of(new RigGroupSpec(1, 0, 10, 200, 3500, null), new RigGroupSpec(2, 1, 5, 110, 3250, null)));
        ProjectionResult r = Projection.run(f, net, Scenario.base(10), AS_OF);
        for (int d = 0; d < 10; d++) {
            assertEquals(r.profitUsd()[d], r.siteProfitUsd()[0][d] + r.siteProfitUsd()[1][d], 1e-9);
        }
        assertArrayEquals(new int[10], r.groupsSwitchedOff());
    }
}
