package io.hashdesk.currency;

import static io.hashdesk.currency.CurrencyPagesTest.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hashdesk.network.MempoolStubs;
import io.hashdesk.network.NetworkService;
import io.hashdesk.testing.Operators;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * An operator who shows money in EUR sees no amount in USD on any signed-in page, fragment or CSV,
 * except where USD is meant: the rate note ("1 USD = 0.9254 EUR"), amounts entered in USD (listed as
 * entered, on the lists and forms of sites and rigs), and the CSV's *_usd columns kept for scripts beside the EUR ones.
 */
@QuarkusTest
class EurPagesTest {

    /**
     * A number, then (past tags and spaces) USD, not followed by "=": "1 USD = 0.9254 EUR", "1 USD buys" and
     * "Units per 1 USD" (a rate's unit, not an amount) are left alone.
     */
    static final Pattern USD_AMOUNT = Pattern.compile("(?<![\\d.,])(\\d[\\d,]*(?:\\.\\d+)?)(?:\\s|&nbsp;|</?[a-z]+[^>]*>)*USD\\b(?!\\s*=)");

    @Inject
    NetworkService network;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void liveNetwork() {
        breakers.resetAll();
        MempoolStubs.startAfresh(network);
        MempoolStubs.mempool(935_000, CurrencyPagesTest.PRICE, 1.355e14, 432_000_000L, -5,
                System.currentTimeMillis() + 3L * 86_400_000);
        assertEquals(NetworkService.Outcome.MEMPOOL, network.refresh());
    }

    static List<String> usdAmounts(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = USD_AMOUNT.matcher(text);
        while (m.find()) {
            if (m.group(1).equals("1")) {
                continue;
            }
            int from = Math.max(0, m.start() - 60);
            out.add(text.substring(from, Math.min(text.length(), m.end() + 10)).replaceAll("\\s+", " "));
        }
        return out;
    }

    @Test
    void theCheckFindsAUsdAmountAndLetsTheRateNoteBe() {
        assertEquals(1, usdAmounts("<dd>0.0520 USD/kWh</dd>").size());
        assertEquals(1, usdAmounts("<td>1,234</td> <td>USD</td>").size());
        assertTrue(usdAmounts("1 USD = 0.9254 EUR (mempool)").isEmpty());
        assertTrue(usdAmounts("<th>1 USD buys</th> <label>Units per 1 USD</label>").isEmpty());
    }

    @Test
    void anEuroOperatorSeesNoAmountInUsdOnAnyPage() {
        Operators.Session s = CurrencyPagesTest.texan("eur-pages");
        as(s).body("{\"display\":\"EUR\"}").put("/api/v1/settings/currency").then().statusCode(200);
        long site = as(s).get("/api/v1/sites").then().statusCode(200).extract().jsonPath().getLong("[0].id");
        long rig = as(s).get("/api/v1/rigs").then().statusCode(200).extract().jsonPath().getLong("[0].id");

        Map<String, String> pages = new LinkedHashMap<>();
        for (String path : List.of("/dashboard", "/sites", "/sites/new", "/sites/" + site, "/rigs", "/rigs/new",
                "/rigs/" + rig, "/projection?days=30", "/projection/rigs/" + rig + "?days=30", "/network",
                "/network/figures", "/earnings", "/pools", "/pools/new", "/alerts", "/settings")) {
            pages.put(path, given().cookies(s.cookies()).accept("text/html").get(path).then().statusCode(200)
                    .extract().asString());
        }
        pages.put("POST /rigs/preview", given().cookies(s.cookies()).formParam("csrf-token", s.csrf())
                .formParam("siteId", String.valueOf(site)).formParam("catalogModel", "custom")
                .formParam("model", "Custom 100 TH").formParam("units", "1").formParam("terahash", "100")
                .formParam("watts", "3000").post("/rigs/preview").then().statusCode(200).extract().asString());
        assertTrue(pages.get("/dashboard").contains(" EUR"), "the dashboard shows money in EUR");
        assertTrue(pages.get("POST /rigs/preview").contains("EUR/kWh"), "the shutdown electricity price is in EUR/kWh");

        // The site's tariff and hosting fee and the group's purchase price, entered in USD, are listed as
        // entered (in the currency of the entry, as on their forms): USD is meant there. Every figure
        // computed from them is in EUR.
        pages.put("/sites", pages.get("/sites").replace("0.0520 USD/kWh", "").replace("300.00 USD / month", ""));
        pages.put("/rigs", pages.get("/rigs").replace("2,400.00 USD", ""));
        Map<String, List<String>> found = new LinkedHashMap<>();
        pages.forEach((path, body) -> {
            List<String> usd = usdAmounts(body);
            if (!usd.isEmpty()) {
                found.put(path, usd);
            }
        });
        assertTrue(found.isEmpty(), "amounts in USD for an EUR operator: " + found);
        assertTrue(pages.get("/alerts").contains("<option value=\"EUR\" selected>EUR</option>"),
                "a new alert threshold is in EUR unless the operator chooses another currency");
    }
}
