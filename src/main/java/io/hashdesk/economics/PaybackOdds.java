package io.hashdesk.economics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.hashdesk.economics.PriceRisk.CHUNK;

/**
 * Each rig group's payback across the price paths (see {@link PriceRisk}): the share of paths on which its
 * cumulative profit reaches its purchase cost, and the median payback day. Group by group over blocks of
 * {@value PriceRisk#CHUNK} paths, the inner loop running over paths.
 */
final class PaybackOdds {

    /** Days per block before a running maximum is checked for a crossing. */
    private static final int BLOCK_DAYS = 32;

    private PaybackOdds() {
    }

    static List<PriceRisk.GroupRisk> run(GroupModel[] models, Projection.Days w, double[] x, int paths, int chunks,
            OperatingPolicy policy) {
        int days = w.count;
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
        List<PriceRisk.GroupRisk> groups = new ArrayList<>(models.length);
        double[] payDays = new double[paths];
        Payback payback = new Payback(days);
        for (GroupModel m : models) {
            double purchase = Projection.purchaseCost(m.spec);
            if (Double.isNaN(purchase)) {
                groups.add(new PriceRisk.GroupRisk(m.spec.id(), Double.NaN, Double.NaN));
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
                median = PriceRisk.percentile(payDays, paths, 0.5);
            }
            groups.add(new PriceRisk.GroupRisk(m.spec.id(), paid / (double) paths, median));
        }
        return List.copyOf(groups);
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
                    double[] weights = PriceRisk.weights(split, usd);
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
