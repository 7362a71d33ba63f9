package io.hashdesk.alerts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.hashdesk.account.Operator;
import io.hashdesk.currency.OperatorRate;
import io.hashdesk.economics.FleetToday;
import io.hashdesk.economics.RigEconomics;
import io.hashdesk.network.NetworkService;
import io.hashdesk.projection.ProjectionService;
import io.hashdesk.testing.Mails;
import io.hashdesk.testing.Networks;
import io.hashdesk.testing.Operators;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Thresholds in a currency and alert words in the display currency: a rule is decided in its own currency
 * at each snapshot's rate, its mail and webhook show money in the display currency (details stay in USD,
 * with the rate beside), an old rule without a currency stays in USD, and a currency without a rate is
 * refused, or leaves the rule unchecked, never wrong.
 */
@QuarkusTest
@TestProfile(PrivateWebhooks.class)
class AlertCurrencyTest {

    /** An amount in USD, other than the rate note's "1 USD = ...". */
    static final Pattern USD_AMOUNT = Pattern.compile("\\d[\\d,.]* USD(?! =)");
    /** An amount in yen with decimals. */
    static final Pattern YEN_DECIMALS = Pattern.compile("\\d\\.\\d+ JPY");

    static WireMockServer hooks;

    @Inject
    NetworkService network;

    @Inject
    ProjectionService projections;

    @Inject
    AlertJob job;

    @BeforeAll
    static void startHooks() {
        hooks = new WireMockServer(options().dynamicPort());
        hooks.start();
    }

    @AfterAll
    static void stopHooks() {
        hooks.stop();
    }

    static void display(Operators.Session s, String code) {
        AlertFixtures.as(s).body("{\"display\":\"" + code + "\"}").put("/api/v1/settings/currency").then()
                .statusCode(200);
    }

    static void nokRate(Operators.Session s, boolean entered) {
        AlertFixtures.as(s).body(entered ? "{\"rates\":[{\"code\":\"NOK\",\"perUsd\":10.9,\"asOf\":\""
                + LocalDate.now(ZoneOffset.UTC).minusDays(1) + "\"}]}" : "{\"rates\":[]}")
                .put("/api/v1/settings/currency").then().statusCode(200);
    }

    static void removeRate(long operatorId, String code) {
        QuarkusTransaction.requiringNew().run(() -> OperatorRate.delete("operatorId = ?1 and code = ?2", operatorId, code));
    }

    static JsonPath rule(Operators.Session s, String json) {
        return AlertFixtures.as(s).body(json).post("/api/v1/alerts/rules").then().statusCode(201).extract().jsonPath();
    }

    static List<Map<String, Object>> alerts(Operators.Session s) {
        return AlertFixtures.as(s).get("/api/v1/alerts").then().statusCode(200).extract().jsonPath().getList("$");
    }

    FleetToday at(Operator o, double price) {
        return RigEconomics.today(projections.fleetOf(o).fleet(), network.latest().state().withPrice(price),
                Instant.now().truncatedTo(ChronoUnit.HOURS));
    }

