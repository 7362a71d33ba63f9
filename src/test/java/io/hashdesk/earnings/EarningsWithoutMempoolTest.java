package io.hashdesk.earnings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.hashdesk.earnings.PoolsApiTest.as;
import static io.hashdesk.earnings.PoolsApiTest.createPool;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Operators;
import io.hashdesk.testing.Upstream;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * /earnings and GET /api/v1/earnings read stored network history only: with mempool's history slow
 * (answers after the client's timeout), neither asks it; the uploaded days show as without history,
 * and the pool job's history step fills them, after which both show the expected side.
 */
@QuarkusTest
class EarningsWithoutMempoolTest {

    @Inject
    NetworkHistory history;

    private final EarningsHistoryTest fixtures = new EarningsHistoryTest();

    @Test
    void thePageAndTheApiNeverWaitOnMempoolAndTheJobFillsTheDays() {
        LocalDate y = EarningsHistoryTest.yesterday();
        // Clear of the other earnings tests' days (y-3 .. y, and 16 days back and before).
        List<LocalDate> days = List.of(y.minusDays(9), y.minusDays(8));
        QuarkusTransaction.requiringNew().run(() -> days.forEach(d -> Panache.getEntityManager()
                .createNativeQuery("DELETE FROM network_day WHERE network_date = :d").setParameter("d", Date.valueOf(d))
                .executeUpdate()));
        var wm = Upstream.server();
        var slow = wm.stubFor(get(urlPathMatching("/mempool/api/v1/(mining|historical-price).*"))
                .willReturn(aResponse().withFixedDelay(3_000).withStatus(500)));
        history.retryNow();
        Operators.Session me = Operators.newSignedIn("earnings-no-wait");
        long site = MeasuredUptimeTest.site(me, "Texas", 97);
        long pool = createPool(me, "{\"name\": \"Foundry <b>Texas</b>\", \"kind\": \"csv\", \"siteId\": " + site + "}");
        MeasuredUptimeTest.upload(me, pool, days, List.of(0.008, 0.0079));
        wm.resetRequests();

        String page = given().cookies(me.cookies()).get("/earnings").then().statusCode(200).extract().asString();
        JsonPath api = as(me).get("/api/v1/earnings?from=" + days.get(0) + "&to=" + days.get(1)).then().statusCode(200)
                .extract().jsonPath();
        wm.verify(0, getRequestedFor(urlPathMatching("/mempool/api/v1/(mining|historical-price).*")));
        assertThat(page).contains("no network history for this day").contains("Foundry &lt;b&gt;Texas&lt;/b&gt;");
        assertThat(api.getList("days.date")).containsExactly(days.get(0).toString(), days.get(1).toString());
        assertThat(api.getList("days.expectedBtc")).containsExactly(null, null);
        assertThat(api.getList("days.creditedBtc", Float.class)).containsExactly(0.008f, 0.0079f);

        wm.removeStub(slow);
        // The job's history step: mempool answering now, the missing days are fetched and kept.
        fixtures.history = history;
        fixtures.stubHistory(y.minusDays(1), days);
        // The first history call of a run now and then fails on the client's side ("headers is null", as
        // MeasuredUptimeTest notes): the job's next run asks again.
        if (history.fetchMissingCredited() < days.size()) {
            history.retryNow();
            history.fetchMissingCredited();
        }
        JsonPath after = as(me).get("/api/v1/earnings?from=" + days.get(0) + "&to=" + days.get(1)).then()
                .statusCode(200).extract().jsonPath();
        assertThat(after.getList("days.expectedBtc", Float.class)).hasSize(2).doesNotContainNull().allMatch(e -> e > 0);
        assertThat(given().cookies(me.cookies()).get("/earnings").then().statusCode(200).extract().asString())
                .doesNotContain("no network history for this day");
    }
}
