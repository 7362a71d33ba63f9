package io.hashdesk.economics;

import static io.hashdesk.testing.Networks.AS_OF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.hashdesk.testing.Networks;

class RigEconomicsTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    private static GroupToday one(SiteTerms site, RigGroupSpec group, NetworkState net) {
        return RigEconomics.preview(site, List.of(), group, net, AS_OF);
    }

    @Test
    void workedExampleOfEconomicsMd() {
        NetworkState net = Networks.workedExample();
        GroupToday g = one(SiteTerms.flat(0.06), new RigGroupSpec(1, 0, 1, 200, 3500, null), net);
        assertEquals(3.155, net.rewardPerBlockBtc(), 1e-12);
        // docs/economics.md quotes the hashprice cut to three digits (0.033256...).
        assertEquals(0.0332, g.hashpriceUsdPerThDay(), 0.0001);
        assertEquals(33.2, g.hashpriceUsdPerThDay() * 1000, 0.1);
        assertEquals(6.65, g.revenueUsd(), 0.005);
        assertEquals(84, g.energyKwh(), 1e-9);
        assertEquals(5.04, g.powerCostUsd(), 1e-9);
        assertEquals(1.61, g.profitUsd(), 0.005);
        assertEquals(0.0792, g.shutdownUsdPerKwh(), 0.00005);
        assertEquals(17.5, g.efficiencyJPerTh(), 1e-12);
        assertEquals(24, g.runningHours(), 0);
        assertFalse(g.switchOff());
        // The formulas themselves, to the last digit.
        double btc = 200e12 * Networks.btcPerHashDay(1.355e14, 3.155);
        assertEquals(btc, g.btc(), btc * 1e-12);
        assertEquals(btc * 71_000, g.revenueUsd(), 1e-9);
        assertEquals(5.04 / btc, g.shutdownPriceUsd(), 1e-6);
        assertEquals(5.04 / btc, g.costPerBtcUsd(), 1e-6);
        assertEquals(g.shutdownUsdPerKwh(), g.breakevenUsdPerKwh(), 1e-15); // no hosting
    }

    @Test
    void thePreviewSharesTheSitesHostingWithTheGroupsAlreadyThere() {
        NetworkState net = Networks.workedExample();
        // docs/economics.md's worked example at a site charging 730 USD a month of hosting, beside a group
        // drawing three times the power: the new group pays a quarter of the hosting, 6 USD a day.
        SiteTerms site = new SiteTerms(new FlatTariff(0.06), 1, 0, 730, 100, false, UTC);
        List<RigGroupSpec> others = List.of(new RigGroupSpec(7, 0, 3, 200, 3500, null));
        GroupToday g = RigEconomics.preview(site, others, new RigGroupSpec(0, 0, 1, 200, 3500, 1610.0), net, AS_OF);
        assertEquals(6.65, g.revenueUsd(), 0.005);
        assertEquals(5.04, g.powerCostUsd(), 1e-9);
        assertEquals(730 * 12 / 365.0 / 4, g.hostingUsd(), 1e-9);
        assertEquals(1.61 - 6, g.profitUsd(), 0.005);
        assertEquals(0.0792, g.shutdownUsdPerKwh(), 0.00005);
        assertTrue(Double.isNaN(g.paybackDays()), "no payback at a loss");
        // Alone at the site it pays the whole fee.
        GroupToday alone = RigEconomics.preview(site, List.of(), new RigGroupSpec(0, 0, 1, 200, 3500, null), net, AS_OF);
        assertEquals(730 * 12 / 365.0, alone.hostingUsd(), 1e-9);
        // Without hosting, the worked example to the cent, and its payback at today's profit.
        GroupToday bare = RigEconomics.preview(SiteTerms.flat(0.06), others, new RigGroupSpec(0, 0, 1, 200, 3500, 1610.0),
                net, AS_OF);
        assertEquals(1.61, bare.profitUsd(), 0.005);
        assertEquals(1610 / bare.profitUsd(), bare.paybackDays(), 1e-9);
    }

    @Test
    void poolFeeUptimeAndOverheadApply() {
        NetworkState net = Networks.workedExample();
        SiteTerms site = new SiteTerms(new FlatTariff(0.05), 1.1, 2.0, 0, 95, false, UTC);
        GroupToday g = one(site, new RigGroupSpec(1, 0, 10, 200, 3500, null), net);
        double hashrate = 10 * 200e12 * 0.95;
        double revenue = hashrate * Networks.btcPerHashDay(1.355e14, 3.155) * 71_000;
        double energy = 10 * 3500 * 0.95 * 1.1 * 24 / 1000;
        assertEquals(hashrate, g.hashrateHs(), 1);
        assertEquals(revenue, g.revenueUsd(), 1e-9);
        assertEquals(revenue * 0.02, g.poolFeeUsd(), 1e-9);
        assertEquals(energy, g.energyKwh(), 1e-9);
        assertEquals(energy * 0.05, g.powerCostUsd(), 1e-9);
        assertEquals(revenue * 0.98 - energy * 0.05, g.profitUsd(), 1e-9);
        assertEquals(revenue * 0.98 / energy, g.shutdownUsdPerKwh(), 1e-12);
    }

    @Test
    void hostingIsSharedByPowerDrawAndCountsInBreakevenButNotShutdown() {
        NetworkState net = Networks.workedExample();
        SiteTerms site = new SiteTerms(new FlatTariff(0.05), 1, 0, 365, 100, false, UTC); // 12 USD/day
        Fleet fleet = new Fleet(List.of(site), List.of(new RigGroupSpec(1, 0, 1, 200, 3000, null),
                new RigGroupSpec(2, 0, 3, 100, 3000, null)));
        FleetToday today = RigEconomics.today(fleet, net, AS_OF);
        GroupToday a = today.groups().get(0);
        GroupToday b = today.groups().get(1);
        assertEquals(3.0, a.hostingUsd(), 1e-12);
        assertEquals(9.0, b.hostingUsd(), 1e-12);
        assertEquals(12.0, today.hostingUsd(), 1e-12);
        assertEquals((a.revenueUsd() - 3.0) / a.energyKwh(), a.breakevenUsdPerKwh(), 1e-12);
        assertEquals(a.revenueUsd() / a.energyKwh(), a.shutdownUsdPerKwh(), 1e-12);
        assertEquals((a.powerCostUsd() + 3.0) / a.btc(), a.costPerBtcUsd(), 1e-6);
        assertEquals(a.profitUsd() + b.profitUsd(), today.profitUsd(), 1e-9);
        assertEquals((today.powerCostUsd() + 12) / today.btc(), today.costPerBtcUsd(), 1e-6);
        assertEquals(today.profitUsd() / today.revenueUsd() * 100, today.marginPercent(), 1e-9);
    }

    @Test
    void losingGroupIsFlaggedWithThePriceAtWhichItTurnsBackOn() {
        NetworkState net = Networks.workedExample();
        // An S19-class machine at 0.10 USD/kWh loses money at the margin.
        GroupToday g = one(SiteTerms.flat(0.10), new RigGroupSpec(1, 0, 1, 95, 3250, 1000.0), net);
        assertTrue(g.profitUsd() < 0);
        assertTrue(g.switchOff());
        assertTrue(Double.isNaN(g.paybackDays()), "no payback while losing money");
        // At exactly the shutdown price the group earns its power cost, no more.
        GroupToday atThreshold = one(SiteTerms.flat(0.10), new RigGroupSpec(1, 0, 1, 95, 3250, null),
                net.withPrice(g.shutdownPriceUsd()));
        assertEquals(0, atThreshold.profitUsd(), 1e-9);
    }

    @Test
    void zeroProfitAtTheBreakevenRate() {
        NetworkState net = Networks.workedExample();
        GroupToday probe = one(SiteTerms.flat(0.06), new RigGroupSpec(1, 0, 1, 200, 3500, null), net);
        GroupToday at = one(SiteTerms.flat(probe.breakevenUsdPerKwh()), new RigGroupSpec(1, 0, 1, 200, 3500, null), net);
        assertEquals(0, at.profitUsd(), 1e-12);
    }

    @Test
    void staticPaybackIsPurchaseOverDailyProfit() {
        NetworkState net = Networks.workedExample();
        GroupToday g = one(SiteTerms.flat(0.06), new RigGroupSpec(1, 0, 1, 200, 3500, 3000.0), net);
        assertEquals(3000 / g.profitUsd(), g.paybackDays(), 1e-9);
    }

    @ParameterizedTest(name = "{0} units earn {0} times one unit")
    @CsvSource({ "2", "7", "1000", "999999" })
    void revenueAndCostsScaleLinearlyWithUnits(long units) {
        NetworkState net = Networks.workedExample();
        SiteTerms site = new SiteTerms(new FlatTariff(0.055), 1.05, 1.5, 0, 97, false, UTC);
        GroupToday one = one(site, new RigGroupSpec(1, 0, 1, 234, 3510, null), net);
        GroupToday many = one(site, new RigGroupSpec(1, 0, units, 234, 3510, null), net);
        assertEquals(one.revenueUsd() * units, many.revenueUsd(), Math.abs(many.revenueUsd()) * 1e-12);
        assertEquals(one.powerCostUsd() * units, many.powerCostUsd(), many.powerCostUsd() * 1e-12);
        assertEquals(one.profitUsd() * units, many.profitUsd(), Math.abs(many.profitUsd()) * 1e-12 + 1e-9);
        assertEquals(one.shutdownPriceUsd(), many.shutdownPriceUsd(), one.shutdownPriceUsd() * 1e-12);
    }

    private static TimeOfUseTariff peakTariff(double offPeak, double peak) {
        EnumSet<DayOfWeek> all = EnumSet.allOf(DayOfWeek.class);
        return new TimeOfUseTariff(List.of(new TimeOfUseTariff.Band(all, 0, 8, offPeak),
                new TimeOfUseTariff.Band(all, 8, 24, peak)));
    }

    @Test
    void timeOfUseSumsTheHoursWithoutCurtailment() {
        NetworkState net = Networks.workedExample();
        SiteTerms site = new SiteTerms(peakTariff(0.03, 0.09), 1, 0, 0, 100, false, UTC);
        GroupToday g = one(site, new RigGroupSpec(1, 0, 1, 200, 3500, null), net);
        assertEquals(3.5 * (8 * 0.03 + 16 * 0.09), g.powerCostUsd(), 1e-12);
        assertEquals(24, g.runningHours(), 0);
        assertEquals(g.revenueUsd() - 3.5 * (8 * 0.03 + 16 * 0.09), g.profitUsd(), 1e-12);
    }

    @Test
    void timeOfUseWithCurtailmentRunsOnlyTheHoursThatPay() {
        NetworkState net = Networks.workedExample();
        // Shutdown rate of the worked example is 0.0792 USD/kWh: the 0.09 peak hours do not pay.
        SiteTerms site = new SiteTerms(peakTariff(0.03, 0.09), 1, 0, 0, 100, true, UTC);
        GroupToday g = one(site, new RigGroupSpec(1, 0, 1, 200, 3500, null), net);
        GroupToday full = one(SiteTerms.flat(0.06), new RigGroupSpec(1, 0, 1, 200, 3500, null), net);
        assertEquals(8, g.runningHours(), 1e-12);
        assertEquals(full.revenueUsd() / 3, g.revenueUsd(), 1e-12);
        assertEquals(3.5 * 8 * 0.03, g.powerCostUsd(), 1e-12);
        assertEquals(full.revenueUsd() / 3 - 0.84, g.profitUsd(), 1e-12);
        // At an average 0.07 USD/kWh the whole day still pays, but skipping the peak pays more.
        assertFalse(g.switchOff());
        GroupToday uncurtailed = one(new SiteTerms(peakTariff(0.03, 0.09), 1, 0, 0, 100, false, UTC),
                new RigGroupSpec(1, 0, 1, 200, 3500, null), net);
        assertTrue(g.profitUsd() > uncurtailed.profitUsd());
    }

    @Test
    void aCurtailingGroupComesBackOnWhenItsCheapestHourPays() {
        // Issue 17: 0.03 USD/kWh 00-08, 0.09 08-24, 200 TH/s at 3.5 kW. The cheapest hour pays from
        // 84 kWh x 0.03 / BTC per day, about 26,900 USD (not the 62,767 of the day's average rate).
        SiteTerms site = new SiteTerms(peakTariff(0.03, 0.09), 1, 0, 0, 100, true, UTC);
        RigGroupSpec rig = new RigGroupSpec(1, 0, 1, 200, 3500, null);
        GroupToday g = one(site, rig, Networks.workedExample());
        double btc = 200e12 * Networks.btcPerHashDay(1.355e14, 3.155);
        assertEquals(84 * 0.03 / btc, g.shutdownPriceUsd(), 1e-6);
        assertEquals(26_900, g.shutdownPriceUsd(), 10);
        // At 40,000 USD it runs the 8 cheap hours at a profit: on, as "back on above" says.
        GroupToday at40k = one(site, rig, at(40_000));
        assertEquals(8, at40k.runningHours(), 1e-12);
        assertTrue(at40k.profitUsd() > 0);
        assertFalse(at40k.switchOff());
        // Just below the threshold no hour pays; just above, the cheap hours run.
        assertTrue(one(site, rig, at(g.shutdownPriceUsd() * 0.999)).switchOff());
        assertEquals(8, one(site, rig, at(g.shutdownPriceUsd() * 1.001)).runningHours(), 1e-12);
        // Without curtailment the whole day's power is the threshold, as before.
        GroupToday flatDay = one(new SiteTerms(peakTariff(0.03, 0.09), 1, 0, 0, 100, false, UTC), rig,
                Networks.workedExample());
        assertEquals(84 * 0.07 / btc, flatDay.shutdownPriceUsd(), 1e-6);
    }

    private static NetworkState at(double price) {
        NetworkState w = Networks.workedExample();
        return new NetworkState(price, w.difficulty(), w.height(), w.feesPerBlockBtc(), w.nextChangePercent(),
                w.nextRetargetHeight(), w.nextRetargetAt());
    }

    @Test
    void timeOfUseHoursAreTheSitesLocalHours() {
        NetworkState net = Networks.workedExample();
        // Peak 08:00-24:00 in New York (UTC-5 in February); the day starts at 00:00 UTC = 19:00 local.
        SiteTerms ny = new SiteTerms(peakTariff(0.03, 0.09), 1, 0, 0, 100, false, ZoneId.of("America/New_York"));
        GroupToday g = one(ny, new RigGroupSpec(1, 0, 1, 200, 3500, null), net);
        // Local 19:00-24:00 (5 h peak) then 00:00-08:00 (8 h off-peak) then 08:00-19:00 (11 h peak).
        assertEquals(3.5 * (16 * 0.09 + 8 * 0.03), g.powerCostUsd(), 1e-12);
        SiteTerms weekdayPeak = new SiteTerms(new TimeOfUseTariff(List.of(
                new TimeOfUseTariff.Band(TimeOfUseTariff.parseDays("Mon-Fri"), 0, 24, 0.10),
                new TimeOfUseTariff.Band(TimeOfUseTariff.parseDays("Sat-Sun"), 0, 24, 0.02))), 1, 0, 0, 100, false,
                ZoneId.of("America/New_York"));
        // Monday 00:00 UTC is Sunday 19:00 in New York: 5 weekend hours then 19 weekday hours.
        GroupToday w = one(weekdayPeak, new RigGroupSpec(1, 0, 1, 200, 3500, null), net);
        assertEquals(3.5 * (5 * 0.02 + 19 * 0.10), w.powerCostUsd(), 1e-12);
    }

    @Test
    void aDayAcrossAClockChangeStillHas24RealHours() {
        NetworkState net = Networks.workedExample();
        SiteTerms site = new SiteTerms(new TimeOfUseTariff(List.of(
                new TimeOfUseTariff.Band(TimeOfUseTariff.parseDays("Mon-Fri"), 0, 24, 0.10),
                new TimeOfUseTariff.Band(TimeOfUseTariff.parseDays("Sat-Sun"), 0, 24, 0.02))), 1, 0, 0, 100, false,
                ZoneId.of("America/New_York"));
        // Sunday 8 March 2026 00:00 EST; clocks jump from 02:00 to 03:00, so the 24 hours end Monday 01:00 EDT.
        GroupToday g = RigEconomics.preview(site, List.of(), new RigGroupSpec(1, 0, 1, 200, 3500, null), net,
                Instant.parse("2026-03-08T05:00:00Z"));
        assertEquals(3.5 * (23 * 0.02 + 1 * 0.10), g.powerCostUsd(), 1e-12);
    }

    @Test
    void flatTariffWithCurtailmentSwitchesALosingGroupOff() {
        NetworkState net = Networks.workedExample();
        SiteTerms site = new SiteTerms(new FlatTariff(0.10), 1, 0, 365, 100, true, UTC);
        GroupToday g = one(site, new RigGroupSpec(1, 0, 1, 200, 3500, null), net);
        assertEquals(0, g.runningHours(), 0);
        assertEquals(0, g.revenueUsd(), 0);
        assertEquals(0, g.powerCostUsd(), 0);
        assertEquals(-12, g.profitUsd(), 1e-12, "hosting is paid even when switched off");
        assertTrue(Double.isNaN(g.costPerBtcUsd()), "nothing mined, no cost per BTC");
    }

    @Test
    void emptyFleetHasNoRatios() {
        FleetToday t = RigEconomics.today(new Fleet(List.of(), List.of()), Networks.workedExample(), AS_OF);
        assertTrue(t.empty());
        assertEquals(0, t.profitUsd(), 0);
        assertTrue(Double.isNaN(t.costPerBtcUsd()));
        assertTrue(Double.isNaN(t.marginPercent()));
    }
}
