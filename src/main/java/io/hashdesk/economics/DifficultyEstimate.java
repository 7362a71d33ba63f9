package io.hashdesk.economics;

import java.util.OptionalLong;

/**
 * The next difficulty adjustment estimated from block times, exactly as mempool's
 * {@code calcDifficultyAdjustment} does it (same operations in the same order, in doubles), so the
 * locally computed estimate matches the one mempool publishes to the last digit.
 */
public final class DifficultyEstimate {

    private DifficultyEstimate() {
    }

    /**
     * @param epochStartTime time (Unix s) of the first block of the current epoch
     * @param block503Time time (Unix s) of the block 503 below the tip, if it exists
     * @param nowSeconds the moment of the estimate (Unix s)
     * @param tipTime time (Unix s) of the tip block
     * @param height tip height
     * @param previousRetargetPercent the last retarget's change in percent
     */
    public record Input(long epochStartTime, OptionalLong block503Time, long nowSeconds, long tipTime, long height,
            double previousRetargetPercent) {
    }

    /**
     * @param changePercent estimated change at the next retarget, clamped to [-75, 300]
     * @param adjustedTimeAvgMs the average block time used for the date, in whole milliseconds
     * @param remainingTimeMs time until the retarget at that average
     * @param estimatedRetargetDateMs Unix milliseconds of the estimated retarget
     */
    public record Result(double changePercent, double previousRetargetPercent, double progressPercent,
            long remainingBlocks, long nextRetargetHeight, double timeAvgSeconds, long adjustedTimeAvgMs,
            long remainingTimeMs, long estimatedRetargetDateMs) {
    }

    public static Result estimate(Input in) {
        final int epoch = Consensus.EPOCH_BLOCKS;
        final double target = Consensus.TARGET_SPACING_SECONDS;
        double diffSeconds = Math.max(0, in.nowSeconds() - in.epochStartTime());
        long blocksInEpoch = in.height() >= 0 ? in.height() % epoch : 0;
        double progressPercent = in.height() >= 0 ? (double) blocksInEpoch / epoch * 100 : 100;
        long remainingBlocks = epoch - blocksInEpoch;
        long nextRetargetHeight = in.height() >= 0 ? in.height() + remainingBlocks : 0;
        double actualTimespan = (blocksInEpoch == epoch - 1 ? in.tipTime() : in.nowSeconds()) - in.epochStartTime();

        double change;
        double timeAvgSecs = blocksInEpoch != 0 ? diffSeconds / blocksInEpoch : target;
        double adjustedTimeAvgSecs = timeAvgSecs;
        // Early in an epoch, mempool estimates from a sliding 504-block window reaching into the last epoch.
        if (in.block503Time().isPresent() && in.block503Time().getAsLong() != 0 && blocksInEpoch < 503) {
            double timeLastEpoch = in.epochStartTime() - in.block503Time().getAsLong();
            double adjustedTimeLastEpoch = timeLastEpoch * (1 + (in.previousRetargetPercent() / 100));
            double adjustedTimeSpan = diffSeconds + adjustedTimeLastEpoch;
            adjustedTimeAvgSecs = adjustedTimeSpan / 503;
            change = (target / (adjustedTimeSpan / 504) - 1) * 100;
        } else {
            change = (target / (actualTimespan / (blocksInEpoch + 1)) - 1) * 100;
        }
        if (change > 300) {
            change = 300;
        }
        if (change < -75) {
            change = -75;
        }
        long timeAvgMs = (long) Math.floor(adjustedTimeAvgSecs * 1000);
        long remainingTime = remainingBlocks * timeAvgMs;
        long estimatedRetargetDate = remainingTime + in.nowSeconds() * 1000;
        return new Result(change, in.previousRetargetPercent(), progressPercent, remainingBlocks, nextRetargetHeight,
                timeAvgSecs, timeAvgMs, remainingTime, estimatedRetargetDate);
    }
}