    @Test
    void aEuroRuleIsDecidedOnTheEuroPriceAndItsMailAndWebhookSayEuro() throws Exception {
        Map<String, Double> eur85 = Map.of("EUR", 0.85);
        Networks.reprice(network, 75_000, eur85);
        Operators.Session s = AlertFixtures.verified("eur-rule");
        display(s, "EUR");
        String path = "/eur-" + UUID.randomUUID();
        hooks.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        AlertFixtures.as(s).body("{\"url\":\"http://127.0.0.1:" + hooks.port() + path + "\"}")
                .post("/api/v1/alerts/webhooks").then().statusCode(201);

        JsonPath eur = rule(s, "{\"kind\":\"price-below\",\"currency\":\"EUR\",\"amount\":60000}");
        assertThat(eur.getString("currency")).isEqualTo("EUR");
        assertThat(eur.getDouble("amount")).isEqualTo(60_000);
        assertThat(eur.getDouble("threshold")).as("in USD at the latest rate").isCloseTo(60_000 / 0.85, offset(0.01));
        // A script's rule as before: the threshold alone is in USD.
        JsonPath usd = rule(s, "{\"kind\":\"price-below\",\"threshold\":65000}");
        assertThat(usd.getString("currency")).isEqualTo("USD");
        assertThat(usd.getDouble("amount")).isEqualTo(65_000);
        assertThat(usd.getDouble("threshold")).isEqualTo(65_000);

        Networks.reprice(network, 75_000, eur85); // first sight: 63,750 EUR, above both
        Networks.reprice(network, 69_000, eur85); // 58,650 EUR: below 60,000 EUR, though 69,000 USD is above it
        Networks.reprice(network, 69_000, eur85);
        List<Map<String, Object>> fired = alerts(s);
        assertThat(fired).as("the EUR rule only: 69,000 USD is above 65,000 USD").hasSize(1);
        assertThat(((Number) fired.get(0).get("ruleId")).longValue()).isEqualTo(eur.getLong("id"));
        String subject = "BTC price below 60,000 EUR: 58,650 EUR";
        assertThat(fired.get(0).get("subject")).isEqualTo(subject);
        assertThat((String) fired.get(0).get("text")).contains("Your rule: alert when the price falls below 60,000 EUR.")
                .contains("Money in EUR: 1 USD = 0.8500 EUR (mempool).");

        job.run(Instant.now());
        List<MimeMessage> mails = AlertsFlowTest.mails(s.email());
        assertThat(mails).extracting(AlertsFlowTest::subject).containsExactly(subject);
        String mail = Mails.text(mails.get(0));
        assertThat(mail).contains(subject).contains("1 USD = 0.8500 EUR");
        assertThat(USD_AMOUNT.matcher(mail).find()).as("no amount in USD in: " + mail).isFalse();

        List<LoggedRequest> calls = hooks.findAll(postRequestedFor(urlEqualTo(path)));
        assertThat(calls).hasSize(1);
        JsonPath body = JsonPath.from(new String(calls.get(0).getBody(), StandardCharsets.UTF_8));
        assertThat(body.getString("subject")).isEqualTo(subject);
        assertThat(body.getString("text")).contains("58,650 EUR");
        assertThat(USD_AMOUNT.matcher(body.getString("text")).find()).isFalse();
        // The details keep their USD figures, and say the rate the words are at.
        assertThat(body.getDouble("details.value")).isCloseTo(69_000, offset(1e-6));
        assertThat(body.getDouble("details.threshold")).isCloseTo(60_000 / 0.85, offset(0.01));
        assertThat(body.getString("details.unit")).isEqualTo("USD");
        assertThat(body.getString("details.currency")).isEqualTo("EUR");
        assertThat(body.getDouble("details.amount")).isEqualTo(60_000);
        assertThat(body.getString("details.fx.currency")).isEqualTo("EUR");
        assertThat(body.getDouble("details.fx.perUsd")).isCloseTo(0.85, offset(1e-9));
        assertThat(body.getString("details.fx.asOf")).isNotNull();

        // The USD rule fires on the USD price (the euro stronger now: 56,700 EUR, still below 60,000 EUR).
        Map<String, Double> eur90 = Map.of("EUR", 0.9);
        Networks.reprice(network, 63_000, eur90);
        Networks.reprice(network, 63_000, eur90);
        fired = alerts(s);
        assertThat(fired).hasSize(2);
        assertThat(((Number) fired.get(0).get("ruleId")).longValue()).isEqualTo(usd.getLong("id"));
        assertThat(fired.get(0).get("subject")).isEqualTo("BTC price below 58,500 EUR: 56,700 EUR");
        assertThat((String) fired.get(0).get("text"))
                .contains("Your rule: alert when the price falls below 65,000 USD (58,500 EUR at this reading).");
    }

