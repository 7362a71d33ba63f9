package io.hashdesk.economics;

import java.util.Arrays;

/**
 * Every rig group's projection day by day, stored compactly: three float arrays (BTC mined, power
 * cost, hours run) laid out group by group ({@code group * days + day}: the order the projection writes
 * them in and the JSON and charts read them in), about 12 bytes per group-day
 * (8.8 MB for 1,000 groups over 730 days). Revenue, pool fee, hosting and profit are derived from
 * them with the day's average price and the group's pool fee and hosting share, so they cost no memory.
 * Values carry float precision (about 7 significant digits); the fleet series and the groups' totals
 * in {@link ProjectionResult} are computed in doubles.
 *
 * <p>Groups are indexed as in {@link Fleet#groups()} (and {@link ProjectionResult#groups()}).
 */
public final class GroupSeries {

    private final int groups;
    private final int days;
    private final float[] btc;
    private final float[] power;
    private final float[] hours;
    private final double[] price;
    private final double[] poolFee;
    private final double[] hostingPerDay;
    /**
     * Days split by a retarget or the halving, where a group may run one part and not the other (so its BTC
     * is not worth the day's average price): their revenue is kept, slot {@code splitSlot[day]} (-1 elsewhere).
     */
    private final int[] splitSlot;
    private final float[] splitRevenue;
    private final int splitDays;

    GroupSeries(int groups, int days, double[] price, double[] poolFee, double[] hostingPerDay, int[] splitSlot,
            int splitDays) {
        this.groups = groups;
        this.days = days;
        this.btc = new float[groups * days];
        this.power = new float[groups * days];
        this.hours = new float[groups * days];
        this.price = price;
        this.poolFee = poolFee;
        this.hostingPerDay = hostingPerDay;
        this.splitSlot = splitSlot;
        this.splitDays = splitDays;
        this.splitRevenue = new float[groups * splitDays];
    }

    void set(int group, int day, double btcMined, double revenue, double powerCost, double hoursRun) {
        int i = group * days + day;
        btc[i] = (float) btcMined;
        power[i] = (float) powerCost;
        hours[i] = (float) hoursRun;
        if (splitSlot[day] >= 0) {
            splitRevenue[group * splitDays + splitSlot[day]] = (float) revenue;
        }
    }

    public int groups() {
        return groups;
    }

    public int days() {
        return days;
    }

    /** BTC mined by the group on the day (before the pool fee). */
    public double btc(int group, int day) {
        return btc[group * days + day];
    }

    /** USD: BTC mined at the day's average price (on a split day, each part's BTC at that part's price). */
    public double revenueUsd(int group, int day) {
        int slot = splitSlot[day];
        return slot >= 0 ? splitRevenue[group * splitDays + slot] : btc(group, day) * price[day];
    }

    public double poolFeeUsd(int group, int day) {
        return revenueUsd(group, day) * poolFee[group];
    }

    public double powerCostUsd(int group, int day) {
        return power[group * days + day];
    }

    /** The group's share of its site's hosting: charged every day, running or not. */
    public double hostingUsd(int group, int day) {
        return hostingPerDay[group];
    }

    public double profitUsd(int group, int day) {
        double revenue = revenueUsd(group, day);
        return revenue - revenue * poolFee[group] - powerCostUsd(group, day) - hostingPerDay[group];
    }

    /** Hours the group runs on the day: 0 when switched off, 24 all day, in between when curtailed. */
    public double hoursRun(int group, int day) {
        return hours[group * days + day];
    }

    /** True on a day the group runs zero hours. */
    public boolean off(int group, int day) {
        return hours[group * days + day] == 0;
    }

    /** The group's daily profit, USD, a new array of {@code days} values. */
    public double[] profitUsd(int group) {
        double[] out = new double[days];
        for (int d = 0; d < days; d++) {
            out[d] = profitUsd(group, d);
        }
        return out;
    }

    /** The group's cumulative profit, USD, a new array of {@code days} values. */
    public double[] cumulativeProfitUsd(int group) {
        double[] out = profitUsd(group);
        for (int d = 1; d < days; d++) {
            out[d] += out[d - 1];
        }
        return out;
    }

    /** The days (0-based) on which the group runs zero hours, ascending. */
    public int[] daysOff(int group) {
        int[] out = new int[days];
        int n = 0;
        for (int d = 0; d < days; d++) {
            if (off(group, d)) {
                out[n++] = d;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Approximate heap size of the series, bytes (for memory-bounded caches). */
    public long sizeBytes() {
        return 3L * 4 * btc.length + 4L * splitRevenue.length + 4L * splitSlot.length + 8L * (poolFee.length + hostingPerDay.length) + 64;
    }
}
