package io.hashdesk.economics;

import static io.hashdesk.testing.Networks.AS_OF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Networks;

/**
 * The switch-off verdict at a curtailing time-of-use site (issue 12): the flag must come from the hours
 * the group actually runs, not from the whole day's average price.
 */
class SwitchOffVerdictTest {

    /** 0.03 USD/kWh from 00:00 to 08:00 every day, 0.12 the other 16 hours. */
    static SiteTerms curtailingNightTariff() {
        return new SiteTerms(new TimeOfUseTariff(List.of(
                new TimeOfUseTariff.Band(TimeOfUseTariff.parseDays("Mon-Sun"), 0, 8, 0.03),
                new TimeOfUseTariff.Band(TimeOfUseTariff.parseDays("Mon-Sun"), 8, 24, 0.12))), 1, 0, 0, 100, true,
                ZoneId.of("UTC"));
    }

    /** The worked example's network at the price where 200 TH/s earns 6.30 USD/day. */
    static NetworkState network() {
        NetworkState n = Networks.workedExample();
        double revenue = 200e12 * Networks.btcPerHashDay(n.difficulty(), n.rewardPerBlockBtc()) * n.priceUsd();
        return n.withPrice(n.priceUsd() * 6.30 / revenue);
    }

    private static final RigGroupSpec S21 = new RigGroupSpec(1, 0, 1, 200, 3500, null);

    @Test
    void aCurtailedGroupThatEarnsInItsCheapHoursIsNotOnTheSwitchOffList() {
        Fleet fleet = new Fleet(List.of(curtailingNightTariff()), List.of(S21));
        FleetToday today = RigEconomics.today(fleet, network(), AS_OF);
        GroupToday g = today.groups().get(0);
        // 8 h x 6.30 / 24 = 2.10 USD earned, 8 h x 3.5 kW x 0.03 = 0.84 USD of power.
        assertEquals(8, g.runningHours(), 1e-9);
        assertEquals(2.10 - 0.84, g.profitUsd(), 1e-9);
        assertFalse(g.switchOff(), "it earns in the hours it runs: not a switch-off");
        assertTrue(today.switchOff().isEmpty());
        ProjectionResult r = Projection.run(fleet, network(), Scenario.base(30), AS_OF);
        assertEquals(-1, r.groups().get(0).firstSwitchOffDay(), "never a switch-off day");
        assertEquals(0, r.groupsSwitchedOff()[0]);
    }

    @Test
    void aCurtailedGroupIsSwitchedOffOnlyWhenNoHourPays() {
        Fleet fleet = new Fleet(List.of(curtailingNightTariff()), List.of(S21));
        // At a fifth of the price an hour earns 0.0525 USD, less than 3.5 kWh at 0.03 (0.105): no hour pays.
        NetworkState poor = network().withPrice(network().priceUsd() / 5);
        GroupToday g = RigEconomics.today(fleet, poor, AS_OF).groups().get(0);
        assertEquals(0, g.runningHours(), 0);
        assertTrue(g.switchOff());
        assertEquals(0, g.revenueUsd(), 0);
    }

    @Test
    void energyDrawnIsWhatTheCurtailedHoursDraw() {
        Fleet fleet = new Fleet(List.of(curtailingNightTariff()), List.of(S21));
        FleetToday today = RigEconomics.today(fleet, network(), AS_OF);
        assertEquals(8 * 3.5, today.groups().get(0).drawnKwh(), 1e-9);
        assertEquals(8 * 3.5, today.drawnKwh(), 1e-9);
        assertEquals(24 * 3.5, today.energyKwh(), 1e-9, "the full day's draw stays available");
        assertEquals(1, today.partTime().size());
    }
}
