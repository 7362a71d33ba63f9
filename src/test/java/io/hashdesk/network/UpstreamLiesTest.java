package io.hashdesk.network;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.hashdesk.network.MempoolStubs.DIFFICULTY;
import static io.hashdesk.network.MempoolStubs.HEIGHT;
import static io.hashdesk.network.MempoolStubs.PRICE;
import static io.hashdesk.network.MempoolStubs.startAfresh;
import static io.hashdesk.network.MempoolStubs.RETARGET_DATE_MS;
import static io.hashdesk.network.MempoolStubs.esploraDown;
import static io.hashdesk.network.MempoolStubs.healthyMempool;
import static io.hashdesk.network.MempoolStubs.json;
import static io.hashdesk.network.MempoolStubs.mempool;
import static io.hashdesk.network.MempoolStubs.wm;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hashdesk.economics.NetworkState;
import io.hashdesk.testing.Json;
import io.hashdesk.testing.Operators;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * An upstream that answers in the right shape but says what cannot be true: the good data is kept,
 * the refusal is logged and shown on /network.
 */
@QuarkusTest
class UpstreamLiesTest {

    @Inject
    NetworkService network;

    @Inject
    CircuitBreakerMaintenance breakers;

    Operators.Session session;

    @BeforeEach
    void goodDataFirst() {
        breakers.resetAll();
        startAfresh(network);
        session = Operators.newSignedIn("lies");
        healthyMempool(HEIGHT, PRICE);
        assertEquals(NetworkService.Outcome.MEMPOOL, network.refresh());
        esploraDown();
    }

    private JsonPath api() {
        return Json.exact(given().cookies(session.cookies()).get("/api/v1/network").then().statusCode(200).extract()
                .asString());
    }

    private String page() {
        return given().cookies(session.cookies()).get("/network").then().statusCode(200).extract().asString();
    }

    @Test
    void aPriceAThousandTimesHigherIsHeldAndTheGoodPriceKept() {
        healthyMempool(HEIGHT + 1, PRICE * 1000);
        assertEquals(NetworkService.Outcome.MEMPOOL, network.refresh());
        JsonPath j = api();
        assertEquals(HEIGHT + 1, j.getLong("height"), "the rest of the reading is taken");
        assertEquals(PRICE, j.getDouble("priceUsd"), 0, "the good price is kept");
        String page = page();
        assertEquals(true, page.contains("Readings refused as implausible"), page);
        assertEquals(true, page.contains("BTC price"), page);
        assertEquals(true, page.contains("71,234,000.00 USD is +99900 % from the last good 71,234.00 USD"), page);
        // The next reading is back to normal: taken, and nothing is waiting any more.
        healthyMempool(HEIGHT + 2, PRICE + 50);
        network.refresh();
        assertEquals(PRICE + 50, api().getDouble("priceUsd"), 0);
    }

    @Test
    void aDifficultyAMillionTimesLowerMidEpochIsRefusedWhole() {
        mempool(HEIGHT + 1, PRICE, DIFFICULTY / 1e6, 302_400_000L, -13.793103448275868, RETARGET_DATE_MS);
        assertEquals(NetworkService.Outcome.REJECTED, network.refresh());
        JsonPath j = api();
        assertEquals(DIFFICULTY, j.getDouble("difficulty"), 0);
        assertEquals(HEIGHT, j.getLong("height"));
        given().cookies(session.cookies()).get("/network").then().statusCode(200)
                .body(containsString("within one retarget period"))
                .body(containsString("the last good data is kept"));
        // Across a retarget a change within x4 is believed; beyond it, not.
        long next = HEIGHT - HEIGHT % 2016 + 2016;
        mempool(next + 3, PRICE, DIFFICULTY * 5, 302_400_000L, 0, RETARGET_DATE_MS + 14L * 86_400_000);
        assertEquals(NetworkService.Outcome.REJECTED, network.refresh());
        mempool(next + 3, PRICE, DIFFICULTY * 1.05, 302_400_000L, 0, RETARGET_DATE_MS + 14L * 86_400_000);
        assertEquals(NetworkService.Outcome.MEMPOOL, network.refresh());
        assertEquals(DIFFICULTY * 1.05, api().getDouble("difficulty"), 1);
    }

    @Test
    void aConfirmedSixtyPercentMoveIsTakenOnTheSecondReading() {
        healthyMempool(HEIGHT + 1, PRICE * 1.6);
        network.refresh();
        assertEquals(PRICE, api().getDouble("priceUsd"), 0, "held after one reading");
        healthyMempool(HEIGHT + 2, PRICE * 1.61);
        network.refresh();
        JsonPath j = api();
        assertEquals(PRICE * 1.61, j.getDouble("priceUsd"), 1e-6, "confirmed by the second reading");
        assertEquals(HEIGHT + 2, j.getLong("height"));
    }

