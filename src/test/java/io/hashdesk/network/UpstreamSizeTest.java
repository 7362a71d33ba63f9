package io.hashdesk.network;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.hashdesk.network.MempoolStubs.HEIGHT;
import static io.hashdesk.network.MempoolStubs.PRICE;
import static io.hashdesk.network.MempoolStubs.esploraDown;
import static io.hashdesk.network.MempoolStubs.healthyMempool;
import static io.hashdesk.network.MempoolStubs.startAfresh;
import static io.hashdesk.network.MempoolStubs.wm;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Operators;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * An upstream that answers 50 MB, chunked, without a Content-Length: the body is read only up to the
 * 2 MB limit and the connection is then cut, so the application does not hold (allocate) the body,
 * fast or slow; the refresh is refused, the old snapshot stays, and pages answer all the while.
 */
@QuarkusTest
@TestProfile(UpstreamSizeTest.PatientClient.class)
class UpstreamSizeTest {

    /**
     * The production read time-out (5 s) and more: the tests' 700 ms would cut a fast 50 MB answer off by
     * itself and hide whether the limit holds.
     */
    public static class PatientClient implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.mempool.read-timeout", "30000",
                    "quarkus.rest-client.esplora.read-timeout", "30000");
        }
    }

    /** Slow: 50 MB in 100 chunks of 500 KB, 300 ms apart: 30 s for the whole body, 1.5 s for the first 2.5 MB. */
    static final int CHUNKS = 100;
    static final int SLOW_MS = 30_000;
    /** Fast: 10 chunks of 5 MB, 1 ms apart: the whole body well within the client's read time-out. */
    static final int FAST_CHUNKS = 10;
    static final int FAST_MS = 10;
    /** What the application may allocate during a refresh that refuses the answer (the old code: over 50 MB). */
    static final long MAX_ALLOCATED = 20L * 1024 * 1024;

    @Inject
    NetworkService network;

    @Inject
    CircuitBreakerMaintenance breakers;

    Operators.Session session;

    static final String HUGE = "{\"padding\": \"" + "x".repeat(50 * 1024 * 1024) + "\"}";

    @BeforeEach
    void goodDataFirst() {
        breakers.resetAll();
        startAfresh(network);
        session = Operators.newSignedIn("size");
        healthyMempool(HEIGHT, PRICE);
        assertEquals(NetworkService.Outcome.MEMPOOL, network.refresh());
        esploraDown();
        breakers.resetAll();
    }

    private long height() {
        return given().cookies(session.cookies()).get("/api/v1/network").then().statusCode(200).extract().jsonPath()
                .getLong("height");
    }

    /** Refreshes in the background, checking that pages answer quickly meanwhile; returns the refresh's time. */
    private Duration refreshWhilePagesAnswer(NetworkService.Outcome expected) throws Exception {
        // Rendered once first: what is timed below is answering, not the first render of a new snapshot.
        given().cookies(session.cookies()).get("/network").then().statusCode(200);
        given().cookies(session.cookies()).get("/dashboard").then().statusCode(200);
        long start = System.nanoTime();
        CompletableFuture<NetworkService.Outcome> refresh = CompletableFuture.supplyAsync(network::refresh);
        int pages = 0;
        while (!refresh.isDone() && pages < 20) {
            long t = System.nanoTime();
            given().cookies(session.cookies()).get("/network").then().statusCode(200);
            given().cookies(session.cookies()).get("/dashboard").then().statusCode(200);
            long ms = (System.nanoTime() - t) / 1_000_000;
            assertTrue(ms < 5000, "two pages took " + ms + " ms while upstream was streaming");
            pages++;
            Thread.sleep(100);
        }
        assertEquals(expected, refresh.get(60, TimeUnit.SECONDS));
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Heap bytes allocated by the application's threads (not WireMock's Jetty threads) while {@code work} runs. */
    static long allocatedWhile(Runnable work) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<Long, Long> before = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!t.getName().startsWith("qtp")) {
                before.put(t.getId(), threads.getThreadAllocatedBytes(t.getId()));
            }
        }
        work.run();
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long now = threads.getThreadAllocatedBytes(t.getId());
            if (!t.getName().startsWith("qtp") && now > 0) {
                total += now - before.getOrDefault(t.getId(), 0L);
            }
        }
        return total;
    }

    private void hugeAnswer(String path, int status, int chunks, int dribbleMs) {
        wm().stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withChunkedDribbleDelay(chunks, dribbleMs)
                .withBody(HUGE)));
    }

    @Test
    void aFiftyMegabyteChunkedAnswerIsNotReadPastTheLimit() {
        healthyMempool(HEIGHT + 1, PRICE);
        hugeAnswer("/mempool/api/v1/mining/hashrate/3m", 200, FAST_CHUNKS, FAST_MS);
        NetworkService.Outcome[] outcome = new NetworkService.Outcome[1];
        long allocated = allocatedWhile(() -> outcome[0] = network.refresh());
        assertEquals(NetworkService.Outcome.UNAVAILABLE, outcome[0]);
        assertTrue(allocated < MAX_ALLOCATED, "the body was read past the limit: " + allocated / 1024 / 1024
                + " MB allocated during the refresh");
        assertEquals(HEIGHT, height(), "the old snapshot stays");
        // The next healthy answer is taken.
        breakers.resetAll();
        healthyMempool(HEIGHT + 2, PRICE);
        assertEquals(NetworkService.Outcome.MEMPOOL, network.refresh());
        assertEquals(HEIGHT + 2, height());
    }

    @Test
    void aFiftyMegabyteErrorAnswerIsNotReadPastTheLimitEither() {
        healthyMempool(HEIGHT + 1, PRICE);
        hugeAnswer("/mempool/api/blocks/tip/height", 503, FAST_CHUNKS, FAST_MS);
        NetworkService.Outcome[] outcome = new NetworkService.Outcome[1];
        long allocated = allocatedWhile(() -> outcome[0] = network.refresh());
        assertEquals(NetworkService.Outcome.UNAVAILABLE, outcome[0]);
        assertTrue(allocated < MAX_ALLOCATED, "the error body was read past the limit: " + allocated / 1024 / 1024
                + " MB allocated during the refresh");
        assertEquals(HEIGHT, height(), "the old snapshot stays");
    }

    @Test
    void aSlowEndlessAnswerIsCutOffAtTheLimitWhilePagesAnswer() throws Exception {
        healthyMempool(HEIGHT + 1, PRICE);
        hugeAnswer("/mempool/api/v1/mining/hashrate/3m", 200, CHUNKS, SLOW_MS);
        Duration took = refreshWhilePagesAnswer(NetworkService.Outcome.UNAVAILABLE);
        assertTrue(took.toMillis() < 10_000, "the refresh took " + took);
        assertEquals(HEIGHT, height(), "the old snapshot stays");
    }
}
