package io.hashdesk.economics;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Price risk (docs/economics.md, "Price paths"): simulated BTC price paths around the scenario's drift,
 * with the scenario's deterministic difficulty, fees and halving on every path, and the scenario's
 * operating policy.
 *
 * <p><b>Paths.</b> Path {@code k}'s price on day {@code d} is the deterministic projection's average
 * price of that day times {@code X[k][d] = exp(sum over d daily steps of (s Z - s^2 / 2))}, with
 * {@code s = sigma / sqrt(365)} and {@code Z} standard normal: docs/economics.md's recursion
 * {@code price(t+1) = price(t) exp(m - s^2/2 + s Z)}, whose drift {@code m = ln(1+p)/30} is already in
 * the deterministic path; day 0 is today's known price ({@code X = 1}). The mean path equals the
 * deterministic one, and with {@code sigma = 0} every path is the deterministic projection.
 * {@code Z} comes from {@link SplittableRandom} (path {@code k} uses the k-th {@code split()} of a
 * generator seeded with the seed, so a path does not depend on how many others are drawn) via the
 * Box-Muller transform in {@link StrictMath}: the same seed gives the same bands on every JVM.
 *
 * <p><b>Fleet bands, exactly, without a loop over groups per path</b> ({@link FleetBands}). On a day, a group's profit is
 * piecewise linear in the path's USD per hash {@code y = X * usdPerHash}: each "piece" (the whole day
 * of a non-curtailing group, or one price level of a curtailing group's tariff) contributes
 * {@code max(y * a - b, 0)}; a group kept running under "keep everything running" contributes
 * {@code y * a - b}; hosting is a constant. So the pieces are sorted by their switch-on point
 * {@code b / a} once per distinct combination of the sites' power windows (they recur weekly), with
 * prefix sums of {@code a} and {@code b}; each path's day is a binary search and two multiply-adds.
 *
 * <p><b>Per-group payback, exactly, vectorised over paths</b> ({@link PaybackOdds}). A group's payback needs its own
 * cumulative profit on every path. It is computed group by group over blocks of paths that fit the
 * CPU cache, the inner loop running over paths (independent, branch-free, so the JIT can vectorise it),
 * and a path's payback day is found by re-scanning a block of days only on a path that ends the block
 * close enough below the purchase cost to have crossed it inside the block. A block of paths whose
 * day-by-day upper envelope cannot pay back is skipped. The cost is one multiply-add per piece, group, day
 * and path for groups with a purchase cost.
 */
public final class PriceRisk {

    public static final int DEFAULT_PATHS = 1000;
    public static final int MAX_PATHS = 10_000;
    /**
     * Paths x days simulated in one run at most: the price factors take 8 bytes each (64 MB at this bound),
     * so 10,000 paths reach 800 days and the longest horizon (1,500 days) 5,333 paths.
     */
    public static final long MAX_PATH_DAYS = 8_000_000L;
    public static final double DEFAULT_VOLATILITY_PERCENT = 55;
    public static final double MAX_VOLATILITY_PERCENT = 200;
    public static final long DEFAULT_SEED = 20_090_103L;

    /** Paths per block in the per-group pass: 64 paths x 730 days of doubles fit in a 1 MB L2 cache. */
    static final int CHUNK = 64;

    private PriceRisk() {
    }

    /**
     * @param paths number of simulated price paths, 1..{@value #MAX_PATHS}
     * @param volatilityPercent annualised volatility of the BTC price, in percent, 0..{@value #MAX_VOLATILITY_PERCENT}
     * @param seed seed of the generator (same seed, same bands)
     */
    public record Options(int paths, double volatilityPercent, long seed) {
        public Options {
            if (paths < 1 || paths > MAX_PATHS) {
                throw new IllegalArgumentException("paths must be between 1 and " + MAX_PATHS);
            }
            if (!(volatilityPercent >= 0 && volatilityPercent <= MAX_VOLATILITY_PERCENT)) {
                throw new IllegalArgumentException("volatilityPercent must be between 0 and " + MAX_VOLATILITY_PERCENT);
            }
        }

        /** The most paths a run over this many days may simulate ({@link #MAX_PATH_DAYS}). */
        public static int maxPaths(int days) {
            return (int) Math.min(MAX_PATHS, MAX_PATH_DAYS / Math.max(1, days));
        }

        public static Options defaults() {
            return new Options(DEFAULT_PATHS, DEFAULT_VOLATILITY_PERCENT, DEFAULT_SEED);
        }
    }

    /**
     * One group's payback across the paths.
     *
     * @param paybackProbability share of paths on which cumulative profit reaches the purchase cost within
     *        the horizon (0..1); NaN without a purchase cost (null or 0)
     * @param medianPaybackDay median over all paths of the (fractional) payback day, a path that does not
     *        pay back counting as later than the horizon; NaN when half the paths or more do not pay back
     *        (or without a purchase cost)
     */
    public record GroupRisk(long rigId, double paybackProbability, double medianPaybackDay) {
    }

