package io.hashdesk.economics;

/** Bitcoin consensus rules the economics depend on (mainnet). */
public final class Consensus {

    public static final int EPOCH_BLOCKS = 2016;
    public static final int TARGET_SPACING_SECONDS = 600;
    public static final int HALVING_INTERVAL = 210_000;
    public static final long SATS_PER_BTC = 100_000_000L;
    /** Expected hashes per block are difficulty * 2^32. */
    public static final double TWO_POW_32 = 4294967296.0;
    /** A retarget never moves difficulty by more than a factor of 4 either way. */
    public static final double MAX_RETARGET_FACTOR = 4.0;

    private Consensus() {
    }

    /** Block subsidy in sats at a height: 50 BTC halved every 210,000 blocks. */
    public static long subsidySats(long height) {
        if (height < 0) {
            throw new IllegalArgumentException("height must not be negative: " + height);
        }
        long halvings = height / HALVING_INTERVAL;
        return halvings >= 64 ? 0 : (50 * SATS_PER_BTC) >> halvings;
    }

    public static double subsidyBtc(long height) {
        return subsidySats(height) / (double) SATS_PER_BTC;
    }

    /** The first height at which the subsidy is lower than at {@code height}. */
    public static long nextHalvingHeight(long height) {
        return (height / HALVING_INTERVAL + 1) * HALVING_INTERVAL;
    }

    /** Difficulty from a block header's compact target ("bits"). */
    public static double difficultyFromBits(long bits) {
        long mantissa = bits & 0x00ffffffL;
        int exponent = (int) ((bits >>> 24) & 0xff);
        if (mantissa == 0) {
            throw new IllegalArgumentException("bits with a zero mantissa: 0x" + Long.toHexString(bits));
        }
        return (0xffff / (double) mantissa) * Math.pow(256, 29 - exponent);
    }

    /**
     * The percentage change of a retarget, from the compact bits of the epoch before and after it, exactly
     * as mempool's {@code calcBitsDifference} computes it: the ratio of the two mantissas (one shifted by a
     * byte when the exponents differ by one), in doubles in the same order, clamped to [-75, 300].
     *
     * @throws IllegalArgumentException for bits mempool refuses (not a positive compact target up to
     *         0x207fffff, a sign bit, a zero mantissa) or exponents more than one apart
     */
    public static double retargetPercent(long bitsBefore, long bitsAfter) {
        checkBits(bitsBefore);
        checkBits(bitsAfter);
        int oldExp = (int) (bitsBefore >> 24);
        int newExp = (int) (bitsAfter >> 24);
        int oldNum = (int) (bitsBefore & 0x007fffff);
        int newNum = (int) (bitsAfter & 0x007fffff);
        double result;
        switch (newExp - oldExp) {
            case -1 -> result = ((double) (oldNum << 8) * 100) / newNum - 100;
            case 0 -> result = ((double) oldNum * 100) / newNum - 100;
            case 1 -> result = ((double) oldNum * 100) / (newNum << 8) - 100;
            default -> throw new IllegalArgumentException("impossible exponent difference between bits 0x"
                    + Long.toHexString(bitsBefore) + " and 0x" + Long.toHexString(bitsAfter));
        }
        return result > 300 ? 300 : result < -75 ? -75 : result;
    }

    private static void checkBits(long bits) {
        if (bits > 0x207fffffL || bits < 1 || (bits & 0x00800000L) != 0 || (bits & 0x007fffffL) == 0) {
            throw new IllegalArgumentException("invalid bits: 0x" + Long.toHexString(bits));
        }
    }
}
