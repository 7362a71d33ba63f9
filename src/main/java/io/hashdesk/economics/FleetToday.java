package io.hashdesk.economics;

import java.util.List;

/**
 * The whole fleet today: the sums of its groups and the ratios that only make sense fleet-wide.
 *
 * @param hashrateHs H/s hashing (uptime applied)
 * @param powerWatts average draw, W (uptime and overhead applied)
 * @param energyKwh kWh the fleet would draw running all 24 hours
 * @param drawnKwh kWh actually drawn (curtailed hours excluded)
 * @param costPerBtcUsd all-in cost of one BTC (power and hosting over BTC after pool fees); NaN when nothing is mined
 * @param marginPercent profit over revenue, in percent; NaN without revenue
 */
public record FleetToday(List<GroupToday> groups, double hashrateHs, double powerWatts, double energyKwh, double btc,
        double revenueUsd, double poolFeeUsd, double powerCostUsd, double hostingUsd, double profitUsd,
        double hashpriceUsdPerThDay, double costPerBtcUsd, double marginPercent, double drawnKwh) {

    /** Hashprice per PH/s per day, USD. */
    public double hashpriceUsdPerPhDay() {
        return hashpriceUsdPerThDay * 1000;
    }

    /**
     * The fleet's profit per day under an operating policy: under "switch off when losing" a group flagged
     * to switch off earns nothing and draws nothing (it still pays its hosting); a group at a curtailing site
     * already runs only the hours that pay, so its figures stand under either policy.
     */
    public double profitUsd(OperatingPolicy policy) {
        if (policy == OperatingPolicy.KEEP_RUNNING) {
            return profitUsd;
        }
        double sum = 0;
        for (GroupToday g : groups) {
            sum += g.switchOff() ? -g.hostingUsd() : g.profitUsd();
        }
        return sum;
    }

    public boolean empty() {
        return groups.isEmpty();
    }

    public List<GroupToday> switchOff() {
        return groups.stream().filter(GroupToday::switchOff).toList();
    }

    /** Groups that run only part of the day (curtailed in the dear hours, still earning in the cheap ones). */
    public List<GroupToday> partTime() {
        return groups.stream().filter(GroupToday::partTime).toList();
    }
}
