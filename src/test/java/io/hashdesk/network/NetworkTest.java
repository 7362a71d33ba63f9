package io.hashdesk.network;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.hashdesk.network.MempoolStubs.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hashdesk.economics.Consensus;
import io.hashdesk.testing.Json;
import io.hashdesk.testing.Operators;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

@QuarkusTest
class NetworkTest {

    @Inject
    NetworkService network;

    @Inject
    CircuitBreakerMaintenance breakers;

    Operators.Session session;

    @BeforeEach
    void freshStart() {
        breakers.resetAll();
        startAfresh(network);
        session = Operators.newSignedIn("network");
    }

    private JsonPath api() {
        String body = given().cookies(session.cookies()).get("/api/v1/network").then().statusCode(200).extract().asString();
        return Json.exact(body);
    }

    @Test
    void firstStartWithoutNetworkShowsTheBundledSample() {
        JsonPath j = api();
        assertEquals("bundled", j.getString("source"));
        assertEquals(true, j.getBoolean("sample"));
        assertEquals(true, j.getBoolean("stale"));
        assertEquals(71_000, j.getDouble("priceUsd"), 0);
        assertEquals(970e18, j.getDouble("hashrate"), 1e15);
        assertEquals(696, j.getDouble("avgBlockTimeSeconds"), 0);
        assertEquals(-13.79, j.getDouble("nextAdjustment.changePercent"), 0.01);
        given().cookies(session.cookies()).get("/network").then().statusCode(200)
                .body(containsString("Bundled sample"))
                .body(containsString("bundled sample data"))
                .body(containsString("970.0 EH/s"))
                .body(containsString("<svg"))
                .body(containsString("Capitulation"));
    }

    @Test
    void healthyMempoolIsMirroredExactly() {
        healthyMempool(HEIGHT, PRICE);
        assertEquals(NetworkService.Outcome.MEMPOOL, network.refresh());
        JsonPath j = api();
        assertEquals("mempool", j.getString("source"));
        assertEquals(false, j.getBoolean("stale"));
        assertEquals(false, j.getBoolean("sample"));
        assertEquals(PRICE, j.getDouble("priceUsd"), 0);
        assertEquals(DIFFICULTY, j.getDouble("difficulty"), 0);
        assertEquals(HEIGHT, j.getLong("height"));
        assertEquals(HASHRATE, j.getDouble("hashrate"), 0);
        assertEquals(0.021, j.getDouble("feesPerBlockBtc"), 1e-15);
        assertEquals(696.0, j.getDouble("avgBlockTimeSeconds"), 0);
        assertEquals(-13.793103448275868, j.getDouble("nextAdjustment.changePercent"), 0);
        assertEquals(935_424, j.getLong("nextAdjustment.retargetHeight"));
        assertEquals(254, j.getLong("nextAdjustment.remainingBlocks"));
        assertEquals(87.40079365079364, j.getDouble("nextAdjustment.progressPercent"), 0);
        assertEquals(Instant.ofEpochMilli(RETARGET_DATE_MS), Instant.parse(j.getString("nextAdjustment.estimatedRetargetDate")));
        given().cookies(session.cookies()).get("/network").then().statusCode(200)
                .body(containsString("Source: <strong>mempool</strong>"))
                .body(containsString("71,234 USD"))
                .body(containsString("971.0 EH/s"))
                .body(not(containsString("bundled sample data")));
    }

    @Test
    void mempoolDownFallsBackToEsploraWithTheLocallyComputedEstimate() {
        // The last mempool reading, five blocks earlier in the same epoch: the same difficulty as the blocks'
        // bits (a difficulty that changed mid-epoch would be refused as a lie).
        mempool(ESPLORA_TIP - 5, PRICE, Consensus.difficultyFromBits(TIP_BITS), 302_400_000L, -13.793103448275868,
                RETARGET_DATE_MS);
        network.refresh();
        wm().resetAll();
        mempoolDown();
        healthyEsplora();
        assertEquals(NetworkService.Outcome.ESPLORA, network.refresh());
        JsonPath j = api();
        assertEquals("esplora", j.getString("source"));
        assertEquals(ESPLORA_TIP, j.getLong("height"));
        assertEquals(Consensus.difficultyFromBits(TIP_BITS), j.getDouble("difficulty"), 0);
        // docs/economics.md's third vector, computed by hashdesk from the blocks.
        assertEquals(-1.4512637555574193, j.getDouble("nextAdjustment.changePercent"), 0);
        assertEquals(1, j.getLong("nextAdjustment.remainingBlocks"));
        assertEquals(788_256, j.getLong("nextAdjustment.retargetHeight"));
        assertEquals(Consensus.retargetPercent(PREVIOUS_EPOCH_BITS, TIP_BITS),
                j.getDouble("nextAdjustment.previousRetargetPercent"), 1e-12);
        // Esplora has no price: the last good one is kept, and said to be older.
        assertEquals(PRICE, j.getDouble("priceUsd"), 0);
        assertEquals(0.021, j.getDouble("feesPerBlockBtc"), 1e-15);
        given().cookies(session.cookies()).get("/network").then().statusCode(200)
                .body(containsString("Source: <strong>esplora</strong>"))
                .body(containsString("the adjustment estimate is computed by hashdesk"));
    }

