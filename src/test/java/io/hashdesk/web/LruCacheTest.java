package io.hashdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * The one cache: the projection caches are bounded by the memory their entries hold, not by how many
 * there are; others by their number; cards also by their age.
 */
class LruCacheTest {

    @Test
    void evictsTheLeastRecentlyUsedUntilTheEntriesFitTheBudget() {
        LruCache<String, byte[]> cache = LruCache.ofBytes(1000, v -> v.length);
        cache.put("a", new byte[400]);
        cache.put("b", new byte[400]);
        assertNotNull(cache.get("a")); // a is now the most recent
        cache.put("c", new byte[400]); // 1,200 > 1,000: b, the least recently used, goes
        assertNull(cache.get("b"));
        assertNotNull(cache.get("a"));
        assertNotNull(cache.get("c"));
        assertEquals(800, cache.weight());
        // Many small entries fit where few large ones would not.
        for (int i = 0; i < 50; i++) {
            cache.put("small" + i, new byte[4]);
        }
        assertEquals(52, cache.size());
        assertEquals(1000, cache.weight());
    }

    @Test
    void anEntryLargerThanTheBudgetIsNotKeptAndReplacingAnEntryCountsOnce() {
        LruCache<String, byte[]> cache = LruCache.ofBytes(1000, v -> v.length);
        cache.put("a", new byte[300]);
        cache.put("huge", new byte[5000]);
        assertNull(cache.get("huge"));
        assertNotNull(cache.get("a"));
        cache.put("a", new byte[500]);
        assertEquals(500, cache.weight());
        assertEquals(1, cache.size());
        byte[] computed = cache.computeIfAbsent("b", k -> new byte[100]);
        assertEquals(computed, cache.computeIfAbsent("b", k -> new byte[1]));
        assertEquals(600, cache.weight());
    }

    @Test
    void aRemovedEntryNoLongerCountsAgainstTheBudget() {
        LruCache<String, byte[]> cache = LruCache.ofBytes(1000, v -> v.length);
        cache.put("totals", new byte[100]);
        cache.put("daily", new byte[800]);
        cache.remove("totals");
        cache.remove("missing");
        assertNull(cache.get("totals"));
        assertEquals(800, cache.weight());
        cache.put("next", new byte[200]); // fits beside "daily" now
        assertNotNull(cache.get("daily"));
        assertEquals(1000, cache.weight());
    }

    @Test
    void aCountedCacheKeepsTheMostRecentlyUsedEntries() {
        LruCache<Integer, String> cache = LruCache.ofCount(3);
        for (int i = 1; i <= 3; i++) {
            cache.put(i, "v" + i);
        }
        assertEquals("v1", cache.get(1)); // 2 is now the least recently used
        cache.put(4, "v4");
        assertNull(cache.get(2));
        assertEquals("v1", cache.get(1));
        assertEquals("v4", cache.get(4));
        assertEquals(3, cache.size());
        assertEquals(3, cache.weight());
        cache.clear();
        assertEquals(0, cache.size());
        assertNull(cache.get(1));
    }

    @Test
    void anEntryOlderThanItsFreshnessIsComputedAgain() {
        AtomicLong now = new AtomicLong();
        LruCache<String, String> cache = new LruCache<String, String>(10, v -> 1, null, now::get)
                .freshFor(Duration.ofMinutes(1));
        assertEquals("first", cache.computeIfAbsent("card", k -> "first"));
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertEquals("first", cache.computeIfAbsent("card", k -> "second"));
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertEquals("second", cache.computeIfAbsent("card", k -> "second"));
        assertEquals(1, cache.size());
        assertEquals(1, cache.weight());
    }

    @Test
    void callersArrivingWhileAValueIsComputedWaitForItInsteadOfComputingItAgain() throws Exception {
        LruCache<String, String> cache = LruCache.ofCount(10);
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        int others = 7;
        ExecutorService threads = Executors.newFixedThreadPool(others + 1);
        try {
            Future<String> first = threads.submit(() -> cache.computeOnce("page", k -> {
                computed.incrementAndGet();
                started.countDown();
                // Held until every other caller waits for this computation (or gave up after 10 s: then it fails).
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (cache.waiting() < others && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                return "body";
            }));
            assertEquals(true, started.await(10, TimeUnit.SECONDS));
            List<Future<String>> rest = new ArrayList<>();
            for (int i = 0; i < others; i++) {
                rest.add(threads.submit(() -> cache.computeOnce("page", k -> {
                    computed.incrementAndGet();
                    return "computed again";
                })));
            }
            assertEquals("body", first.get(20, TimeUnit.SECONDS));
            for (Future<String> f : rest) {
                assertEquals("body", f.get(20, TimeUnit.SECONDS));
            }
            assertEquals(1, computed.get());
            assertEquals(0, cache.waiting());
            assertEquals("body", cache.computeOnce("page", k -> "not computed: kept"));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFailedComputationFailsItsCallerAndTheNextCallerComputesAgain() throws Exception {
        LruCache<String, String> cache = LruCache.ofCount(10);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<String> failed = thread.submit(() -> cache.computeOnce("page", k -> {
                throw new IllegalStateException("database gone");
            }));
            ExecutionException e = assertThrows(ExecutionException.class, () -> failed.get(10, TimeUnit.SECONDS));
            assertEquals("database gone", e.getCause().getMessage());
            assertNull(cache.get("page"));
            assertEquals("body", cache.computeOnce("page", k -> "body"));
        } finally {
            thread.shutdownNow();
        }
    }
}
