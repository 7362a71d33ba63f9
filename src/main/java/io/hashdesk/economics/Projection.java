package io.hashdesk.economics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The day-by-day projection of docs/economics.md: price and network hashrate move by the scenario's
 * compounded rates; the next retarget happens at the live estimate's date and height, later ones
 * when the modelled height reaches each epoch's end (difficulty follows the hashrate, clamped x4);
 * the subsidy halves at each halving height; a day in which a retarget or halving falls is split
 * pro rata at that moment.
 */
public final class Projection {

    private static final double SECONDS_PER_DAY = 86_400;

    private final Fleet fleet;
    private final Scenario scenario;
    private final double fees;
    private final double price0;
    private final double priceRate;
    private final double hashRate;
    /** Network hashrate at asOf, expressed as the difficulty that would find blocks every 600 s. */
    private final double hashDifficulty0;

    // The chain as the projection walks it.
    private double difficulty;
    private double height;
    private double t;
    private boolean firstRetargetDone;
    private final double firstRetargetAt;
    private final long firstRetargetHeight;
    private final double firstRetargetChange;
    private double epochStartAt;
    private long nextRetargetHeight;
    private long nextHalvingHeight;

    private Projection(Fleet fleet, NetworkState net, Scenario scenario, Instant asOf) {
        this.fleet = fleet;
        this.scenario = scenario;
        this.fees = scenario.feesPerBlockBtc() != null ? scenario.feesPerBlockBtc() : net.feesPerBlockBtc();
        this.price0 = net.priceUsd();
        this.priceRate = 1 + scenario.priceDriftPercent() / 100;
        this.hashRate = 1 + scenario.hashrateGrowthPercent() / 100;
        this.hashDifficulty0 = net.difficulty() * (1 + net.nextChangePercent() / 100);
        this.difficulty = net.difficulty();
        this.height = net.height();
        this.t = 0;
        double untilRetarget = net.nextRetargetAt() == null ? 0
                : (net.nextRetargetAt().toEpochMilli() - asOf.toEpochMilli()) / 1000.0 / SECONDS_PER_DAY;
        // An overdue estimate (its date already past at day 0): the retarget has not happened, so day 0 keeps
        // today's difficulty (as today's figures do) and the retarget applies at the end of day 0.
        this.firstRetargetAt = net.retargetOverdue(asOf) ? 1 : Math.max(0, untilRetarget);
        this.firstRetargetHeight = net.nextRetargetHeight();
        this.firstRetargetChange = net.nextChangePercent();
        this.nextRetargetHeight = net.nextRetargetHeight();
        this.nextHalvingHeight = Consensus.nextHalvingHeight(net.height());
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

    static Days walk(Fleet fleet, NetworkState network, Scenario scenario, Instant asOf) {
        return new Projection(fleet, network, scenario, asOf).walk(asOf);
    }

    private Days walk(Instant asOf) {
        int days = scenario.days();
        int sites = fleet.sites().size();
        Days out = new Days(days, fees, sites);
        PowerWindow.Source[] sources = new PowerWindow.Source[sites];
        for (int s = 0; s < sites; s++) {
            sources[s] = new PowerWindow.Source(fleet.sites().get(s));
        }
        long start = asOf.getEpochSecond();
        for (int d = 0; d < days; d++) {
            out.difficulty[d] = difficulty;
            // Walk the day in segments cut at retargets and halvings.
            double btcPerHash = 0, usdPerHash = 0;
            double end = d + 1;
            int parts = 0;
            while (t < end) {
                double retargetAt = nextRetargetAt();
                double halvingAt = nextHalvingAt();
                double eventAt = Math.min(retargetAt, halvingAt);
                double next = Math.min(end, eventAt);
                double perHash = RigEconomics.btcPerHashDay(difficulty, rewardAt()) * (next - t);
                double usd = perHash * averagePrice(t, next);
                btcPerHash += perHash;
                usdPerHash += usd;
                if (next > t && parts == partBtc.length) {
                    partTo[parts - 1] = next;
                    partBtc[parts - 1] += perHash;
                    partUsd[parts - 1] += usd;
                } else if (next > t) {
                    partFrom[parts] = t;
                    partTo[parts] = next;
                    partBtc[parts] = perHash;
                    partUsd[parts++] = usd;
                }
                height = heightAt(next);
                t = next;
                if (next == eventAt) {
                    if (retargetAt == eventAt) {
                        retarget(out.events);
                    }
                    if (halvingAt == eventAt) {
                        halving(out.events);
                    }
                }
            }
            out.btcPerHash[d] = btcPerHash;
            out.usdPerHash[d] = usdPerHash;
            out.price[d] = btcPerHash > 0 ? usdPerHash / btcPerHash : price0 * Math.pow(priceRate, (d + 0.5) / 30);
            out.height[d] = height;
            for (int s = 0; s < sites; s++) {
                out.windows[s][d] = sources[s].window(start + (long) d * 86_400);
            }
            if (parts > 1) {
                out.split[d] = split(parts, sources, start);
            }
        }
        return out;
    }

    // The parts of the day being walked (a day holds a handful of events at most; more are merged into the last).
    private final double[] partFrom = new double[8], partTo = new double[8], partBtc = new double[8],
            partUsd = new double[8];

    private Split split(int parts, PowerWindow.Source[] sources, long start) {
        double[] btc = java.util.Arrays.copyOf(partBtc, parts);
        double[] usd = java.util.Arrays.copyOf(partUsd, parts);
        double[] fraction = new double[parts];
        PowerWindow[][] windows = new PowerWindow[sources.length][parts];
        for (int p = 0; p < parts; p++) {
            fraction[p] = partTo[p] - partFrom[p];
            long from = start + Math.round(partFrom[p] * SECONDS_PER_DAY);
            long to = start + Math.round(partTo[p] * SECONDS_PER_DAY);
            for (int s = 0; s < sources.length; s++) {
                windows[s][p] = sources[s].window(from, Math.max(from + 1, to));
            }
        }
        return new Split(btc, usd, fraction, windows);
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
        double tBtc = 0, tRev = 0, tFee = 0, tPower = 0, tHosting = 0, tProfit = 0;
        for (int d = 0; d < days; d++) {
            cum += profit[d];
            cumulative[d] = cum;
            tBtc += btc[d];
            tRev += rev[d];
            tFee += fee[d];
            tPower += power[d];
            tHosting += hosting[d];
            tProfit += profit[d];
        }
        return new ProjectionResult(asOf, scenario, w.fees, days, btc, rev, fee, power, hosting, profit, cumulative,
                w.difficulty, w.price, w.height, siteProfit, switchedOff, List.copyOf(w.events), List.copyOf(outcomes),
                new ProjectionResult.Totals(tBtc, tRev, tFee, tPower, tHosting, tProfit), series);
    }

    /** The group's purchase cost, or NaN when there is none (null or 0: no payback figure). */
    static double purchaseCost(RigGroupSpec spec) {
        Double p = spec.purchaseUsd();
        return p == null || !(p > 0) ? Double.NaN : p;
    }

    private double rewardAt() {
        return Consensus.subsidyBtc((long) Math.floor(height + 1e-9)) + fees;
    }

    /** Average price over [a, b] days, from the compounded drift. */
    private double averagePrice(double a, double b) {
        if (priceRate == 1 || b <= a) {
            return price0 * (priceRate == 1 ? 1 : Math.pow(priceRate, a / 30));
        }
        double ln = Math.log(priceRate);
        return price0 * 30 / ln * (Math.pow(priceRate, b / 30) - Math.pow(priceRate, a / 30)) / (b - a);
    }

    /** ∫ (1+g)^(τ/30) dτ over [a, b]. */
    private double growthIntegral(double a, double b) {
        if (hashRate == 1) {
            return b - a;
        }
        double ln = Math.log(hashRate);
        return 30 / ln * (Math.pow(hashRate, b / 30) - Math.pow(hashRate, a / 30));
    }

    /** Blocks per day at time τ are {@code blocksPerDayFactor() * (1+g)^(τ/30)} within the current epoch. */
    private double blocksPerDayFactor() {
        return 144 * hashDifficulty0 / difficulty;
    }

    /** The modelled height at time {@code at} (>= t), without passing an event. */
    private double heightAt(double at) {
        if (!firstRetargetDone) {
            if (firstRetargetAt <= t) {
                return firstRetargetHeight;
            }
            return height + (firstRetargetHeight - height) * (at - t) / (firstRetargetAt - t);
        }
        return height + blocksPerDayFactor() * growthIntegral(t, at);
    }

    /** When the modelled height reaches {@code target}, or +infinity if it never does. */
    private double timeOfHeight(double target) {
        if (target <= height) {
            return t;
        }
        if (!firstRetargetDone) {
            if (target >= firstRetargetHeight) {
                return firstRetargetAt;
            }
            return t + (firstRetargetAt - t) * (target - height) / (firstRetargetHeight - height);
        }
        double x = (target - height) / blocksPerDayFactor();
        if (hashRate == 1) {
            return t + x;
        }
        double ln = Math.log(hashRate);
        double arg = Math.pow(hashRate, t / 30) + x * ln / 30;
        return arg > 0 ? 30 * Math.log(arg) / ln : Double.POSITIVE_INFINITY;
    }

    private double nextRetargetAt() {
        return firstRetargetDone ? timeOfHeight(nextRetargetHeight) : firstRetargetAt;
    }

    private double nextHalvingAt() {
        if (!firstRetargetDone && nextHalvingHeight >= firstRetargetHeight) {
            return Double.POSITIVE_INFINITY; // after the first retarget: timed once the epoch model applies
        }
        return timeOfHeight(nextHalvingHeight);
    }

    private void retarget(List<ProjectionResult.Event> events) {
        double change;
        long at;
        if (!firstRetargetDone) {
            change = firstRetargetChange;
            at = firstRetargetHeight;
            difficulty = difficulty * (1 + change / 100);
            firstRetargetDone = true;
        } else {
            // The epoch's average hashrate against its difficulty is 14 days over the epoch's length.
            double factor = retargetFactor(t - epochStartAt);
            change = (factor - 1) * 100;
            at = nextRetargetHeight;
            difficulty *= factor;
        }
        height = at;
        epochStartAt = t;
        nextRetargetHeight = at + Consensus.EPOCH_BLOCKS;
        events.add(new ProjectionResult.Event(ProjectionResult.EventKind.RETARGET, t, at, change));
    }

    /** Difficulty factor of a retarget after an epoch of {@code spanDays}: 14 days over the span, clamped x4. */
    static double retargetFactor(double spanDays) {
        double factor = spanDays > 0 ? 14.0 / spanDays : Consensus.MAX_RETARGET_FACTOR;
        return Math.max(1 / Consensus.MAX_RETARGET_FACTOR, Math.min(Consensus.MAX_RETARGET_FACTOR, factor));
    }

    private void halving(List<ProjectionResult.Event> events) {
        height = Math.max(height, nextHalvingHeight);
        events.add(new ProjectionResult.Event(ProjectionResult.EventKind.HALVING, t, nextHalvingHeight, -50));
        nextHalvingHeight += Consensus.HALVING_INTERVAL;
    }

}
