package io.hashdesk.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** The public vectors of docs/economics.md: the local estimate must match mempool to the last digit. */
class DifficultyEstimateTest {

    @Test
    void lateInEpochUsesTheEpochSoFar() {
        var r = DifficultyEstimate.estimate(new DifficultyEstimate.Input(1706888526, OptionalLong.of(1707403385),
                1707691381, 1707691381, 830027, 7.333505241141637));
        assertEquals(8.512745140778843, r.changePercent(), 0.0);
        assertEquals(1708004001715L, r.estimatedRetargetDateMs());
        assertEquals(565, r.remainingBlocks());
        assertEquals(830592, r.nextRetargetHeight());
        assertEquals(1451.0 / 2016 * 100, r.progressPercent(), 0.0);
    }

    @Test
    void earlyInEpochUsesTheSliding504BlockWindow() {
        var r = DifficultyEstimate.estimate(new DifficultyEstimate.Input(1660820820, OptionalLong.of(1660619814),
                1660917833, 1660917833, 750134, 0.6280047707459726));
        assertEquals(1.0420538959004633, r.changePercent(), 0.0);
        assertEquals(594992, r.adjustedTimeAvgMs());
        assertEquals(1662009048328L, r.estimatedRetargetDateMs());
    }

    @Test
    void lastBlockOfEpochUsesTheTipTime() {
        var r = DifficultyEstimate.estimate(new DifficultyEstimate.Input(1681984653, OptionalLong.empty(), 1683212049,
                1683212066, 788255, 1.7220298879531821));
        assertEquals(-1.4512637555574193, r.changePercent(), 0.0);
        assertEquals(1, r.remainingBlocks());
        assertEquals(788256, r.nextRetargetHeight());
    }

    @Test
    void changeIsClampedToFourTimesEitherWay() {
        // 1000 blocks in one day: far faster than 600 s.
        var fast = DifficultyEstimate.estimate(new DifficultyEstimate.Input(1_700_000_000L, OptionalLong.empty(),
                1_700_000_000L + 86_400, 1_700_000_000L + 86_400, 2016L * 400 + 1000, 0));
        assertEquals(300, fast.changePercent(), 0.0);
        var slow = DifficultyEstimate.estimate(new DifficultyEstimate.Input(1_700_000_000L, OptionalLong.empty(),
                1_700_000_000L + 86_400L * 60, 1_700_000_000L + 86_400L * 60, 2016L * 400 + 1000, 0));
        assertEquals(-75, slow.changePercent(), 0.0);
    }

    @Test
    void firstBlockOfEpochWithoutHistoryAssumes600Seconds() {
        var r = DifficultyEstimate.estimate(new DifficultyEstimate.Input(1_700_000_000L, OptionalLong.empty(),
                1_700_000_000L, 1_700_000_000L, 2016L * 400, 0));
        assertEquals(600, r.timeAvgSeconds(), 0.0);
        assertEquals(2016, r.remainingBlocks());
        assertEquals(2016L * 600_000, r.remainingTimeMs());
    }
}
