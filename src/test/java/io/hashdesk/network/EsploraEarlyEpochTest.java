package io.hashdesk.network;

import static io.hashdesk.network.MempoolStubs.esploraBlock;
import static io.hashdesk.network.MempoolStubs.mempoolDown;
import static io.hashdesk.network.MempoolStubs.startAfresh;
import static io.hashdesk.network.MempoolStubs.text;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Json;
import io.hashdesk.testing.Operators;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The esplora fallback early in an epoch (fewer than 503 blocks in): the estimate reaches into the
 * last epoch through the block 503 back and the previous retarget (from the two epochs' bits, as
 * mempool computes it), and its date follows from the adjusted average block time.
 */
@QuarkusTest
class EsploraEarlyEpochTest {

    private static final long EPOCH_START = 880_992; // 437 x 2016
    private static final long TIP = EPOCH_START + 200;
    /** Mainnet bits of two consecutive epochs; mempool's calcBitsDifference gives -6.149984311264518 for them. */
    private static final long PREVIOUS_BITS = 0x17030ecdL;
    private static final long BITS = 0x17034219L;
    private static final double PREVIOUS_RETARGET = -6.149984311264518;

    @Inject
    NetworkService network;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void freshStart() {
        breakers.resetAll();
        startAfresh(network);
    }

    @Test
    void earlyInAnEpochTheEstimateUsesTheBlock503BackAndThePreviousRetarget() {
        long now0 = Instant.now().getEpochSecond();
        long epochStartTime = now0 - 200 * 590;
        long block503Time = epochStartTime - 303 * 610;
        mempoolDown();
        text("/esplora/blocks/tip/height", Long.toString(TIP));
        esploraBlock(TIP, now0 - 300, BITS);
        esploraBlock(EPOCH_START, epochStartTime, BITS);
        esploraBlock(TIP - 503, block503Time, PREVIOUS_BITS);
        esploraBlock(EPOCH_START - 2016, epochStartTime - 2016 * 600, PREVIOUS_BITS);

        long before = Instant.now().getEpochSecond();
        assertEquals(NetworkService.Outcome.ESPLORA, network.refresh());
        long after = Instant.now().getEpochSecond();

        Operators.Session session = Operators.newSignedIn("esplora-early");
        String body = given().cookies(session.cookies()).get("/api/v1/network").then().statusCode(200).extract()
                .asString();
        JsonPath j = Json.exact(body);
        assertEquals(PREVIOUS_RETARGET, j.getDouble("nextAdjustment.previousRetargetPercent"), 0);
        assertEquals(1816, j.getLong("nextAdjustment.remainingBlocks"));
        double change = j.getDouble("nextAdjustment.changePercent");
        Instant date = Instant.parse(j.getString("nextAdjustment.estimatedRetargetDate"));
        // docs/economics.md's sliding window, for the second the estimate was made in.
        boolean matched = false;
        for (long now = before; now <= after && !matched; now++) {
            double diffSeconds = Math.max(0, now - epochStartTime);
            double lastEpochPart = (epochStartTime - block503Time) * (1 + PREVIOUS_RETARGET / 100);
            double span = diffSeconds + lastEpochPart;
            double expectedChange = (600 / (span / 504) - 1) * 100;
            long expectedDate = now * 1000 + 1816 * (long) Math.floor(span / 503 * 1000);
            if (expectedChange == change) {
                assertEquals(Instant.ofEpochMilli(expectedDate), date);
                matched = true;
            }
        }
        assertTrue(matched, "change " + change + " is the sliding-window estimate of a second in [" + before + ", "
                + after + "]");
        // The blocks here run faster than 600 s: difficulty is expected to rise.
        assertTrue(change > 0);
    }
}
