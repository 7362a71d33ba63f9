package io.hashdesk.economics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The fleet over a stretch of past time (a day of the ledger: 24 hours, 23 or 25 across a clock change,
 * or the hours since the fleet was set up), priced by the network states that were in force over it,
 * each for the time it was in force.
 *
 * <p>The stretch is cut into segments where the difficulty or the block subsidy changes (a retarget, the
 * halving); within a segment BTC and USD per hash are summed over the states' times, so a price move
 * weighs by how long it lasted. Each segment is decided on its own under the operating policy
 * (ECONOMICS.md, "for each day segment and group"), with the power window of its own hours, and carries
 * hosting for its length.
 */
public final class Period {

    private static final double SECONDS_PER_DAY = 86_400;

    private Period() {
    }

    /** A network state in force over [from, to). */
    public record Part(Instant from, Instant to, NetworkState network) {
    }

    /** Sums over the stretch, USD and BTC (before the pool fee); {@code hoursRun} summed over groups for the fleet. */
    public record Sums(double btc, double revenueUsd, double poolFeeUsd, double powerCostUsd, double hostingUsd,
            double profitUsd, double hoursRun) {
    }

    /**
     * @param groups per rig group, in the fleet's order, under the policy asked for
     * @param fleet the groups summed
     * @param keepRunningProfitUsd the fleet's profit had every group run every hour (curtailing sites still
     *        skipping the hours that do not pay): the comparison that shows what switching off saved
     * @param hours the length of the stretch, hours
     */
    public record Result(List<Sums> groups, Sums fleet, double keepRunningProfitUsd, double hours) {
    }

    /**
     * @param parts contiguous, in time order, none empty
     */
    public static Result of(Fleet fleet, List<Part> parts, OperatingPolicy policy) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a period needs at least one part");
        }
        GroupModel[] models = GroupModel.of(fleet);
        PowerWindow.Source[] sources = new PowerWindow.Source[fleet.sites().size()];
        for (int s = 0; s < sources.length; s++) {
            sources[s] = new PowerWindow.Source(fleet.sites().get(s));
        }
        double[][] sums = new double[models.length][GroupModel.SIZE];
        double[] out = new double[GroupModel.SIZE];
        double[] scratch = new double[1];
        double keepRunning = 0;
        int i = 0;
        while (i < parts.size()) {
            // One segment: the parts up to the next change of difficulty or subsidy.
            Part first = parts.get(i);
            long subsidy = Consensus.subsidySats(first.network().height());
            double btcPerHash = 0, usdPerHash = 0;
            Instant end = first.to();
            int j = i;
            for (; j < parts.size(); j++) {
                Part p = parts.get(j);
                if (p.network().difficulty() != first.network().difficulty()
                        || Consensus.subsidySats(p.network().height()) != subsidy) {
                    break;
                }
                double days = (p.to().toEpochMilli() - p.from().toEpochMilli()) / 1000.0 / SECONDS_PER_DAY;
                double perHash = RigEconomics.btcPerHashDay(p.network().difficulty(), p.network().rewardPerBlockBtc())
                        * days;
                btcPerHash += perHash;
                usdPerHash += perHash * p.network().priceUsd();
                end = p.to();
            }
            long from = first.from().getEpochSecond();
            long to = Math.max(from + 1, end.getEpochSecond());
            double dayFraction = (end.toEpochMilli() - first.from().toEpochMilli()) / 1000.0 / SECONDS_PER_DAY;
            for (int g = 0; g < models.length; g++) {
                GroupModel m = models[g];
                PowerWindow window = sources[m.site].window(from, to);
                m.day(btcPerHash, usdPerHash, window, dayFraction, OperatingPolicy.KEEP_RUNNING, out, scratch);
                keepRunning += out[GroupModel.PROFIT];
                if (policy != OperatingPolicy.KEEP_RUNNING) {
                    m.day(btcPerHash, usdPerHash, window, dayFraction, policy, out, scratch);
                }
                for (int k = 0; k < GroupModel.SIZE; k++) {
                    sums[g][k] += out[k];
                }
            }
            i = j;
        }
        List<Sums> groups = new ArrayList<>(models.length);
        double[] total = new double[GroupModel.SIZE];
        for (double[] g : sums) {
            groups.add(sums(g));
            for (int k = 0; k < GroupModel.SIZE; k++) {
                total[k] += g[k];
            }
        }
        Instant start = parts.get(0).from();
        Instant stop = parts.get(parts.size() - 1).to();
        return new Result(List.copyOf(groups), sums(total), keepRunning,
                (stop.toEpochMilli() - start.toEpochMilli()) / 3_600_000.0);
    }

    private static Sums sums(double[] v) {
        return new Sums(v[GroupModel.BTC], v[GroupModel.REVENUE], v[GroupModel.POOL_FEE], v[GroupModel.POWER],
                v[GroupModel.HOSTING], v[GroupModel.PROFIT], v[GroupModel.HOURS]);
    }
}
