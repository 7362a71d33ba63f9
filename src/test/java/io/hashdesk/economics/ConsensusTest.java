package io.hashdesk.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ConsensusTest {

    @ParameterizedTest(name = "subsidy at {0} is {1} sats")
    @CsvSource({
            "0, 5000000000",
            "209999, 5000000000",
            "210000, 2500000000",
            "839999, 625000000",
            "840000, 312500000",
            "1049999, 312500000",
            "1050000, 156250000",
            "13440000, 0",
    })
    void subsidyHalvesEvery210000Blocks(long height, long sats) {
        assertEquals(sats, Consensus.subsidySats(height));
    }

    @Test
    void nextHalvingHeight() {
        assertEquals(1_050_000, Consensus.nextHalvingHeight(935_000));
        assertEquals(1_260_000, Consensus.nextHalvingHeight(1_050_000));
    }

    @Test
    void difficultyFromBitsOfBlock730000() {
        assertEquals(28587155782195.14, Consensus.difficultyFromBits(0x1709d897L), 0.01);
    }

    @Test
    void genesisBitsAreDifficultyOne() {
        assertEquals(1.0, Consensus.difficultyFromBits(0x1d00ffffL), 1e-12);
    }

    @Test
    void retargetPercentFromTwoBits() {
        // Halving the target (same exponent, half the mantissa) doubles the difficulty: +100 %.
        assertEquals(100.0, Consensus.retargetPercent(0x1709d896L, 0x1704ec4bL), 1e-9);
        assertEquals(-50.0, Consensus.retargetPercent(0x1704ec4bL, 0x1709d896L), 1e-9);
    }

    @Test
    void zeroMantissaIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Consensus.difficultyFromBits(0x17000000L));
    }
}
