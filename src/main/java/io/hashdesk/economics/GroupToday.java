package io.hashdesk.economics;

/**
 * Today's figures for one rig group (per ECONOMICS.md), over the 24 hours starting now. Money in
 * USD per day, energy in kWh per day. A threshold that does not exist (no energy, nothing mined)
 * is NaN; {@code paybackDays} is NaN without a purchase cost or without profit.
 *
 * @param runningHours hours of the day the group runs (below 24 when curtailment switches it off)
 * @param switchOff true when running the whole day costs more in power than it earns after the pool fee
 */
public record GroupToday(long rigId, double hashrateHs, double energyKwh, double btc, double revenueUsd,
        double poolFeeUsd, double powerCostUsd, double hostingUsd, double profitUsd, double runningHours,
        boolean switchOff, double hashpriceUsdPerThDay, double efficiencyJPerTh, double breakevenUsdPerKwh,
        double shutdownUsdPerKwh, double shutdownPriceUsd, double costPerBtcUsd, double paybackDays) {

    /** Average price of the day's kWh for this group's site, USD/kWh. */
    public double averageUsdPerKwh(double fullDayPowerCost) {
        return energyKwh > 0 ? fullDayPowerCost / energyKwh : Double.NaN;
    }
}
