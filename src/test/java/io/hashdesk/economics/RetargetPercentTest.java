package io.hashdesk.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The previous retarget's change from two compact targets, as mempool computes it
 * ({@code calcBitsDifference}: the ratio of the mantissas, shifted by a byte when the exponents differ,
 * clamped to [-75, 300]). Expected values are what mempool's function returns for these inputs (run in
 * Node): dividing the float difficulties instead differs in the last digits.
 */
class RetargetPercentTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // mainnet epoch pairs (2023-2024)
            "17034219, 17031abe, 4.951979317192098",
            "1703098c, 1702f128, 3.2384548358989207",
            "17030ecd, 17034219, -6.149984311264518",
            "170331db, 17032f14, 0.3407457107255851",
            "17053894, 17058ebe, -6.056196495543929",
            "1705ae3a, 17058ebe, 2.2129360664649624",
            // mempool's own test vectors: same exponent, new higher, new lower, clamps
            "1d000200, 1d000100, 100", "1d000800, 1d000100, 300", "1d000100, 1d000200, -50",
            "1d000100, 1d000800, -75", "1c000200, 1d000001, 100", "1c000100, 1d000002, -50",
            "1c000100, 1d000008, -75", "1d000002, 1c000100, 100", "1d000001, 1c000200, -50",
            "1d000008, 1c000100, 300" })
    void mempoolsFormulaToTheLastDigit(String before, String after, double expected) {
        assertEquals(expected, Consensus.retargetPercent(Long.parseLong(before, 16), Long.parseLong(after, 16)), 0);
    }

    @Test
    void bitsMempoolRefusesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Consensus.retargetPercent(0x1d000001L, 0x1a000800L));
        assertThrows(IllegalArgumentException.class, () -> Consensus.retargetPercent(0x7f000001L, 0x1a000800L));
        assertThrows(IllegalArgumentException.class, () -> Consensus.retargetPercent(0, 0x1a000800L));
        assertThrows(IllegalArgumentException.class, () -> Consensus.retargetPercent(0x00800000L, 0x1a000800L));
        assertThrows(IllegalArgumentException.class, () -> Consensus.retargetPercent(0x1d800001L, 0x1d000800L));
    }
}