    @Test
    void everythingDownKeepsTheLastDataMarksItStaleAndNeverWaitsOnTheInternet() {
        healthyMempool(HEIGHT, PRICE);
        network.refresh();
        // Age the stored snapshot beyond twice the refresh period (2 x 5 min).
        QuarkusTransaction.requiringNew().run(() -> NetworkSnapshot.update("fetchedAt = ?1, priceAt = ?1",
                Instant.now().minusSeconds(3600)));
        network.reload();
        wm().resetAll();
        mempoolDown();
        esploraDown();
        assertEquals(NetworkService.Outcome.UNAVAILABLE, network.refresh());
        wm().resetRequests();
        JsonPath j = api();
        assertEquals(true, j.getBoolean("stale"));
        assertEquals("mempool", j.getString("source"));
        assertEquals(PRICE, j.getDouble("priceUsd"), 0);
        given().cookies(session.cookies()).get("/network").then().statusCode(200)
                .body(containsString("1 h 0 min old"));
        given().cookies(session.cookies()).get("/dashboard").then().statusCode(200)
                .body(containsString("Network data is"));
        // Pages and JSON read the stored snapshot: not one request went upstream while serving them.
        wm().verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void malformedJsonErrorsTimeoutsAndLiesNeverReplaceGoodData() {
        healthyMempool(HEIGHT, PRICE);
        network.refresh();
        esploraDown();

        json("/mempool/api/v1/difficulty-adjustment", "{\"progressPercent\": 87.4, \"difficultyChange\": ");
        assertEquals(NetworkService.Outcome.UNAVAILABLE, network.refresh());
        assertGoodDataKept();

        healthyMempool(HEIGHT, PRICE);
        json("/mempool/api/v1/mining/hashrate/3m", "{\"hashrates\":[],\"currentHashrate\":\"lots\",\"currentDifficulty\":1}");
        assertEquals(NetworkService.Outcome.UNAVAILABLE, network.refresh());
        assertGoodDataKept();

        healthyMempool(HEIGHT, PRICE);
        json("/mempool/api/v1/mining/hashrate/3m", "{\"hashrates\":[],\"currentHashrate\":9.7e20,\"currentDifficulty\":-5}");
        assertEquals(NetworkService.Outcome.UNAVAILABLE, network.refresh());
        assertGoodDataKept();

        breakers.resetAll();
        healthyMempool(HEIGHT, PRICE);
        status("/mempool/api/blocks/tip/height", 503);
        assertEquals(NetworkService.Outcome.UNAVAILABLE, network.refresh());
        assertGoodDataKept();

        breakers.resetAll();
        healthyMempool(HEIGHT, PRICE);
        wm().stubFor(get(urlEqualTo("/mempool/api/blocks/tip/height"))
                .willReturn(aResponse().withStatus(200).withBody("935171").withFixedDelay(1500)));
        assertEquals(NetworkService.Outcome.UNAVAILABLE, network.refresh());
        assertGoodDataKept();

        // A tip far below the known one is a lie or a broken node.
        breakers.resetAll();
        healthyMempool(HEIGHT - 500, PRICE);
        assertEquals(NetworkService.Outcome.REJECTED, network.refresh());
        assertGoodDataKept();

        // A negative price is refused; the rest of a healthy answer is taken, with the last good price.
        healthyMempool(HEIGHT + 1, -1);
        assertEquals(NetworkService.Outcome.MEMPOOL, network.refresh());
        JsonPath j = api();
        assertEquals(HEIGHT + 1, j.getLong("height"));
        assertEquals(PRICE, j.getDouble("priceUsd"), 0);
    }

    private void assertGoodDataKept() {
        JsonPath j = api();
        assertEquals("mempool", j.getString("source"));
        assertEquals(PRICE, j.getDouble("priceUsd"), 0);
        assertEquals(DIFFICULTY, j.getDouble("difficulty"), 0);
        assertEquals(HEIGHT, j.getLong("height"));
    }

    @Test
    void aFailedCallIsRetriedOnce() {
        healthyMempool(HEIGHT, PRICE);
        wm().stubFor(get(urlEqualTo("/mempool/api/blocks/tip/height")).inScenario("flaky")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("recovered"));
        wm().stubFor(get(urlEqualTo("/mempool/api/blocks/tip/height")).inScenario("flaky")
                .whenScenarioStateIs("recovered").willReturn(aResponse().withStatus(200).withBody("935170")));
        assertEquals(NetworkService.Outcome.MEMPOOL, network.refresh());
    }

    @Test
    void anHtmxRefreshAfterTheSessionEndedSendsTheBrowserToSignIn() {
        given().redirects().follow(false).header("HX-Request", "true").get("/network/figures").then()
                .statusCode(200).header("HX-Redirect", "/login");
        // A normal page request is redirected as usual.
        given().redirects().follow(false).get("/network").then().statusCode(302)
                .header("Location", containsString("/login"));
        // Signed in, the fragment comes back alone.
        given().cookies(session.cookies()).header("HX-Request", "true").get("/network/figures").then()
                .statusCode(200).body(containsString("id=\"network-figures\"")).body(not(containsString("<html")));
    }

    @Test
    void networkJsonNeedsCredentials() {
        given().get("/api/v1/network").then().statusCode(401)
                .contentType(equalTo("application/problem+json"));
    }
}
