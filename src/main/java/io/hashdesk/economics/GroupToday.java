package io.hashdesk.economics;

/**
 * Today's figures for one rig group (per docs/economics.md), over the 24 hours starting now. Money in
 * USD per day, energy in kWh per day. A threshold that does not exist (no energy, nothing mined)
 * is NaN; {@code paybackDays} is NaN without a purchase cost (null or 0: no payback figure) or
 * without profit.
 *
 * <p>Today's figures show the group running (a non-curtailing group that loses at the margin is shown
 * running, with what it loses, and flagged {@code switchOff}); a group at a curtailing site runs exactly
 * the hours that pay.
 *
 * @param energyKwh kWh the group would draw running all 24 hours (nameplate after uptime and overhead)
 * @param runningHours hours of the day the group runs (below 24 when curtailment switches it off)
 * @param switchOff true when the group should be off all day: at a curtailing site, when no hour pays;
 *        elsewhere, when running the whole day costs more in power than it earns after the pool fee
 * @param shutdownPriceUsd the BTC price below which the group should be off ("back on above"): for a group at a
 *        curtailing site the price at which its cheapest hour pays (above it, it runs at least those hours);
 *        for any other group the price at which the whole day's power is covered
 * @param drawnKwh kWh actually drawn in the hours it runs (equals {@code energyKwh} for a group running all day)
 */
public record GroupToday(long rigId, double hashrateHs, double energyKwh, double btc, double revenueUsd,
        double poolFeeUsd, double powerCostUsd, double hostingUsd, double profitUsd, double runningHours,
        boolean switchOff, double hashpriceUsdPerThDay, double efficiencyJPerTh, double breakevenUsdPerKwh,
        double shutdownUsdPerKwh, double shutdownPriceUsd, double costPerBtcUsd, double paybackDays,
        double drawnKwh) {

    /** True for a group that runs only part of the day (curtailed in the dear hours) but is not switched off. */
    public boolean partTime() {
        return !switchOff && runningHours < 24 - 1e-9;
    }
}
