package io.hashdesk.network;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The age of the network data, on the management port: a readiness entry that informs but never
 * takes an instance out of rotation (an upstream outage hits every instance alike), and a gauge.
 */
@QuarkusTest
class NetworkDataHealthTest {

    private static final Pattern AGE = Pattern.compile("(?m)^hashdesk_network_data_age_seconds(?:\\{[^}]*\\})? (\\S+)$");

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    NetworkService network;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void freshStart() {
        breakers.resetAll();
        MempoolStubs.startAfresh(network);
    }

    private String base() {
        return "http://" + management.getHost() + ":" + management.getPort();
    }

    private JsonPath networkEntry() {
        JsonPath ready = given().baseUri(base()).get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP")).extract().jsonPath();
        return new JsonPath(ready.prettify()).setRootPath("checks.find { it.name == 'Network data' }");
    }

    private double gaugeSeconds() {
        String metrics = given().baseUri(base()).get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = AGE.matcher(metrics);
        assertTrue(m.find(), "no age gauge in\n" + metrics);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void upstreamDownAndOnlyTheSampleStillReady() {
        MempoolStubs.mempoolDown();
        MempoolStubs.esploraDown();
        assertEquals(NetworkService.Outcome.UNAVAILABLE, network.refresh());

        JsonPath entry = networkEntry();
        assertEquals("UP", entry.getString("status"));
        assertEquals("bundled", entry.getString("data.source"));
        assertEquals(true, entry.getBoolean("data.sample"));
        assertEquals(true, entry.getBoolean("data.stale"));
        Instant sampleDate = network.bundled().fetchedAt();
        long expected = Duration.between(sampleDate, Instant.now()).toSeconds();
        assertEquals(expected, entry.getLong("data.ageSeconds"), 60);
        assertEquals(expected, gaugeSeconds(), 60);
    }

    @Test
    void freshLiveDataIsSecondsOld() {
        MempoolStubs.healthyMempool(MempoolStubs.HEIGHT, MempoolStubs.PRICE);
        assertEquals(NetworkService.Outcome.MEMPOOL, network.refresh());

        JsonPath entry = networkEntry();
        assertEquals("UP", entry.getString("status"));
        assertEquals("mempool", entry.getString("data.source"));
        assertEquals(false, entry.getBoolean("data.sample"));
        assertEquals(false, entry.getBoolean("data.stale"));
        // Seconds, not the months of the sample (generous: the build machine is shared).
        assertTrue(entry.getLong("data.ageSeconds") <= 60, entry.prettify());
        double gauge = gaugeSeconds();
        assertTrue(gauge >= 0 && gauge <= 60, "gauge " + gauge);
    }
}
