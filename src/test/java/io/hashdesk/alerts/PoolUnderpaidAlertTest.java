package io.hashdesk.alerts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.hashdesk.network.NetworkService;
import io.hashdesk.testing.Operators;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The pool-underpaid rule over stored earnings days: quiet while an account is paid, one alert saying
 * what to do when its last 3 reconciled days fall below the threshold (the rule's, else the account's),
 * nothing more while it stays below, silent when it recovers, and per account. The days lie in 2030 so
 * that no other test's network history is touched; the evaluation runs on that day with the pool kind only.
 */
@QuarkusTest
class PoolUnderpaidAlertTest {

    /** The network of every stored day: difficulty 1.4e14, subsidy 3.125 BTC (height 935,000), fees 0.025 BTC. */
    static final double DIFFICULTY = 1.4e14;
    /** What 10 x 104 TH/s at 100 % uptime and a 2 % pool fee earn in expectation on such a day. */
    static final double EXPECTED = 10 * 104e12 * 86_400 * 1.0 * 3.15 / (DIFFICULTY * 4294967296.0) * 0.98;
    static final LocalDate TODAY = LocalDate.of(2030, 1, 20);

    @Inject
    DataSource dataSource;

    @Inject
    AlertFiring firing;

    @Inject
    NetworkService network;