    @Test
    void feesBeyondAnyDayOnRecordAreRefused() {
        // 144 blocks with 100 BTC of fees each.
        mempool(HEIGHT + 1, PRICE, DIFFICULTY, 144L * 100 * 100_000_000L, -13.793103448275868, RETARGET_DATE_MS);
        assertEquals(NetworkService.Outcome.MEMPOOL, network.refresh());
        assertEquals(0.021, api().getDouble("feesPerBlockBtc"), 1e-15);
        given().cookies(session.cookies()).get("/network").then().body(containsString("fees per block"));
    }

    @Test
    void anOversizedAnswerIsRefusedUnread() {
        String huge = "{\"USD\": 71300, \"padding\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        healthyMempool(HEIGHT + 1, PRICE);
        json("/mempool/api/v1/prices", huge);
        assertEquals(NetworkService.Outcome.MEMPOOL, network.refresh());
        JsonPath j = api();
        assertEquals(HEIGHT + 1, j.getLong("height"));
        assertEquals(PRICE, j.getDouble("priceUsd"), 0, "the 3 MB price answer is not used");
        // Without a Content-Length (chunked), the limit holds while reading.
        breakers.resetAll();
        healthyMempool(HEIGHT + 2, PRICE);
        wm().stubFor(get(urlEqualTo("/mempool/api/v1/mining/hashrate/3m")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withChunkedDribbleDelay(4, 20).withBody(huge)));
        assertEquals(NetworkService.Outcome.UNAVAILABLE, network.refresh());
        assertEquals(HEIGHT + 1, api().getLong("height"));
    }

    @Test
    void aFlatNinetyDayHistoryRendersTheNetworkPage() {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < 90; i++) {
            points.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"timestamp\":%d,\"avgHashrate\":6.15e20}", 1762560000L + i * 86400L));
        }
        healthyMempool(HEIGHT + 1, PRICE);
        json("/mempool/api/v1/mining/hashrate/3m", "{\"hashrates\":[" + points + "],\"difficulty\":[],"
                + "\"currentHashrate\":6.15e20,\"currentDifficulty\":" + DIFFICULTY + "}");
        assertEquals(NetworkService.Outcome.MEMPOOL, network.refresh());
        String page = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> given().cookies(session.cookies())
                .get("/network").then().statusCode(200).extract().asString());
        assertEquals(true, page.contains("615.0 EH/s"), "the flat hashrate is shown");
        assertEquals(true, page.contains("<svg"), "with its chart");
    }

    @Test
    void twoInstancesRefreshingAtOnceStoreOneSnapshot() throws Exception {
        Instant at = Instant.now().plusSeconds(1);
        long before = QuarkusTransaction.requiringNew().call(() -> NetworkSnapshot.count("height", HEIGHT + 7));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<NetworkSnapshot>> saves = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                double price = 70_000 + i;
                saves.add(pool.submit(() -> {
                    go.await();
                    return store.save(snapshot(at, HEIGHT + 7, price), Duration.ofMinutes(5));
                }));
            }
            go.countDown();
            for (var f : saves) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, before);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> NetworkSnapshot.count("height", HEIGHT + 7)),
                "one snapshot for one tip and refresh period");
        // A new tip in the same period is new data, and is kept beside it.
        store.save(snapshot(at.plusSeconds(30), HEIGHT + 8, 70_100), Duration.ofMinutes(5));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> NetworkSnapshot.count("height", HEIGHT + 8)));
    }

    @Inject
    SnapshotStore store;

    static NetworkSnapshot snapshot(Instant at, long height, double price) {
        return MempoolStubs.snapshot(at, height, price, DIFFICULTY);
    }

    @Test
    void theHashpriceThirtyDaysAgoComesFromTheNearestSnapshot() {
        Instant at = Instant.parse("2026-10-01T12:00:00Z");
        // Inside the +-2 day window: 40 h before, 3 h after and 30 h after. The nearest is 3 h after.
        for (Object[] s : new Object[][] { { -40, 50_000.0, 1L }, { 3, 60_000.0, 2L }, { 30, 70_000.0, 3L } }) {
            NetworkSnapshot snap = snapshot(at.plus(Duration.ofHours((Integer) s[0])), 900_000 + (Long) s[2], (Double) s[1]);
            QuarkusTransaction.requiringNew().run(() -> snap.persist());
        }
        Double near = store.hashpriceNear(at);
        NetworkSnapshot nearest = snapshot(at.plus(Duration.ofHours(3)), 900_002, 60_000.0);
        double expected = new NetworkState(nearest.priceUsd, nearest.difficulty, nearest.height,
                nearest.feesPerBlockBtc, 0, nearest.nextRetargetHeight, nearest.estimatedRetargetDate)
                .hashpriceUsdPerThDay();
        assertEquals(expected, near, 1e-12, "the snapshot 3 h after, not the earliest 40 h before");
        given().cookies(session.cookies()).get("/network").then().body(not(containsString("Exception")));
    }
}
