package io.hashdesk.earnings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.hashdesk.testing.Operators;
import io.hashdesk.testing.Upstream;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Braiins accounts fetched against WireMock answering in the documented shapes: a normal month, a
 * refused token, a 500, a slow answer, a malformed body, a restated day. The token is sent in the
 * Pool-Auth-Token header and never appears in an answer, a page or a log line.
 */
@QuarkusTest
class BraiinsFetchTest {

    static final String REWARDS = "/braiins/accounts/rewards/json/btc";
    static final String PROFILE = "/braiins/accounts/profile/json/btc/";
    static final List<String> LOG = new CopyOnWriteArrayList<>();
    static final List<String> TOKENS = new CopyOnWriteArrayList<>();
    static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord r) {
            String msg = r.getMessage();
            if (r.getParameters() != null && msg != null) {
                try {
                    msg = String.format(Locale.ROOT, msg, r.getParameters());
                } catch (RuntimeException e) {
                    msg = msg + " " + java.util.Arrays.toString(r.getParameters());
                }
            }
            LOG.add(r.getLoggerName() + " " + msg + (r.getThrown() == null ? "" : " " + r.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Inject
    PoolFetcher fetcher;

    @BeforeAll
    static void captureLog() {
        Logger.getLogger("").addHandler(CAPTURE);
    }

    @AfterAll
    static void noTokenInAnyLogLine() {
        Logger.getLogger("").removeHandler(CAPTURE);
        assertThat(LOG).as("log lines captured").isNotEmpty();
        for (String token : TOKENS) {
            assertThat(LOG).noneMatch(line -> line.contains(token));
        }
    }

    static WireMockServer wm() {
        return Upstream.server();
    }

    static LocalDate yesterday() {
        return LocalDate.now(ZoneOffset.UTC).minusDays(1);
    }

    static RequestSpecification as(Operators.Session s) {
        return given().cookies(s.cookies()).header("X-CSRF-TOKEN", s.csrf());
    }

    static String token() {
        String t = "brtk-" + UUID.randomUUID();
        TOKENS.add(t);
        return t;
    }

    /** An answer with the given days (UTC day start in unix seconds, total_reward as a BTC string). */
    static String rewards(Map<LocalDate, String> days) {
        List<String> items = new ArrayList<>();
        days.forEach((d, btc) -> items.add("{\"date\": " + d.atStartOfDay().toEpochSecond(ZoneOffset.UTC)
                + ", \"total_reward\": \"" + btc + "\", \"mining_reward\": \"" + btc + "\", \"bos_plus_reward\": \"0\","
                + " \"referral_bonus\": \"0\", \"referral_reward\": \"0\"}"));
        return "{\"btc\": {\"daily_rewards\": [" + String.join(", ", items) + "]}}";
    }

    static Map<LocalDate, String> month(String btc) {
        Map<LocalDate, String> days = new java.util.TreeMap<>();
        for (int i = 0; i < 30; i++) {
            days.put(yesterday().minusDays(i), btc);
        }
        return days;
    }

    static void answer(String token, int status, String body, int delayMs) {
        wm().stubFor(get(urlPathEqualTo(REWARDS)).withHeader("Pool-Auth-Token", equalTo(token))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(body).withFixedDelay(delayMs)));
        wm().stubFor(get(urlPathEqualTo(PROFILE)).withHeader("Pool-Auth-Token", equalTo(token))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"btc\": {\"hash_rate_unit\": \"Gh/s\", \"hash_rate_5m\": 19800000.5,"
                                + " \"hash_rate_60m\": 19750000.1, \"hash_rate_24h\": 19700000.0}}")));
    }

    static long account(Operators.Session me, String token) {
        return as(me).contentType(ContentType.JSON)
                .body("{\"name\": \"Braiins\", \"kind\": \"braiins\", \"token\": \"" + token + "\"}")
                .post("/api/v1/pools").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static JsonPath fetch(Operators.Session me, long id) {
        String body = as(me).contentType(ContentType.JSON).post("/api/v1/pools/" + id + "/fetch")
                .then().statusCode(200).extract().asString();
        for (String t : TOKENS) {
            assertThat(body).doesNotContain(t);
        }
        return JsonPath.from(body);
    }

    static Map<String, Float> stored(Operators.Session me, long id) {
        JsonPath days = as(me).get("/api/v1/earnings?from=" + yesterday().minusDays(60) + "&to=" + yesterday()
                + "&poolId=" + id).then().statusCode(200).extract().jsonPath();
        Map<String, Float> out = new java.util.TreeMap<>();
        List<String> dates = days.getList("days.date");
        List<Float> btc = days.getList("days.creditedBtc", Float.class);
        for (int i = 0; i < dates.size(); i++) {
            out.put(dates.get(i), btc.get(i));
        }
        return out;
    }

    @Test
    void aNormalMonthIsStoredWithTheTokenInTheHeaderOnly() {
        Operators.Session me = Operators.newSignedIn("braiins-month");
        String token = token();
        answer(token, 200, rewards(month("0.00123456")), 0);
        long id = account(me, token);
        JsonPath after = fetch(me, id);
        assertThat(after.getString("state")).isEqualTo("ok");
        assertThat(after.getInt("daysStored")).isEqualTo(30);
        assertThat(after.getString("lastFetchAt")).isNotNull();
        Map<String, Float> days = stored(me, id);
        assertThat(days).hasSize(30).containsEntry(yesterday().toString(), 0.00123456f);
        wm().verify(getRequestedFor(urlPathEqualTo(REWARDS)).withHeader("Pool-Auth-Token", equalTo(token))
                .withQueryParam("to", equalTo(yesterday().toString())));
        String page = given().cookies(me.cookies()).get("/pools").then().statusCode(200).extract().asString();
        assertThat(page).contains(">ok<").doesNotContain(token);
        String earnings = given().cookies(me.cookies()).get("/earnings").then().statusCode(200).extract().asString();
        assertThat(earnings).contains("0.00123456 BTC").doesNotContain(token);
    }

    @Test
    void aRefusedTokenIsNotTriedAgainUntilTheTokenChanges() {
        Operators.Session me = Operators.newSignedIn("braiins-refused");
        String token = token();
        answer(token, 401, "{\"detail\": \"Invalid token\"}", 0);
        long id = account(me, token);
        JsonPath after = fetch(me, id);
        assertThat(after.getString("state")).isEqualTo("token-refused");
        assertThat(after.getString("lastError")).contains("refused the token");
        int calls = wm().findAll(getRequestedFor(urlPathEqualTo(REWARDS)).withHeader("Pool-Auth-Token", equalTo(token))).size();
        fetcher.runDue();
        fetch(me, id);
        assertThat(wm().findAll(getRequestedFor(urlPathEqualTo(REWARDS)).withHeader("Pool-Auth-Token", equalTo(token))))
                .hasSize(calls);
        String page = given().cookies(me.cookies()).get("/pools").then().statusCode(200).extract().asString();
        assertThat(page).contains("token refused").contains("refused the token");

        String fresh = token();
        answer(fresh, 200, rewards(month("0.001")), 0);
        as(me).contentType(ContentType.JSON).body("{\"name\": \"Braiins\", \"kind\": \"braiins\", \"token\": \"" + fresh + "\"}")
                .put("/api/v1/pools/" + id).then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("new"));
        fetcher.runDue();
        JsonPath now = as(me).get("/api/v1/pools/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(now.getString("state")).isEqualTo("ok");
        assertThat(now.getInt("daysStored")).isEqualTo(30);
    }

    @Test
    void aServerErrorASlowAnswerAndAMalformedBodyKeepTheStoredDaysAndSayWhy() {
        Operators.Session me = Operators.newSignedIn("braiins-errors");
        String token = token();
        answer(token, 200, rewards(month("0.002")), 0);
        long id = account(me, token);
        assertThat(fetch(me, id).getInt("daysStored")).isEqualTo(30);

        answer(token, 500, "oops", 0);
        JsonPath failed = fetch(me, id);
        assertThat(failed.getString("state")).isEqualTo("error");
        assertThat(failed.getString("lastError")).contains("HTTP 500").contains("stored days kept");
        assertThat(failed.getInt("daysStored")).isEqualTo(30);

        answer(token, 200, rewards(month("0.003")), 2_000);
        JsonPath slow = fetch(me, id);
        assertThat(slow.getString("state")).isEqualTo("error");
        assertThat(slow.getString("lastError")).contains("did not answer in time");

        answer(token, 200, "{\"btc\": {\"daily_rewards\": [{\"date\": \"yesterday\", \"total_reward\": \"0.1\"}]}}", 0);
        JsonPath malformed = fetch(me, id);
        assertThat(malformed.getString("state")).isEqualTo("error");
        assertThat(malformed.getString("lastError")).contains("date");
        answer(token, 200, "<html>maintenance</html>", 0);
        assertThat(fetch(me, id).getString("lastError")).contains("not valid JSON");

        assertThat(stored(me, id)).hasSize(30).allSatisfy((d, btc) -> assertThat(btc).isEqualTo(0.002f));
        String page = given().cookies(me.cookies()).get("/pools").then().statusCode(200).extract().asString();
        assertThat(page).contains("not valid JSON");
    }

    @Test
    void aRestatedDayReplacesTheStoredOne() {
        Operators.Session me = Operators.newSignedIn("braiins-restated");
        String token = token();
        answer(token, 200, rewards(month("0.001")), 0);
        long id = account(me, token);
        fetch(me, id);
        Map<LocalDate, String> restated = new java.util.TreeMap<>();
        restated.put(yesterday().minusDays(1), "0.00111111");
        restated.put(yesterday(), "0.001");
        answer(token, 200, rewards(restated), 0);
        JsonPath after = fetch(me, id);
        assertThat(after.getInt("daysStored")).isEqualTo(30);
        assertThat(stored(me, id)).containsEntry(yesterday().minusDays(1).toString(), 0.00111111f)
                .containsEntry(yesterday().minusDays(2).toString(), 0.001f);
    }
}
