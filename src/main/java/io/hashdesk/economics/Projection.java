package io.hashdesk.economics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The day-by-day projection of docs/economics.md: the chain is walked once ({@link ChainWalk}: price and
 * hashrate paths, retargets, halvings, days split at them), then every rig group's days are computed from
 * it under the scenario's operating policy and summed into the fleet's.
 */
public final class Projection {

    private Projection() {
    }

    /**
     * What a run keeps of each rig group: its daily series as well as its totals ({@link #DAILY}, the
     * {@code groups=daily} of the JSON), or only its totals ({@link #TOTALS}). The fleet's series and every
     * figure other than {@link ProjectionResult#groupSeries()} are the same either way, to the last digit;
     * the series cost 12 bytes per group-day (8.8 MB for 1,000 groups over 730 days) and the time to write them.
     */
    public enum GroupDetail {
        DAILY, TOTALS
    }

    /** The projection with every group's daily series kept ({@link GroupDetail#DAILY}). */
    public static ProjectionResult run(Fleet fleet, NetworkState network, Scenario scenario, Instant asOf) {
        return run(fleet, network, scenario, asOf, GroupDetail.DAILY);
    }

    public static ProjectionResult run(Fleet fleet, NetworkState network, Scenario scenario, Instant asOf,
            GroupDetail detail) {
        Days days = walk(fleet, network, scenario, asOf);
        return groups(fleet, scenario, asOf, days, detail);
    }

    /**
     * The chain and price path of a scenario, day by day, independent of the rig groups: what every
     * group's day is computed from (the projection, and the price paths of {@link PriceRisk}).
     */
    static final class Days {
        final int count;
        final double fees;
        /** BTC earned per H/s over each whole day (segments summed). */
        final double[] btcPerHash;
        /** USD earned per H/s over each day on the deterministic price path. */
        final double[] usdPerHash;
        final double[] difficulty;
        final double[] price;
        final double[] height;
        /** Per site, the power window of each day (cached objects: equal windows are the same object). */
        final PowerWindow[][] windows;
        /** The parts of each day split by a retarget or the halving, null for a day in one piece. */
        final Split[] split;
        final List<ProjectionResult.Event> events;

        Days(int count, double fees, int sites) {
            this.count = count;
            this.fees = fees;
            this.btcPerHash = new double[count];
            this.usdPerHash = new double[count];
            this.difficulty = new double[count];
            this.price = new double[count];
            this.height = new double[count];
            this.windows = new PowerWindow[sites][count];
            this.split = new Split[count];
            this.events = new ArrayList<>();
        }
    }

    /**
     * A day cut by a retarget or the halving into parts, each decided on its own under the operating policy
     * (ECONOMICS.md: "for each day segment and group"), each with its own power window.
     */
    static final class Split {
        final int count;
        /** BTC and USD earned per H/s over each part. */
        final double[] btcPerHash;
        final double[] usdPerHash;
        /** Each part's share of the day (they sum to 1): the share of the day's hosting it carries. */
        final double[] dayFraction;
        /** Per site, each part's power window. */
        final PowerWindow[][] windows;

        Split(double[] btcPerHash, double[] usdPerHash, double[] dayFraction, PowerWindow[][] windows) {
            this.count = btcPerHash.length;
            this.btcPerHash = btcPerHash;
            this.usdPerHash = usdPerHash;
            this.dayFraction = dayFraction;
            this.windows = windows;
        }
    }

    /** The chain and price path of a scenario, day by day (see {@link ChainWalk}). */
    static Days walk(Fleet fleet, NetworkState network, Scenario scenario, Instant asOf) {
        return ChainWalk.walk(fleet, network, scenario, asOf);
    }

    /** Difficulty factor of a retarget after an epoch of {@code spanDays}: 14 days over the span, clamped x4. */
    static double retargetFactor(double spanDays) {
        return ChainWalk.retargetFactor(spanDays);
    }

