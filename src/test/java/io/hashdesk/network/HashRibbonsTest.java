package io.hashdesk.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;

class HashRibbonsTest {

    private static List<HashratePoint> series(IntToDoubleFunction f, int days) {
        List<HashratePoint> out = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            out.add(new HashratePoint(Instant.parse("2025-11-01T00:00:00Z").plusSeconds(86_400L * i), f.applyAsDouble(i)));
        }
        return out;
    }

    @Test
    void aFallingHashrateCrossesThe30DayBelowThe60Day() {
        var r = HashRibbons.of(series(i -> i < 60 ? 1000 + i : 1060 - 8 * (i - 60), 90));
        assertTrue(r.known());
        assertTrue(r.capitulation());
        assertTrue(r.lastCross().isAfter(Instant.parse("2026-01-01T00:00:00Z")));
        assertEquals((1000 + 1029) / 2.0, r.ma30()[29], 1e-9);
        assertTrue(Double.isNaN(r.ma60()[58]));
    }

    @Test
    void aSteadyRiseIsNoCapitulation() {
        var r = HashRibbons.of(series(i -> 900 + 2 * i, 90));
        assertFalse(r.capitulation());
        assertNull(r.lastCross());
    }

    @Test
    void lessThan60DaysIsNotEnough() {
        assertFalse(HashRibbons.of(series(i -> 1000, 45)).known());
    }
}
