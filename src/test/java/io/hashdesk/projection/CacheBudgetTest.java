package io.hashdesk.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The projection caches never outgrow a small heap: at -Xmx128m four full 64 MB caches would not fit. */
class CacheBudgetTest {

    private static final long MB = 1024L * 1024L;

    @Test
    void eachCacheTakesAtMostAnEighthOfTheHeap() {
        assertEquals(16 * MB, ProjectionService.cacheBudget(64, 128 * MB));
        assertEquals(64 * MB, ProjectionService.cacheBudget(64, 4096 * MB), "a large heap keeps the configured budget");
        assertEquals(8 * MB, ProjectionService.cacheBudget(8, 4096 * MB));
    }
}