    @Test
    void aCurrencyWithoutARateIsRefusedWithNothingSavedAndARuleThatLosesItsRateIsNotChecked() {
        Networks.reprice(network, 75_000, Map.of());
        Operators.Session s = AlertFixtures.verified("nok-rule");
        AlertFixtures.as(s).body("{\"kind\":\"price-below\",\"currency\":\"XYZ\",\"amount\":800000}")
                .post("/api/v1/alerts/rules").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("currency")).body("errors[0].message", containsString("ISO 4217"));
        AlertFixtures.as(s).body("{\"kind\":\"price-below\",\"currency\":\"NOK\",\"amount\":800000}")
                .post("/api/v1/alerts/rules").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("currency")).body("errors[0].message", containsString("NOK has no rate"));
        AlertFixtures.as(s).body("{\"kind\":\"hashprice-below\",\"currency\":\"EUR\"}").post("/api/v1/alerts/rules")
                .then().statusCode(422).body("errors[0].field", equalTo("amount"));
        AlertFixtures.as(s).body("{\"kind\":\"data-stale\",\"currency\":\"EUR\"}").post("/api/v1/alerts/rules").then()
                .statusCode(422).body("errors[0].field", equalTo("currency"));
        // The page says the same beside the currency and keeps what was typed.
        given().cookies(s.cookies()).formParam("csrf-token", s.csrf()).formParam("kind", "price-below")
                .formParam("threshold", "800,000").formParam("currency", "NOK").formParam("confirmations", "2")
                .formParam("marginPercent", "1").post("/alerts/rules").then().statusCode(422)
                .body(containsString("id=\"currency-error\"")).body(containsString("NOK has no rate"))
                .body(containsString("value=\"800,000\""));
        AlertFixtures.as(s).get("/api/v1/alerts/rules").then().statusCode(200).body("$", hasSize(1));

        nokRate(s, true);
        JsonPath nok = rule(s, "{\"kind\":\"price-below\",\"currency\":\"NOK\",\"amount\":800000}");
        assertThat(nok.getDouble("threshold")).isCloseTo(800_000 / 10.9, offset(0.01));
        Networks.reprice(network, 75_000, Map.of()); // first sight: 817,500 NOK, above

        // The operator cannot remove a rate a rule is in: a rule without its rate would go unchecked unannounced.
        AlertFixtures.as(s).body("{\"rates\":[]}").put("/api/v1/settings/currency").then().statusCode(400)
                .body("errors[0].field", equalTo("rates"))
                .body("errors[0].message", containsString("an alert rule's threshold is in NOK"));
        AlertFixtures.as(s).get("/api/v1/settings/currency").then().statusCode(200).body("rates[0].code", equalTo("NOK"));

        // A rate gone all the same (removed in the database, a restored backup): below in NOK at the old rate,
        // but nothing is decided without one, and the page says why.
        removeRate(Operators.operator(s.email()).id, "NOK");
        Networks.reprice(network, 69_000, Map.of());
        Networks.reprice(network, 69_000, Map.of());
        assertThat(alerts(s)).isEmpty();
        AlertFixtures.as(s).get("/api/v1/alerts/rules").then().statusCode(200).body("[1].currency", equalTo("NOK"))
                .body("[1].amount", equalTo(800_000f)).body("[1].threshold", equalTo(null));
        given().cookies(s.cookies()).get("/alerts").then().statusCode(200)
                .body(containsString("BTC price below 800,000 NOK"))
                .body(containsString("id=\"rule-" + nok.getLong("id") + "-note\">Not checked: NOK has no rate."));

        // The rate back: checked again, at it.
        nokRate(s, true);
        Networks.reprice(network, 69_000, Map.of());
        Networks.reprice(network, 69_000, Map.of());
        List<Map<String, Object>> fired = alerts(s);
        assertThat(fired).hasSize(1);
        assertThat(fired.get(0).get("subject")).isEqualTo("BTC price below 73,394 USD: 69,000 USD");
        assertThat((String) fired.get(0).get("text")).contains("below 800,000 NOK (73,394 USD at this reading)");
    }

    @Test
    void aYenOperatorsAlertsShowWholeYen() {
        Map<String, Double> yen = Map.of("JPY", 155.0);
        Networks.reprice(network, 71_000, yen);
        Operators.Session s = AlertFixtures.verified("jpy-rule");
        display(s, "JPY");
        AlertFixtures.rig(s, AlertFixtures.flatSite(s, "Pecos", 0.04), "Antminer S19j Pro");
        double line = at(AlertFixtures.operator(s.email()), 71_000).groups().get(0).shutdownPriceUsd();
        assertThat(line).isBetween(40_000.0, 68_000.0);
        long hashprice = Math.round(network.latest().hashpriceUsdPerPhDay() * 155);
        rule(s, "{\"kind\":\"hashprice-below\",\"currency\":\"JPY\",\"amount\":" + hashprice + "}");

        Networks.reprice(network, 80_000, yen); // first sight: the group on, the hashprice above
        Networks.reprice(network, line * 0.96, yen);
        Networks.reprice(network, line * 0.96, yen);
        List<Map<String, Object>> fired = alerts(s);
        assertThat(fired).extracting(a -> a.get("kind")).containsExactlyInAnyOrder("group-switch", "hashprice-below");
        for (Map<String, Object> a : fired) {
            String words = a.get("subject") + "\n" + a.get("text");
            assertThat(words).contains(" JPY").contains("Money in JPY: 1 USD = 155.00 JPY (mempool).");
            String amounts = words.replace("1 USD = 155.00 JPY", ""); // a rate, not an amount
            assertThat(YEN_DECIMALS.matcher(amounts).find()).as("yen with decimals in: " + words).isFalse();
            assertThat(USD_AMOUNT.matcher(words).find()).as("an amount in USD in: " + words).isFalse();
        }
        String hashpriceText = fired.stream().filter(a -> a.get("kind").equals("hashprice-below"))
                .map(a -> (String) a.get("text")).findFirst().orElseThrow();
        assertThat(hashpriceText).contains("Your rule: alert when the hashprice falls below "
                + String.format(java.util.Locale.ENGLISH, "%,d", hashprice) + " JPY per PH/s per day.");
        String switchText = fired.stream().filter(a -> a.get("kind").equals("group-switch"))
                .map(a -> (String) a.get("text")).findFirst().orElseThrow();
        assertThat(switchText).containsPattern("profit −?[\\d,]+ JPY per day \\(revenue [\\d,]+ JPY, power [\\d,]+ JPY\\)");
    }
}
