package io.hashdesk.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The projection caches are bounded by the memory their entries hold, not by how many there are. */
class SizedCacheTest {

    @Test
    void evictsTheLeastRecentlyUsedUntilTheEntriesFitTheBudget() {
        SizedCache<String, byte[]> cache = new SizedCache<>(1000, v -> v.length);
        cache.put("a", new byte[400]);
        cache.put("b", new byte[400]);
        assertNotNull(cache.get("a")); // a is now the most recent
        cache.put("c", new byte[400]); // 1,200 > 1,000: b, the least recently used, goes
        assertNull(cache.get("b"));
        assertNotNull(cache.get("a"));
        assertNotNull(cache.get("c"));
        assertEquals(800, cache.totalBytes());
        // Many small entries fit where few large ones would not.
        for (int i = 0; i < 50; i++) {
            cache.put("small" + i, new byte[4]);
        }
        assertEquals(52, cache.size());
        assertEquals(1000, cache.totalBytes());
    }

    @Test
    void anEntryLargerThanTheBudgetIsNotKeptAndReplacingAnEntryCountsOnce() {
        SizedCache<String, byte[]> cache = new SizedCache<>(1000, v -> v.length);
        cache.put("a", new byte[300]);
        cache.put("huge", new byte[5000]);
        assertNull(cache.get("huge"));
        assertNotNull(cache.get("a"));
        cache.put("a", new byte[500]);
        assertEquals(500, cache.totalBytes());
        assertEquals(1, cache.size());
        byte[] computed = cache.computeIfAbsent("b", k -> new byte[100]);
        assertEquals(computed, cache.computeIfAbsent("b", k -> new byte[1]));
        assertEquals(600, cache.totalBytes());
    }

    @Test
    void aRemovedEntryNoLongerCountsAgainstTheBudget() {
        SizedCache<String, byte[]> cache = new SizedCache<>(1000, v -> v.length);
        cache.put("totals", new byte[100]);
        cache.put("daily", new byte[800]);
        cache.remove("totals");
        cache.remove("missing");
        assertNull(cache.get("totals"));
        assertEquals(800, cache.totalBytes());
        cache.put("next", new byte[200]); // fits beside "daily" now
        assertNotNull(cache.get("daily"));
        assertEquals(1000, cache.totalBytes());
    }
}
