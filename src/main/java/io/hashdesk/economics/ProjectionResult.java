package io.hashdesk.economics;

import java.time.Instant;
import java.util.List;

/**
 * A projection day by day. Day {@code d} covers the 24 hours starting {@code asOf + d days}; the
 * daily arrays have {@code days} entries. Money in USD, BTC in BTC.
 *
 * @param difficulty difficulty at the start of each day
 * @param priceUsd average BTC price over each day
 * @param siteProfitUsd per site (index as in the fleet), profit per day
 * @param groupsSwitchedOff per day, the number of groups running zero hours that day
 * @param groupSeries every group's days (BTC, revenue, pool fee, power, hosting, profit, hours run), or null
 *        when the run kept only the groups' totals ({@link Projection.GroupDetail#TOTALS}): see
 *        {@link #hasGroupSeries()}
 */
public record ProjectionResult(Instant asOf, Scenario scenario, double feesPerBlockBtc, int days, double[] btc,
        double[] revenueUsd, double[] poolFeeUsd, double[] powerCostUsd, double[] hostingUsd, double[] profitUsd,
        double[] cumulativeProfitUsd, double[] difficulty, double[] priceUsd, double[] height,
        double[][] siteProfitUsd, int[] groupsSwitchedOff, List<Event> events, List<GroupOutcome> groups,
        Money totals, GroupSeries groupSeries) {

    /** True when the run kept every group's daily series ({@link Projection.GroupDetail#DAILY}). */
    public boolean hasGroupSeries() {
        return groupSeries != null;
    }

    /**
     * Every group's days.
     *
     * @throws IllegalStateException when the run kept only the groups' totals
     */
    public GroupSeries groupSeries() {
        if (groupSeries == null) {
            throw new IllegalStateException("this projection kept only each group's totals: run it with "
                    + "Projection.GroupDetail.DAILY to read a group's daily series");
        }
        return groupSeries;
    }

    /** The fleet's money over days {@code from} (inclusive) to {@code to} (exclusive). */
    public Money money(int from, int to) {
        return Money.sum(btc, revenueUsd, poolFeeUsd, powerCostUsd, hostingUsd, profitUsd, from, to);
    }

    /** The operating policy the projection ran under. */
    public OperatingPolicy policy() {
        return scenario.policy();
    }

    /** Approximate heap size of the result, bytes (for memory-bounded caches). */
    public long sizeBytes() {
        return 8L * days * (11 + siteProfitUsd.length) + 4L * days + 120L * groups.size()
                + (groupSeries == null ? 0 : groupSeries.sizeBytes())
                + 64L * events.size() + 256;
    }

    public enum EventKind {
        RETARGET, HALVING
    }

    /**
     * A retarget or halving inside the horizon.
     *
     * @param atDay days after {@code asOf} (fractional)
     * @param changePercent the retarget's difficulty change, or the subsidy's change for a halving (-50)
     */
    public record Event(EventKind kind, double atDay, long height, double changePercent) {
    }

    /**
     * One group over the horizon.
     *
     * @param runningHours hours run over the horizon
     * @param firstUnprofitableDay first day on which running the group (its paying hours at a curtailing
     *        site) loses money, hosting included, whether or not the policy then switches it off; or -1
     * @param firstSwitchOffDay first day the group should be off all day (no hour pays at a curtailing site;
     *        elsewhere power costs more than it earns after the pool fee), or -1
     * @param paybackDay days after {@code asOf} at which cumulative profit covers the purchase cost
     *        (fractional), or NaN when it does not within the horizon or no cost is known (null or 0)
     * @param daysOff days on which the group runs zero hours
     * @param firstDayOff the first of those days, or -1
     */
    public record GroupOutcome(long rigId, double btc, double revenueUsd, double poolFeeUsd, double powerCostUsd,
            double hostingUsd, double profitUsd, double runningHours, int firstUnprofitableDay,
            int firstSwitchOffDay, double paybackDay, int daysOff, int firstDayOff) {

        public boolean paysBack() {
            return !Double.isNaN(paybackDay);
        }
    }
}
