package io.hashdesk.economics;

/**
 * A period's money (a day, a week, a horizon; a rig group's or the fleet's): the BTC mined and, in USD,
 * its revenue, the pool's fee, the power, the hosting and the profit. Periods add up with {@link #plus}.
 */
public record Money(double btc, double revenueUsd, double poolFeeUsd, double powerCostUsd, double hostingUsd,
        double profitUsd) {

    public static final Money ZERO = new Money(0, 0, 0, 0, 0, 0);

    /** This period and the other together. */
    public Money plus(Money o) {
        return new Money(btc + o.btc, revenueUsd + o.revenueUsd, poolFeeUsd + o.poolFeeUsd,
                powerCostUsd + o.powerCostUsd, hostingUsd + o.hostingUsd, profitUsd + o.profitUsd);
    }

    /**
     * Days {@code from} (inclusive) to {@code to} (exclusive) of daily series, summed day by day in order
     * (each figure the same additions as a loop over the days).
     */
    public static Money sum(double[] btc, double[] revenueUsd, double[] poolFeeUsd, double[] powerCostUsd,
            double[] hostingUsd, double[] profitUsd, int from, int to) {
        double b = 0, rev = 0, fee = 0, power = 0, hosting = 0, profit = 0;
        for (int d = from; d < to; d++) {
            b += btc[d];
            rev += revenueUsd[d];
            fee += poolFeeUsd[d];
            power += powerCostUsd[d];
            hosting += hostingUsd[d];
            profit += profitUsd[d];
        }
        return new Money(b, rev, fee, power, hosting, profit);
    }
}
