package io.hashdesk.economics;

import java.time.Instant;

/**
 * The network as the economics see it.
 *
 * @param feesPerBlockBtc average transaction fees per block (last 144 blocks)
 * @param nextChangePercent the estimated change at the next retarget
 * @param nextRetargetHeight height of the next retarget
 * @param nextRetargetAt estimated moment of the next retarget
 */
public record NetworkState(double priceUsd, double difficulty, long height, double feesPerBlockBtc,
        double nextChangePercent, long nextRetargetHeight, Instant nextRetargetAt) {

    public NetworkState {
        if (!(priceUsd > 0) || !Double.isFinite(priceUsd)) {
            throw new IllegalArgumentException("priceUsd must be > 0");
        }
        if (!(difficulty > 0) || !Double.isFinite(difficulty)) {
            throw new IllegalArgumentException("difficulty must be > 0");
        }
        if (height < 0) {
            throw new IllegalArgumentException("height must be >= 0");
        }
        if (!(feesPerBlockBtc >= 0) || !Double.isFinite(feesPerBlockBtc)) {
            throw new IllegalArgumentException("feesPerBlockBtc must be >= 0");
        }
        if (!(nextChangePercent >= -75 && nextChangePercent <= 300)) {
            throw new IllegalArgumentException("nextChangePercent must be between -75 and 300");
        }
        if (nextRetargetHeight <= height) {
            nextRetargetHeight = height - height % Consensus.EPOCH_BLOCKS + Consensus.EPOCH_BLOCKS;
        }
    }

    /**
     * True when the estimated date of the next retarget is before {@code asOf}: the retarget has not
     * happened yet (it changes with the block at {@code nextRetargetHeight}) but the estimate said it would
     * have. The projection then keeps today's difficulty through day 0 and applies the retarget at the end
     * of day 0, so day 0 and today's figures agree; pages say the estimate is overdue.
     */
    public boolean retargetOverdue(Instant asOf) {
        return nextRetargetAt != null && nextRetargetAt.isBefore(asOf);
    }

    /** BTC per block: subsidy at the tip plus average fees. */
    public double rewardPerBlockBtc() {
        return Consensus.subsidyBtc(height) + feesPerBlockBtc;
    }

    /** USD per TH/s per day at today's difficulty, reward and price. */
    public double hashpriceUsdPerThDay() {
        return 1e12 * 86400 * rewardPerBlockBtc() * priceUsd / (difficulty * Consensus.TWO_POW_32);
    }

    public NetworkState withPrice(double price) {
        return new NetworkState(price, difficulty, height, feesPerBlockBtc, nextChangePercent, nextRetargetHeight,
                nextRetargetAt);
    }

    public NetworkState withFees(double fees) {
        return new NetworkState(priceUsd, difficulty, height, fees, nextChangePercent, nextRetargetHeight,
                nextRetargetAt);
    }

    public NetworkState withNextChange(double percent) {
        return new NetworkState(priceUsd, difficulty, height, feesPerBlockBtc, percent, nextRetargetHeight,
                nextRetargetAt);
    }

    /** The same network with the next retarget applied (for "after the adjustment" figures). */
    public NetworkState afterNextRetarget() {
        return new NetworkState(priceUsd, difficulty * (1 + nextChangePercent / 100), height, feesPerBlockBtc, 0,
                nextRetargetHeight, nextRetargetAt);
    }
}
