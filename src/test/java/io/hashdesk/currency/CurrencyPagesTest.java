package io.hashdesk.currency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hashdesk.network.MempoolStubs;
import io.hashdesk.network.NetworkService;
import io.hashdesk.testing.Json;
import io.hashdesk.testing.Operators;
import io.hashdesk.web.Formats;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** Pages, charts, JSON and CSV show money in the display currency; every figure is the USD one at the stored rate. */
@QuarkusTest
class CurrencyPagesTest {

    static final double PRICE = 71_000;
    static final double EUR = 65_700 / PRICE;
    static final double JPY = 10_950_000 / PRICE;

    @Inject
    NetworkService network;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void liveNetwork() {
        breakers.resetAll();
        MempoolStubs.startAfresh(network);
        MempoolStubs.mempool(935_000, PRICE, 1.355e14, 432_000_000L, -5, System.currentTimeMillis() + 3L * 86_400_000);
        assertEquals(NetworkService.Outcome.MEMPOOL, network.refresh());
    }

    static RequestSpecification as(Operators.Session s) {
        return given().cookies(s.cookies()).header("X-CSRF-TOKEN", s.csrf()).contentType("application/json");
    }

    /** A Texas site at 0.052 USD/kWh with 10 rigs of 200 TH/s at 3,500 W. */
    static Operators.Session texan(String hint) {
        Operators.Session s = Operators.newSignedIn(hint);
        long site = as(s).body("{\"name\":\"Texas\",\"tariff\":{\"type\":\"flat\",\"usdPerKwh\":0.052},\"poolFeePercent\":2,"
                + "\"hostingUsdPerMonth\":300,\"powerOverhead\":1,\"uptimePercent\":100,\"curtail\":false,"
                + "\"timezone\":\"America/Chicago\"}").post("/api/v1/sites").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        as(s).body("{\"siteId\":" + site + ",\"model\":\"Custom 200 TH\",\"units\":10,\"terahash\":200,\"watts\":3500,"
                + "\"purchaseUsd\":2400}").post("/api/v1/rigs").then().statusCode(201);
        return s;
    }

    private static JsonPath projection(Operators.Session s) {
        return Json.exact(as(s).get("/api/v1/projection?days=30").then().statusCode(200).extract().asString());
    }

    @Test
    void anOperatorInNokSeesEveryFigureAsTheUsdOneAtTheirRate() {
        Operators.Session s = texan("fx-pages");
        JsonPath usd = projection(s);
        double profitUsd = usd.getDouble("today.profitUsd");
        double totalUsd = usd.getDouble("totals.profitUsd");
        assertEquals("USD", usd.getString("fx.currency"));

        as(s).body("{\"display\":\"NOK\",\"rates\":[{\"code\":\"NOK\",\"perUsd\":10.9,\"asOf\":\"2026-12-01\"}]}")
                .put("/api/v1/settings/currency").then().statusCode(200);
        JsonPath nok = projection(s);
        // JSON money stays in USD; fx says how to read it in NOK.
        assertEquals(profitUsd, nok.getDouble("today.profitUsd"), 0);
        assertEquals("NOK", nok.getString("fx.currency"));
        assertEquals(10.9, nok.getDouble("fx.perUsd"), 0);
        assertEquals("your rate of 2026-12-01", nok.getString("fx.source"));
        as(s).get("/api/v1/network").then().statusCode(200).body("fx.currency", org.hamcrest.Matchers.equalTo("NOK"));

        String dashboard = as(s).get("/dashboard").then().statusCode(200).extract().asString();
        assertTrue(dashboard.contains("id=\"fleet-profit\">" + Formats.number(profitUsd * 10.9, 2) + " NOK<"), dashboard);
        assertTrue(dashboard.contains("BTC " + Formats.number(PRICE * 10.9, 0) + " NOK"), dashboard);
        assertTrue(dashboard.contains("1 USD = 10.9000 NOK (your rate of 2026-12-01)"), dashboard);
        assertFalse(dashboard.matches("(?s).*[0-9] USD(?! =|/).*"), "no amount left in USD on the dashboard");

        as(s).get("/projection?days=30").then().statusCode(200)
                .body(containsString("id=\"total-profit\">" + Formats.number(totalUsd * 10.9, 0) + " NOK<"))
                .body(containsString("day 0's rate, 1 USD = 10.9000 NOK"))
                // The charts' axes are in NOK too.
                .body(containsString("NOK per day"));

        String csv = as(s).get("/projection/daily.csv?days=30").then().statusCode(200).extract().asString();
        String[] lines = csv.split("\r\n");
        java.util.List<String> header = java.util.List.of(lines[0].split(","));
        assertTrue(header.contains("profit_usd") && header.contains("profit_nok"), lines[0]);
        String[] day0 = lines[1].split(",");
        double rowUsd = Double.parseDouble(day0[header.indexOf("profit_usd")]);
        assertEquals(rowUsd * 10.9, Double.parseDouble(day0[header.indexOf("profit_nok")]), 0.06);
    }

    @Test
    void jpyHasNoDecimalsAndTheRateIsMempoolsOfTheSnapshot() {
        Operators.Session s = texan("fx-jpy");
        double profitUsd = projection(s).getDouble("today.profitUsd");
        as(s).body("{\"display\":\"JPY\"}").put("/api/v1/settings/currency").then().statusCode(200);
        JsonPath jpy = projection(s);
        assertEquals(JPY, jpy.getDouble("fx.perUsd"), 1e-9);
        String dashboard = as(s).get("/dashboard").then().statusCode(200).extract().asString();
        String profit = Formats.number(profitUsd * JPY, 0) + " JPY";
        assertFalse(profit.contains("."));
        assertTrue(dashboard.contains("id=\"fleet-profit\">" + profit + "<"), dashboard);
        as(s).get("/network").then().statusCode(200)
                .body(containsString(Formats.number(PRICE * JPY, 0) + " JPY"))
                .body(containsString(String.format(Locale.ROOT, "1 USD = %s JPY (mempool)", Formats.number(JPY, 2))));
        // Back to EUR: the cached dashboard follows at once.
        as(s).body("{\"display\":\"EUR\"}").put("/api/v1/settings/currency").then().statusCode(200);
        as(s).get("/dashboard").then().statusCode(200)
                .body(containsString("id=\"fleet-profit\">" + Formats.number(profitUsd * EUR, 2) + " EUR<"));
    }
}
