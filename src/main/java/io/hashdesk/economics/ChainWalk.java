package io.hashdesk.economics;

import java.time.Instant;
import java.util.List;

/**
 * The chain as a projection walks it, day by day from day 0 (docs/economics.md, Projection): price and
 * network hashrate move by the scenario's compounded rates; the next retarget happens at the live
 * estimate's date and height, later ones when the modelled height reaches each epoch's end (difficulty
 * follows the hashrate, clamped x4); the subsidy halves at each halving height; a day in which a retarget
 * or halving falls is split into parts at that moment. What it yields ({@link Projection.Days}) is
 * independent of the rig groups: the projection and the price paths of {@link PriceRisk} read it.
 */
final class ChainWalk {

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

    private ChainWalk(Fleet fleet, NetworkState net, Scenario scenario, Instant asOf) {
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

    static Projection.Days walk(Fleet fleet, NetworkState network, Scenario scenario, Instant asOf) {
        return new ChainWalk(fleet, network, scenario, asOf).walk(asOf);
    }

    private Projection.Days walk(Instant asOf) {
        int days = scenario.days();
        int sites = fleet.sites().size();
        Projection.Days out = new Projection.Days(days, fees, sites);
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

    private Projection.Split split(int parts, PowerWindow.Source[] sources, long start) {
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
        return new Projection.Split(btc, usd, fraction, windows);
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