    /**
     * Every group's days under the scenario's policy, summed into the fleet's. Group by group, day by day:
     * a group's constants and running totals stay in registers through its days, and each day's fleet
     * figures are still the sum over the groups in fleet order (the same additions in the same order as
     * summing day by day).
     */
    private static ProjectionResult groups(Fleet fleet, Scenario scenario, Instant asOf, Days w, GroupDetail detail) {
        int days = w.count;
        int sites = fleet.sites().size();
        OperatingPolicy policy = scenario.policy();
        GroupModel[] models = GroupModel.of(fleet);
        int n = models.length;
        double[] btc = new double[days], rev = new double[days], fee = new double[days], power = new double[days],
                hosting = new double[days], profit = new double[days], cumulative = new double[days];
        double[][] siteProfit = new double[sites][days];
        int[] switchedOff = new int[days];
        double[] poolFee = new double[n], hostingShare = new double[n];
        for (int i = 0; i < n; i++) {
            poolFee[i] = models[i].poolFee;
            hostingShare[i] = models[i].hostingPerDay;
        }
        int[] splitSlot = new int[days];
        int splitDays = 0;
        for (int d = 0; d < days; d++) {
            splitSlot[d] = w.split[d] == null ? -1 : splitDays++;
        }
        GroupSeries series = detail == GroupDetail.DAILY
                ? new GroupSeries(n, days, w.price, poolFee, hostingShare, splitSlot, splitDays)
                : null;
        double[] btcPerHash = w.btcPerHash, usdPerHash = w.usdPerHash;
        double[] out = new double[GroupModel.SIZE];
        double[] part = new double[GroupModel.SIZE];
        double[] scratch = new double[1];
        List<ProjectionResult.GroupOutcome> outcomes = new ArrayList<>(n);

        for (int i = 0; i < n; i++) {
            GroupModel m = models[i];
            PowerWindow[] windows = w.windows[m.site];
            double[] site = siteProfit[m.site];
            double purchase = purchaseCost(m.spec);
            double gBtc = 0, gRev = 0, gFee = 0, gPower = 0, gHosting = 0, gProfit = 0, gHours = 0;
            double payback = Double.NaN;
            int unprofitable = -1, switchOff = -1, daysOff = 0, firstOff = -1;
            for (int d = 0; d < days; d++) {
                Split split = w.split[d];
                if (split == null) {
                    m.day(btcPerHash[d], usdPerHash[d], windows[d], 1, policy, out, scratch);
                } else {
                    m.parts(split, policy, out, part, scratch);
                }
                double p = out[GroupModel.PROFIT];
                double hours = out[GroupModel.HOURS];
                if (series != null) {
                    series.set(i, d, out[GroupModel.BTC], out[GroupModel.REVENUE], out[GroupModel.POWER], hours);
                }
                btc[d] += out[GroupModel.BTC];
                rev[d] += out[GroupModel.REVENUE];
                fee[d] += out[GroupModel.POOL_FEE];
                power[d] += out[GroupModel.POWER];
                hosting[d] += out[GroupModel.HOSTING];
                profit[d] += p;
                site[d] += p;
                gBtc += out[GroupModel.BTC];
                gRev += out[GroupModel.REVENUE];
                gFee += out[GroupModel.POOL_FEE];
                gPower += out[GroupModel.POWER];
                gHosting += out[GroupModel.HOSTING];
                gHours += hours;
                double before = gProfit;
                gProfit = before + p;
                if (out[GroupModel.RUNNING_PROFIT] < 0 && unprofitable < 0) {
                    unprofitable = d;
                }
                if (out[GroupModel.SWITCH_OFF] != 0 && switchOff < 0) {
                    switchOff = d;
                }
                if (hours == 0) {
                    switchedOff[d]++;
                    if (daysOff++ == 0) {
                        firstOff = d;
                    }
                }
                if (Double.isNaN(payback) && purchase > 0 && gProfit >= purchase && p > 0) {
                    payback = d + Math.max(0, purchase - before) / p;
                }
            }
            outcomes.add(new ProjectionResult.GroupOutcome(m.spec.id(), gBtc, gRev, gFee, gPower, gHosting, gProfit,
                    gHours, unprofitable, switchOff, payback, daysOff, firstOff));
        }

        double cum = 0;
        for (int d = 0; d < days; d++) {
            cum += profit[d];
            cumulative[d] = cum;
        }
        return new ProjectionResult(asOf, scenario, w.fees, days, btc, rev, fee, power, hosting, profit, cumulative,
                w.difficulty, w.price, w.height, siteProfit, switchedOff, List.copyOf(w.events), List.copyOf(outcomes),
                Money.sum(btc, rev, fee, power, hosting, profit, 0, days), series);
    }

    /** The group's purchase cost, or NaN when there is none (null or 0: no payback figure). */
    static double purchaseCost(RigGroupSpec spec) {
        Double p = spec.purchaseUsd();
        return p == null || !(p > 0) ? Double.NaN : p;
    }
}
