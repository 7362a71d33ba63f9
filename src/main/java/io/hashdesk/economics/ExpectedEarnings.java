package io.hashdesk.economics;

import java.util.List;

/**
 * What a full-pay-per-share pool pays in expectation for a group's hashrate over a past UTC day, and
 * how a pool's credit compares with it (docs/economics.md, "Expected and realized earnings").
 * Pure arithmetic: no framework, no I/O.
 */
public final class ExpectedEarnings {

    private ExpectedEarnings() {
    }

    /**
     * One stretch of a day with one difficulty in force (a retarget inside a day splits it).
     *
     * @param seconds how long the stretch lasts
     * @param difficulty the difficulty in force
     * @param rewardPerBlockBtc subsidy plus the day's average fees per block
     */
    public record Stretch(double seconds, double difficulty, double rewardPerBlockBtc) {
        public Stretch {
            if (!(seconds >= 0) || !(difficulty > 0) || !(rewardPerBlockBtc >= 0)) {
                throw new IllegalArgumentException("a stretch needs seconds >= 0, difficulty > 0 and a reward >= 0");
            }
        }
    }

    /**
     * Expected BTC for {@code terahash} TH/s (units times TH/s per unit) over the stretches, at
     * {@code uptimePercent} and net of {@code poolFeePercent}:
     * {@code TH/s * 1e12 * t * uptime * R / (D * 2^32) * (1 - fee)} summed over the stretches.
     */
    public static double btc(double terahash, double uptimePercent, double poolFeePercent, List<Stretch> day) {
        double sum = 0;
        for (Stretch s : day) {
            sum += s.seconds() * s.rewardPerBlockBtc() / (s.difficulty() * Consensus.TWO_POW_32);
        }
        return terahash * 1e12 * sum * (uptimePercent / 100) * (1 - poolFeePercent / 100);
    }

    /** {@code 100 * credited / expected}, or NaN when nothing was expected. */
    public static double percentOf(double creditedBtc, double expectedBtc) {
        return expectedBtc > 0 ? 100 * creditedBtc / expectedBtc : Double.NaN;
    }

    /** A whole day (86,400 s) at one difficulty. */
    public static List<Stretch> wholeDay(double difficulty, double rewardPerBlockBtc) {
        return List.of(new Stretch(86_400, difficulty, rewardPerBlockBtc));
    }
}
