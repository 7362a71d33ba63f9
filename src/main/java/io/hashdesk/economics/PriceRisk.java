package io.hashdesk.economics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * <p><b>Fleet bands, exactly, without a loop over groups per path.</b> On a day, a group's profit is
 * piecewise linear in the path's USD per hash {@code y = X * usdPerHash}: each "piece" (the whole day
 * of a non-curtailing group, or one price level of a curtailing group's tariff) contributes
 * {@code max(y * a - b, 0)}; a group kept running under "keep everything running" contributes
 * {@code y * a - b}; hosting is a constant. So the pieces are sorted by their switch-on point
 * {@code b / a} once per distinct combination of the sites' power windows (they recur weekly), with
 * prefix sums of {@code a} and {@code b}; each path's day is a binary search and two multiply-adds.
 *
 * <p><b>Per-group payback, exactly, vectorised over paths.</b> A group's payback needs its own
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
    /** Days per block before a running maximum is checked for a crossing. */
    private static final int BLOCK_DAYS = 32;

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

        // Fleet bands.
        double hostingTotal = 0;
        for (GroupModel m : models) {
            hostingTotal += m.hostingPerDay;
        }
        Map<List<PowerWindow>, Sorted> bySignature = new HashMap<>();
        int sites = fleet.sites().size();
        double[] cum = new double[paths];
        double[] dayProfit = new double[paths];
        double[] sorted = new double[paths];
        double[][] bands = new double[6][days];
        for (int d = 0; d < days; d++) {
            PowerWindow[] sig = new PowerWindow[sites];
            for (int s = 0; s < sites; s++) {
                sig[s] = w.windows[s][d];
            }
            double usd = w.usdPerHash[d];
            Projection.Split split = w.split[d];
            Sorted pieces = split == null
                    ? bySignature.computeIfAbsent(Arrays.asList(sig), k -> Sorted.of(models, whole(sig), WHOLE, policy))
                    : Sorted.of(models, split.windows, weights(split, usd), policy);
            for (int k = 0; k < paths; k++) {
                double y = x[index(k, d, days)] * usd;
                int i = upperBound(pieces.keys, y);
                double p = y * (pieces.linearA + pieces.prefixA[i]) - (pieces.linearB + pieces.prefixB[i]) - hostingTotal;
                dayProfit[k] = p;
                cum[k] += p;
            }
            bands(dayProfit, sorted, bands[0], bands[1], bands[2], d);
            bands(cum, sorted, bands[3], bands[4], bands[5], d);
        }
        int positive = 0;
        for (int k = 0; k < paths; k++) {
            if (cum[k] > 0) {
                positive++;
            }
        }

        // Per-group payback. A day's profit never falls when the price rises, so a group that cannot pay back
        // on a block's upper envelope (the highest factor of its paths, day by day) pays back on none of them.
        double[] envelope = new double[chunks * days];
        for (int c = 0; c < chunks; c++) {
            int n = Math.min(CHUNK, paths - c * CHUNK);
            for (int d = 0; d < days; d++) {
                int at = (c * days + d) * CHUNK;
                double top = 0;
                for (int k = 0; k < n; k++) {
                    top = Math.max(top, x[at + k]);
                }
                envelope[c * days + d] = top;
            }
        }
        List<GroupRisk> groups = new ArrayList<>(models.length);
        double[] payDays = new double[paths];
        Payback payback = new Payback(days);
        for (GroupModel m : models) {
            double purchase = Projection.purchaseCost(m.spec);
            if (Double.isNaN(purchase)) {
                groups.add(new GroupRisk(m.spec.id(), Double.NaN, Double.NaN));
                continue;
            }
            payback.prepare(m, w, policy);
            int paid = 0;
            for (int c = 0; c < chunks; c++) {
                int from = c * CHUNK;
                int n = Math.min(CHUNK, paths - from);
                if (!payback.reachable(envelope, c * days, purchase, m.hostingPerDay)) {
                    Arrays.fill(payDays, from, from + n, Double.NaN); // not even on the block's best path
                    continue;
                }
                paid += payback.run(x, c * days * CHUNK, n, purchase, m.hostingPerDay, payDays, from);
            }
            double median = Double.NaN;
            if (2 * paid > paths) {
                Arrays.sort(payDays, 0, paths); // NaN (no payback) sorts last
                median = percentile(payDays, paths, 0.5);
            }
            groups.add(new GroupRisk(m.spec.id(), paid / (double) paths, median));
        }
        return new Result(options, policy, days, bands[0], bands[1], bands[2], bands[3], bands[4], bands[5],
                positive / (double) paths, List.copyOf(groups));
    }

    private static final double[] WHOLE = { 1 };

    /** A whole day's windows as one part per site. */
    private static PowerWindow[][] whole(PowerWindow[] sig) {
        PowerWindow[][] out = new PowerWindow[sig.length][];
        for (int s = 0; s < sig.length; s++) {
            out[s] = new PowerWindow[] { sig[s] };
        }
        return out;
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

    /** The number of keys at or below {@code y} (keys ascending). */
    private static int upperBound(double[] keys, double y) {
        int lo = 0, hi = keys.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] <= y) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void bands(double[] values, double[] scratch, double[] p10, double[] p50, double[] p90, int d) {
        int n = values.length;
        System.arraycopy(values, 0, scratch, 0, n);
        Arrays.sort(scratch, 0, n);
        p10[d] = percentile(scratch, n, 0.1);
        p50[d] = percentile(scratch, n, 0.5);
        p90[d] = percentile(scratch, n, 0.9);
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

    /**
     * One day's pieces of the whole fleet for one combination of power windows, sorted by switch-on point
     * in USD per hash ({@code key = b / a}), with prefix sums of {@code a} (USD per unit of USD-per-hash)
     * and {@code b} (USD).
     */
    private static final class Sorted {
        final double[] keys;
        final double[] prefixA;
        final double[] prefixB;
        final double linearA;
        final double linearB;

        private Sorted(double[] keys, double[] prefixA, double[] prefixB, double linearA, double linearB) {
            this.keys = keys;
            this.prefixA = prefixA;
            this.prefixB = prefixB;
            this.linearA = linearA;
            this.linearB = linearB;
        }

        /**
         * @param windows per site, the power window of each part of the day (one part for a whole day)
         * @param weights each part's share of the day's USD per hash (1 for a whole day)
         */
        static Sorted of(GroupModel[] models, PowerWindow[][] windows, double[] weights, OperatingPolicy policy) {
            int cap = 0;
            for (GroupModel m : models) {
                for (PowerWindow pw : windows[m.site]) {
                    cap += m.curtail ? pw.rates.length : 1;
                }
            }
            double[] a = new double[cap], b = new double[cap], keys = new double[cap];
            int n = 0;
            double linA = 0, linB = 0;
            for (GroupModel m : models) {
                for (int p = 0; p < weights.length; p++) {
                    PowerWindow pw = windows[m.site][p];
                    double unit = m.hashrate * (1 - m.poolFee) * weights[p];
                    if (m.curtail) {
                        for (int j = 0; j < pw.rates.length; j++) {
                            double aj = unit * pw.hours[j] / pw.length;
                            double bj = m.kwhPerHour * pw.rates[j] * pw.hours[j];
                            n = add(a, b, keys, n, aj, bj);
                        }
                    } else if (policy == OperatingPolicy.KEEP_RUNNING) {
                        linA += unit;
                        linB += m.kwhPerHour * pw.rateHours;
                    } else {
                        n = add(a, b, keys, n, unit, m.kwhPerHour * pw.rateHours);
                    }
                }
            }
            sort(keys, a, b, 0, n - 1);
            double[] pa = new double[n + 1], pb = new double[n + 1];
            for (int i = 0; i < n; i++) {
                pa[i + 1] = pa[i] + a[i];
                pb[i + 1] = pb[i] + b[i];
            }
            return new Sorted(Arrays.copyOf(keys, n), pa, pb, linA, linB);
        }

        private static int add(double[] a, double[] b, double[] keys, int n, double ai, double bi) {
            if (!(ai > 0)) {
                return n; // hashes nothing: never earns, and draws nothing either (uptime 0)
            }
            a[n] = ai;
            b[n] = bi;
            keys[n] = bi / ai;
            return n + 1;
        }

        /** Quicksort of keys, carrying a and b along. */
        private static void sort(double[] k, double[] a, double[] b, int lo, int hi) {
            while (lo < hi) {
                if (hi - lo < 16) {
                    for (int i = lo + 1; i <= hi; i++) {
                        for (int j = i; j > lo && k[j - 1] > k[j]; j--) {
                            swap(k, a, b, j, j - 1);
                        }
                    }
                    return;
                }
                double pivot = k[(lo + hi) >>> 1];
                int i = lo, j = hi;
                while (i <= j) {
                    while (k[i] < pivot) {
                        i++;
                    }
                    while (k[j] > pivot) {
                        j--;
                    }
                    if (i <= j) {
                        swap(k, a, b, i++, j--);
                    }
                }
                if (j - lo < hi - i) {
                    sort(k, a, b, lo, j);
                    lo = i;
                } else {
                    sort(k, a, b, i, hi);
                    hi = j;
                }
            }
        }

        private static void swap(double[] k, double[] a, double[] b, int i, int j) {
            double t = k[i];
            k[i] = k[j];
            k[j] = t;
            t = a[i];
            a[i] = a[j];
            a[j] = t;
            t = b[i];
            b[i] = b[j];
            b[j] = t;
        }
    }

    /** One group's cumulative profit on a block of paths, and the day each path pays back. */
    private static final class Payback {
        // The group's pieces per day: piece j of day d is (a[d * maxPieces + j], b[...]) in USD per unit of
        // the path factor X; pieceCount[d] of them; linear (kept running) when linear is set.
        private final int days;
        private double[] a = new double[0];
        private double[] b = new double[0];
        private final int[] count;
        private int stride;
        private boolean linear;
        private final double[] cum = new double[CHUNK];
        private final double[] start = new double[CHUNK];
        /** The largest daily power cost of the group (a kept-running group's worst day loses it plus hosting). */
        private double maxB;
        private final double[] day = new double[CHUNK];

        Payback(int days) {
            this.days = days;
            this.count = new int[days];
        }

        void prepare(GroupModel m, Projection.Days w, OperatingPolicy policy) {
            PowerWindow[] windows = w.windows[m.site];
            linear = !m.curtail && policy == OperatingPolicy.KEEP_RUNNING;
            int most = 1;
            for (int d = 0; d < days; d++) {
                most = Math.max(most, pieces(m, windows[d], w.split[d]));
            }
            stride = most;
            if (a.length < days * most) {
                a = new double[days * most];
                b = new double[days * most];
            }
            maxB = 0;
            double unit = m.hashrate * (1 - m.poolFee);
            for (int d = 0; d < days; d++) {
                double usd = w.usdPerHash[d];
                Projection.Split split = w.split[d];
                int n = 0;
                if (split == null) {
                    n = add(m, windows[d], unit * usd, d * most, n);
                } else {
                    double[] weights = weights(split, usd);
                    for (int p = 0; p < split.count; p++) {
                        n = add(m, split.windows[m.site][p], unit * usd * weights[p], d * most, n);
                    }
                }
                count[d] = n;
                if (!m.curtail) {
                    maxB = Math.max(maxB, linear ? b[d * most] : max(b, d * most, n));
                }
            }
        }

        /** How many pieces a day of the group has (a kept-running group's parts add up into one). */
        private int pieces(GroupModel m, PowerWindow whole, Projection.Split split) {
            if (linear) {
                return 1;
            }
            if (split == null) {
                return m.curtail ? whole.rates.length : 1;
            }
            int n = 0;
            for (int p = 0; p < split.count; p++) {
                n += m.curtail ? split.windows[m.site][p].rates.length : 1;
            }
            return n;
        }

        /** Adds the pieces of one window earning {@code earns} USD per unit of the path factor, from slot {@code n}. */
        private int add(GroupModel m, PowerWindow pw, double earns, int at, int n) {
            if (m.curtail) {
                for (int j = 0; j < pw.rates.length; j++) {
                    a[at + n] = earns * pw.hours[j] / pw.length;
                    b[at + n++] = m.kwhPerHour * pw.rates[j] * pw.hours[j];
                }
                return n;
            }
            if (linear) {
                a[at] = (n == 0 ? 0 : a[at]) + earns;
                b[at] = (n == 0 ? 0 : b[at]) + m.kwhPerHour * pw.rateHours;
                return 1;
            }
            a[at + n] = earns;
            b[at + n++] = m.kwhPerHour * pw.rateHours;
            return n;
        }

        private static double max(double[] v, int from, int n) {
            double top = 0;
            for (int i = from; i < from + n; i++) {
                top = Math.max(top, v[i]);
            }
            return top;
        }

        /**
         * Runs n paths whose factors start at {@code base} (day-major, {@value #CHUNK} per day); writes each
         * path's payback day (NaN when it does not pay back) to {@code out[from + k]}.
         *
         * @return how many of the n paths pay back within the horizon
         */
        int run(double[] x, int base, int n, double purchase, double hosting, double[] out, int from) {
            Arrays.fill(cum, 0);
            Arrays.fill(out, from, from + n, Double.NaN);
            // A path whose cumulative profit reached the purchase cost inside a block ends the block at most
            // BLOCK_DAYS days of the worst daily loss below it: only those paths are re-scanned, exactly.
            double worstLoss = hosting + (linear ? maxB : 0);
            double filter = purchase - BLOCK_DAYS * worstLoss - Math.abs(purchase) * 1e-12 - 1e-9;
            int paid = 0;
            for (int d0 = 0; d0 < days && paid < n; d0 += BLOCK_DAYS) {
                int d1 = Math.min(days, d0 + BLOCK_DAYS);
                System.arraycopy(cum, 0, start, 0, n);
                for (int d = d0; d < d1; d++) {
                    int at = base + d * CHUNK;
                    if (!linear && count[d] == 1) {
                        // The common case (one piece a day) in one pass.
                        double a0 = a[d * stride], b0 = b[d * stride];
                        for (int k = 0; k < n; k++) {
                            double v = x[at + k] * a0 - b0;
                            cum[k] += -hosting + (v + Math.abs(v)) * 0.5;
                        }
                        continue;
                    }
                    dayProfit(x, at, d, n, hosting, day);
                    for (int k = 0; k < n; k++) {
                        cum[k] += day[k];
                    }
                }
                for (int k = 0; k < n; k++) {
                    if (cum[k] >= filter && Double.isNaN(out[from + k])) {
                        double at = crossing(x, base, k, d0, d1, start[k], purchase, hosting);
                        if (!Double.isNaN(at)) {
                            out[from + k] = at;
                            paid++;
                        }
                    }
                }
            }
            return paid;
        }

        /** False when cumulative profit stays below the purchase cost even with the factors {@code env[at + d]}. */
        boolean reachable(double[] env, int at, double purchase, double hosting) {
            double c = 0;
            double filter = purchase - Math.abs(purchase) * 1e-12 - 1e-9;
            for (int d = 0; d < days; d++) {
                double xv = env[at + d];
                int p = d * stride;
                double profit;
                if (linear) {
                    profit = -hosting + (xv * a[p] - b[p]);
                } else {
                    profit = -hosting + Math.max(xv * a[p] - b[p], 0);
                    for (int j = 1; j < count[d]; j++) {
                        profit += Math.max(xv * a[p + j] - b[p + j], 0);
                    }
                }
                c += profit;
                if (c >= filter) {
                    return true;
                }
            }
            return false;
        }

        /** Profit of day d on each of n paths (factors at x[at + k]), into out. */
        private void dayProfit(double[] x, int at, int d, int n, double hosting, double[] out) {
            int p = d * stride;
            if (linear) {
                double ad = a[p], bd = b[p];
                for (int k = 0; k < n; k++) {
                    out[k] = -hosting + (x[at + k] * ad - bd);
                }
                return;
            }
            double a0 = a[p], b0 = b[p];
            for (int k = 0; k < n; k++) {
                double v = x[at + k] * a0 - b0;
                out[k] = -hosting + (v + Math.abs(v)) * 0.5; // max(v, 0), exactly, and vectorisable
            }
            for (int j = 1; j < count[d]; j++) {
                double aj = a[p + j], bj = b[p + j];
                for (int k = 0; k < n; k++) {
                    double v = x[at + k] * aj - bj;
                    out[k] += (v + Math.abs(v)) * 0.5;
                }
            }
        }

        /** The fractional day in [d0, d1) at which path k's cumulative profit first reaches the purchase cost. */
        private double crossing(double[] x, int base, int k, int d0, int d1, double c, double purchase,
                double hosting) {
            for (int d = d0; d < d1; d++) {
                double xv = x[base + d * CHUNK + k];
                int p = d * stride;
                double profit;
                if (linear) {
                    profit = -hosting + (xv * a[p] - b[p]);
                } else {
                    double v = xv * a[p] - b[p];
                    profit = -hosting + (v + Math.abs(v)) * 0.5;
                    for (int j = 1; j < count[d]; j++) {
                        double u = xv * a[p + j] - b[p + j];
                        profit += (u + Math.abs(u)) * 0.5;
                    }
                }
                double after = c + profit;
                if (after >= purchase && profit > 0) {
                    return d + Math.max(0, purchase - c) / profit;
                }
                c = after;
            }
            return Double.NaN; // the filter's margin let through a path that did not quite reach it
        }
    }
}