    static long csvPool(Operators.Session s, String name, Long siteId) {
        return AlertFixtures.as(s).body("{\"name\": \"" + name + "\", \"kind\": \"csv\"" + (siteId == null ? ""
                : ", \"siteId\": " + siteId) + "}").post("/api/v1/pools").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    /** The network days and an account's credits, {@code shares} of expected on the days before {@link #TODAY}. */
    void days(long poolId, double... shares) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement clear = c.prepareStatement("DELETE FROM network_day WHERE network_date = ?");
                PreparedStatement net = c.prepareStatement("INSERT INTO network_day (network_date, difficulty, height,"
                        + " price_usd, fees_per_block_btc, recorded_at) VALUES (?, ?, 935000, 90000, 0.025, CURRENT_TIMESTAMP)");
                PreparedStatement del = c.prepareStatement("DELETE FROM pool_earning_day WHERE pool_id = ? AND earning_date = ?");
                PreparedStatement day = c.prepareStatement("INSERT INTO pool_earning_day (pool_id, earning_date,"
                        + " credited_btc, source, recorded_at) VALUES (?, ?, ?, 'csv', CURRENT_TIMESTAMP)")) {
            for (int i = 0; i < shares.length; i++) {
                Date d = Date.valueOf(TODAY.minusDays(shares.length - i));
                clear.setDate(1, d);
                clear.executeUpdate();
                net.setDate(1, d);
                net.setDouble(2, DIFFICULTY);
                net.executeUpdate();
                del.setLong(1, poolId);
                del.setDate(2, d);
                del.executeUpdate();
                day.setLong(1, poolId);
                day.setDate(2, d);
                day.setDouble(3, EXPECTED * shares[i]);
                day.executeUpdate();
            }
        }
    }

    AlertEvaluator.Result evaluate(int minute) throws SQLException {
        Instant at = TODAY.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600 + 60L * minute);
        return AlertEvaluator.evaluate(dataSource::getConnection,
                Map.of(AlertKind.POOL_UNDERPAID, new PoolUnderpaidEvaluator()), v -> Map.of(), firing::change,
                network.latest(), Map.of("USD", 1.0), at, true);
    }

    static List<String> alerts(Operators.Session s) {
        return AlertFixtures.as(s).get("/api/v1/alerts").then().statusCode(200).extract().jsonPath().getList("subject");
    }

    @Test
    void anAccountCreditingLessThanItsThresholdFiresOnceAndPerAccount() throws SQLException {
        Operators.Session s = AlertFixtures.verified("underpaid");
        long site = AlertFixtures.flatSite(s, "Pecos", 0.05);
        AlertFixtures.rig(s, site, "S19j Pro");
        long pecos = csvPool(s, "Braiins Pecos", site);
        long other = csvPool(s, "Ocean Pecos", site);
        AlertFixtures.as(s).body("{\"kind\":\"pool-underpaid\"}").post("/api/v1/alerts/rules").then().statusCode(201)
                .body("poolId", org.hamcrest.Matchers.nullValue()).body("threshold", org.hamcrest.Matchers.nullValue());
        days(pecos, 0.97, 0.99, 0.98);
        days(other, 0.99, 0.99, 0.99);
        evaluate(0); // first sight: both paid, nothing fires
        assertThat(alerts(s)).isEmpty();

        // The last three days: 82.1 % of expected in all, below the account's 90 %.
        days(pecos, 0.75, 0.8, 0.913);
        evaluate(1);
        assertThat(alerts(s)).containsExactly("Check Braiins Pecos: credited 82.1 % of expected over 3 days, below 90 %");
        evaluate(2);
        evaluate(3);
        assertThat(alerts(s)).as("once while it stays below").hasSize(1);

        // Recovered: the state clears without a mail; a later drop fires again.
        days(pecos, 1.0, 1.0, 1.0);
        evaluate(4);
        assertThat(alerts(s)).hasSize(1);
        days(pecos, 0.5, 0.5, 0.5);
        evaluate(5);
        assertThat(alerts(s)).hasSize(2).first().asString().startsWith("Check Braiins Pecos: credited 50.0 %");
    }

    @Test
    void aRulesOwnThresholdAndAccountAndTheOperatorsOwnAccountsOnly() throws SQLException {
        Operators.Session s = AlertFixtures.verified("underpaid-rule");
        Operators.Session them = AlertFixtures.verified("underpaid-them");
        long site = AlertFixtures.flatSite(s, "Odessa", 0.05);
        AlertFixtures.rig(s, site, "S21");
        long mine = csvPool(s, "Foundry Odessa", null);
        long second = csvPool(s, "Second", null);
        long theirs = csvPool(them, "Theirs", null);
        AlertFixtures.as(s).body("{\"kind\":\"pool-underpaid\",\"poolId\":" + theirs + "}")
                .post("/api/v1/alerts/rules").then().statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("poolId"));
        AlertFixtures.as(s).body("{\"kind\":\"pool-underpaid\",\"threshold\":0}").post("/api/v1/alerts/rules").then()
                .statusCode(422).body("errors[0].field", org.hamcrest.Matchers.equalTo("threshold"));
        AlertFixtures.as(s).body("{\"kind\":\"pool-underpaid\",\"poolId\":" + mine + ",\"threshold\":97.5}")
                .post("/api/v1/alerts/rules").then().statusCode(201).body("poolId", org.hamcrest.Matchers.equalTo((int) mine));
        days(mine, 1, 1, 1);
        days(second, 1, 1, 1);
        evaluate(10);
        days(mine, 0.95, 0.95, 0.95); // 95 %: above 90, below the rule's 97.5
        days(second, 0.5, 0.5, 0.5); // not this rule's account
        evaluate(11);
        assertThat(alerts(s)).containsExactly("Check Foundry Odessa: credited 95.0 % of expected over 3 days, below 97.5 %");
        assertThat(alerts(them)).isEmpty();
    }

    @Test
    void theFormOffersTheOperatorsOwnAccountsAndRefusesAnotherOperators() {
        Operators.Session s = AlertFixtures.verified("underpaid-form");
        Operators.Session them = AlertFixtures.verified("underpaid-form-them");
        long mine = csvPool(s, "Luxor <b>Texas</b>", null);
        long theirs = csvPool(them, "Their secret pool", null);
        String page = given().cookies(s.cookies()).get("/alerts").then().statusCode(200).extract().asString();
        assertThat(page).contains("<option value=\"" + mine + "\">Luxor &lt;b&gt;Texas&lt;/b&gt;</option>")
                .doesNotContain("Their secret pool");
        given().cookies(s.cookies()).formParam("csrf-token", s.csrf()).formParam("kind", "pool-underpaid")
                .formParam("poolId", Long.toString(theirs)).formParam("threshold", "85").formParam("confirmations", "1")
                .formParam("marginPercent", "1").post("/alerts/rules").then().statusCode(422)
                .body(containsString("id=\"poolId-error\"")).body(containsString("No pool account of yours"))
                .body(containsString("value=\"85\""));
        assertThat(AlertFixtures.as(s).get("/api/v1/alerts/rules").then().extract().jsonPath().getList("kind"))
                .doesNotContain("pool-underpaid");
        given().cookies(s.cookies()).formParam("csrf-token", s.csrf()).formParam("kind", "pool-underpaid")
                .formParam("poolId", Long.toString(mine)).formParam("threshold", "85").formParam("confirmations", "1")
                .formParam("marginPercent", "1").redirects().follow(false).post("/alerts/rules").then().statusCode(303);
        assertThat(given().cookies(s.cookies()).get("/alerts").then().statusCode(200).extract().asString())
                .contains("Pool account Luxor &lt;b&gt;Texas&lt;/b&gt;: when its last 3 reconciled days credit below 85 %");
    }
}