    /**
     * Percentile bands per day (P10, P50, P90 across paths, linearly interpolated between order statistics).
     *
     * @param probabilityPositive share of paths whose fleet cumulative profit is above 0 at the horizon
     * @param groups per rig group, in the fleet's order
     */
    public record Result(Options options, OperatingPolicy policy, int days, double[] profitP10, double[] profitP50,
            double[] profitP90, double[] cumulativeP10, double[] cumulativeP50, double[] cumulativeP90,
            double probabilityPositive, List<GroupRisk> groups) {

        /** Approximate heap size, bytes (for memory-bounded caches). */
        public long sizeBytes() {
            return 6L * 8 * days + 48L * groups.size() + 256;
        }

        /**
         * How far the median price path lies below the base case (the mean path) after the horizon's days, in
         * percent: {@code 1 - exp(-s^2 t / 2)} with {@code s = sigma / sqrt(365)}. The median of log-normal
         * paths lies below their mean, so the P50 band sits below the base case by price alone
         * (3.7 % at 90 days and 14 % at a year at 55 % volatility).
         */
        public double medianPathBelowBasePercent() {
            double s = options.volatilityPercent() / 100 / Math.sqrt(365);
            return 100 * (1 - Math.exp(-s * s * days / 2));
        }
    }


    public static Result run(Fleet fleet, NetworkState network, Scenario scenario, Instant asOf, Options options) {
        Projection.Days w = Projection.walk(fleet, network, scenario, asOf);
        GroupModel[] models = GroupModel.of(fleet);
        int days = w.count;
        int paths = options.paths();
        int chunks = (paths + CHUNK - 1) / CHUNK;
        double[] x = factors(options, days, chunks);
        OperatingPolicy policy = scenario.policy();
        FleetBands fleetBands = FleetBands.run(models, w, x, paths, policy, fleet.sites().size());
        List<GroupRisk> groups = PaybackOdds.run(models, w, x, paths, chunks, policy);
        double[][] bands = fleetBands.bands();
        return new Result(options, policy, days, bands[0], bands[1], bands[2], bands[3], bands[4], bands[5],
                fleetBands.positive() / (double) paths, groups);
    }

    /** Each part's share of the day's USD per hash: a path's factor scales the whole day, so every part alike. */
    static double[] weights(Projection.Split split, double usdPerHashDay) {
        double[] out = new double[split.count];
        for (int p = 0; p < split.count; p++) {
            out[p] = usdPerHashDay > 0 ? split.usdPerHash[p] / usdPerHashDay : split.dayFraction[p];
        }
        return out;
    }

    /** Layout of the factors: blocks of {@value #CHUNK} paths, day-major inside a block. */
    static int index(int path, int day, int days) {
        int c = path / CHUNK;
        return (c * days + day) * CHUNK + path % CHUNK;
    }

    /** The price factors X of every path and day (1 on day 0), laid out as {@link #index}. */
    static double[] factors(Options options, int days, int chunks) {
        double[] x = new double[chunks * days * CHUNK];
        double s = options.volatilityPercent() / 100 / StrictMath.sqrt(365);
        double drift = -s * s / 2;
        SplittableRandom root = new SplittableRandom(options.seed());
        for (int k = 0; k < options.paths(); k++) {
            SplittableRandom r = root.split();
            double logX = 0;
            x[index(k, 0, days)] = 1;
            double spare = Double.NaN;
            for (int d = 1; d < days; d++) {
                double z;
                if (!Double.isNaN(spare)) {
                    z = spare;
                    spare = Double.NaN;
                } else {
                    // Box-Muller: two independent standard normals from two uniforms in (0, 1].
                    double u1 = 1 - r.nextDouble();
                    double u2 = r.nextDouble();
                    double radius = StrictMath.sqrt(-2 * StrictMath.log(u1));
                    double angle = 2 * Math.PI * u2;
                    z = radius * StrictMath.cos(angle);
                    spare = radius * StrictMath.sin(angle);
                }
                logX += drift + s * z;
                x[index(k, d, days)] = s == 0 ? 1 : StrictMath.exp(logX);
            }
        }
        return x;
    }

    /** Linear interpolation between order statistics of the first n sorted values (NaN sorts last). */
    static double percentile(double[] sorted, int n, double q) {
        double pos = q * (n - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(n - 1, lo + 1);
        double frac = pos - lo;
        double a = sorted[lo], b = sorted[hi];
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.NaN;
        }
        return frac == 0 ? a : a + (b - a) * frac;
    }
}
