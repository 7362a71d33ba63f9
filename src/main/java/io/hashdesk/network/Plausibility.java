package io.hashdesk.network;

import java.util.Locale;

import io.hashdesk.economics.Consensus;

/**
 * What a well-formed upstream answer still cannot say, against the last good snapshot. A source that
 * lies (or a broken one) must not replace good data that flows into every projection.
 * <ul>
 * <li>Difficulty changes only when the chain crosses a retarget (a multiple of 2,016 blocks), and
 * then by at most x4 either way per retarget.</li>
 * <li>The BTC price does not move more than 50 % between two readings without a second reading
 * confirming it (the move is held until then).</li>
 * <li>Fees average at most {@link #MAX_FEES_PER_BLOCK_BTC} BTC per block over 144 blocks: ten times
 * the highest day on record (about 5 BTC per block in April 2024), and more than the subsidy until
 * 2040; a figure above it is a unit error or a lie.</li>
 * </ul>
 */
final class Plausibility {

    static final double MAX_FEES_PER_BLOCK_BTC = 50;
    /** A price move beyond this (a fraction) is held until confirmed. */
    static final double MAX_PRICE_MOVE = 0.5;
    /** A second reading within this (a fraction) of the held one confirms it. */
    static final double CONFIRMS_WITHIN = 0.1;
    /** Within an epoch two readings of one difficulty differ by rounding at most. */
    private static final double SAME = 1e-6;

    private Plausibility() {
    }

    /** Why the difficulty cannot be true, or null when it can. */
    static String difficulty(double lastGood, long lastHeight, double reading, long height) {
        long retargets = Math.floorDiv(height, Consensus.EPOCH_BLOCKS) - Math.floorDiv(lastHeight, Consensus.EPOCH_BLOCKS);
        double ratio = reading / lastGood;
        if (retargets == 0) {
            if (Math.abs(ratio - 1) > SAME) {
                return String.format(Locale.ENGLISH,
                        "difficulty %.4g at height %,d differs from %.4g at height %,d within one retarget period",
                        reading, height, lastGood, lastHeight);
            }
            return null;
        }
        double most = Math.pow(4, Math.min(Math.abs(retargets), 8));
        if (ratio > most || ratio < 1 / most) {
            return String.format(Locale.ENGLISH,
                    "difficulty %.4g at height %,d is more than x%.0f away from %.4g at height %,d (%d retarget%s apart)",
                    reading, height, most, lastGood, lastHeight, Math.abs(retargets), Math.abs(retargets) == 1 ? "" : "s");
        }
        return null;
    }

    /** True when {@code price} moved more than {@link #MAX_PRICE_MOVE} from {@code lastGood}. */
    static boolean priceJump(double lastGood, double price) {
        return Math.abs(price / lastGood - 1) > MAX_PRICE_MOVE;
    }

    /** True when {@code price} confirms a held reading (both say about the same). */
    static boolean confirms(Double held, double price) {
        return held != null && Math.abs(price / held - 1) <= CONFIRMS_WITHIN;
    }

    static boolean feesBelievable(double feesPerBlockBtc) {
        return feesPerBlockBtc >= 0 && feesPerBlockBtc <= MAX_FEES_PER_BLOCK_BTC;
    }
}
