package io.hashdesk.economics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fleet's P10/P50/P90 bands of daily and cumulative profit across the price paths, and how many paths
 * end the horizon above 0 (see {@link PriceRisk}): a day's pieces of the whole fleet sorted once per
 * combination of the sites' power windows, each path's day a binary search and two multiply-adds.
 *
 * @param bands daily P10, P50, P90, then cumulative P10, P50, P90, each per day
 * @param positive how many paths end with a cumulative profit above 0
 */
record FleetBands(double[][] bands, int positive) {

    static FleetBands run(GroupModel[] models, Projection.Days w, double[] x, int paths, OperatingPolicy policy,
            int sites) {
        int days = w.count;
        double hostingTotal = 0;
        for (GroupModel m : models) {
            hostingTotal += m.hostingPerDay;
        }
        Map<List<PowerWindow>, Sorted> bySignature = new HashMap<>();
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
                    : Sorted.of(models, split.windows, PriceRisk.weights(split, usd), policy);
            for (int k = 0; k < paths; k++) {
                double y = x[PriceRisk.index(k, d, days)] * usd;
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
        return new FleetBands(bands, positive);
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
        p10[d] = PriceRisk.percentile(scratch, n, 0.1);
        p50[d] = PriceRisk.percentile(scratch, n, 0.5);
        p90[d] = PriceRisk.percentile(scratch, n, 0.9);
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
}
