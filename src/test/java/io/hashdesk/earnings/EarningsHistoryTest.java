package io.hashdesk.earnings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Operators;
import io.hashdesk.testing.Upstream;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Reconciliation against network history backfilled from stubbed mempool history endpoints, with a
 * retarget inside the reported range: the reference's worked example day by day, the retarget day
 * split, a day without history shown as such, and a day above 10x the expectation refused.
 */
@QuarkusTest
class EarningsHistoryTest {

    static final double D0 = 1.4e14;
    static final double D1 = 1.54e14;
    /** The reference's worked example: 100 x 200 TH/s, uptime 97 %, fee 2 %, D 1.4e14, 3.125 + 0.025 BTC. */
    static final double EXPECTED = 0.0086053;

    @Inject
    NetworkHistory history;

    static LocalDate yesterday() {
        return LocalDate.now(ZoneOffset.UTC).minusDays(1);
    }

    static long at(LocalDate d, int hour) {
        return d.atStartOfDay().toEpochSecond(ZoneOffset.UTC) + hour * 3600L;
    }

    void stubHistory(LocalDate retargetDay, List<LocalDate> daysWithFees) {
        var wm = Upstream.server();
        wm.stubFor(get(urlPathEqualTo("/mempool/api/v1/mining/difficulty-adjustments")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("[[" + at(retargetDay, 6) + ", 929376, " + D1
                        + ", 1.1], [" + at(retargetDay.minusDays(14), 0) + ", 927360, " + D0 + ", 1.02], ["
                        + at(retargetDay.minusDays(28), 0) + ", 925344, 1.3725e14, 0.99]]")));
        StringBuilder fees = new StringBuilder("[");
        for (LocalDate d : daysWithFees) {
            for (int h : new int[] { 3, 15 }) {
                fees.append(fees.length() > 1 ? ", " : "").append("{\"avgHeight\": 929000, \"timestamp\": ")
                        .append(at(d, h)).append(", \"avgFees\": 2500000, \"USD\": 2250}");
            }
        }
        wm.stubFor(get(urlPathMatching("/mempool/api/v1/mining/blocks/fees/.*")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(fees.append("]").toString())));
        wm.stubFor(get(urlPathEqualTo("/mempool/api/v1/historical-price")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"prices\": [{\"time\": 1764547200, \"USD\": 90000}], \"exchangeRates\": {}}")));
        history.retryNow();
    }

    static String rewards(Map<LocalDate, String> days) {
        StringBuilder b = new StringBuilder("{\"btc\": {\"daily_rewards\": [");
        days.forEach((d, btc) -> b.append(b.charAt(b.length() - 1) == '[' ? "" : ", ").append("{\"date\": ")
                .append(at(d, 0)).append(", \"total_reward\": \"").append(btc).append("\"}"));
        return b.append("]}}").toString();
    }

    static long fleetWithBraiins(Operators.Session me, String token) {
        long site = BraiinsFetchTest.as(me).contentType(ContentType.JSON).body("{\"name\": \"Texas\", \"tariff\":"
                + " {\"type\": \"flat\", \"usdPerKwh\": 0.05}, \"poolFeePercent\": 2, \"uptimePercent\": 97}")
                .post("/api/v1/sites").then().statusCode(201).extract().jsonPath().getLong("id");
        BraiinsFetchTest.as(me).contentType(ContentType.JSON).body("{\"siteId\": " + site + ", \"model\": \"S21\","
                + " \"units\": 100, \"terahash\": 200, \"watts\": 3500}")
                .post("/api/v1/rigs").then().statusCode(201);
        return BraiinsFetchTest.as(me).contentType(ContentType.JSON).body("{\"name\": \"Braiins Texas\", \"kind\":"
                + " \"braiins\", \"siteId\": " + site + ", \"token\": \"" + token + "\"}")
                .post("/api/v1/pools").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void creditedAgainstExpectedWithARetargetInsideTheRangeAndADayWithoutHistory() {
        LocalDate y = yesterday();
        LocalDate noHistory = y.minusDays(3);
        stubHistory(y.minusDays(1), List.of(y.minusDays(2), y.minusDays(1), y));
        Operators.Session me = Operators.newSignedIn("earnings-history");
        String token = BraiinsFetchTest.token();
        Map<LocalDate, String> days = new TreeMap<>();
        days.put(noHistory, "0.008");
        days.put(y.minusDays(2), "0.008175");
        days.put(y.minusDays(1), "0.0080");
        days.put(y, "0.0075");
        BraiinsFetchTest.answer(token, 200, rewards(days), 0);
        long id = fleetWithBraiins(me, token);
        assertThat(BraiinsFetchTest.fetch(me, id).getString("state")).isEqualTo("ok");

        JsonPath e = BraiinsFetchTest.as(me).get("/api/v1/earnings?from=" + noHistory + "&to=" + y + "&poolId=" + id)
                .then().statusCode(200).extract().jsonPath();
        assertThat(e.getList("days.date")).containsExactly(noHistory.toString(), y.minusDays(2).toString(),
                y.minusDays(1).toString(), y.toString());
        // The day without network history: credited kept, nothing expected invented.
        assertThat(e.<Object>get("days[0].expectedBtc")).isNull();
        assertThat(e.<Object>get("days[0].realizedPercent")).isNull();
        // The worked example.
        assertThat(e.getDouble("days[1].expectedBtc")).isCloseTo(EXPECTED, within(5e-8));
        assertThat(e.getDouble("days[1].realizedPercent")).isCloseTo(95.0, within(0.05));
        assertThat(e.getDouble("days[1].effectiveUptimePercent")).isCloseTo(92.15, within(0.01));
        assertThat(e.getDouble("days[1].creditedUsd")).isCloseTo(0.008175 * 90000, within(1e-6));
        assertThat(e.getDouble("days[1].nameplateThs")).isEqualTo(20000.0);
        // The retarget at 06:00 splits its day: a quarter at D0, three quarters at D1.
        assertThat(e.getDouble("days[2].expectedBtc")).isCloseTo(EXPECTED * (0.25 + 0.75 * D0 / D1), within(5e-8));
        assertThat(e.getDouble("days[3].expectedBtc")).isCloseTo(EXPECTED * D0 / D1, within(5e-8));
        assertThat(e.getDouble("totals.creditedBtc")).isCloseTo(0.008175 + 0.008 + 0.0075, within(1e-12));

        String page = given().cookies(me.cookies()).get("/earnings").then().statusCode(200).extract().asString();
        assertThat(page).contains("no network history for this day").contains("95.00 %").contains("Braiins Texas");
    }

    @Test
    void aDayAboveTenTimesTheExpectationIsRefusedAndNothingIsStored() {
        LocalDate y = yesterday();
        stubHistory(y.minusDays(1), List.of(y.minusDays(2), y.minusDays(1), y)); // history is shared: the same as above
        Operators.Session me = Operators.newSignedIn("earnings-tenfold");
        String token = BraiinsFetchTest.token();
        Map<LocalDate, String> days = new TreeMap<>();
        days.put(y.minusDays(1), "0.0085");
        days.put(y, "0.5");
        BraiinsFetchTest.answer(token, 200, rewards(days), 0);
        long id = fleetWithBraiins(me, token);
        JsonPath after = BraiinsFetchTest.fetch(me, id);
        assertThat(after.getString("state")).isEqualTo("error");
        assertThat(after.getString("lastError")).contains("more than 10 times").contains(y.toString());
        assertThat(after.getInt("daysStored")).isZero();
    }
}
