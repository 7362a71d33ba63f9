package io.hashdesk.currency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Operators;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class CurrencySettingsTest {

    private static ValidatableResponse put(String token, String body) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(body)
                .put("/api/v1/settings/currency").then();
    }

    private static String get(String token) {
        return given().header("Authorization", "Bearer " + token).get("/api/v1/settings/currency")
                .then().statusCode(200).extract().asString();
    }

    @Test
    void anOperatorInNokEntersARateAndSeesMoneyInNok() {
        Operators.Session session = Operators.newSignedIn("fx-nok");
        String token = Operators.newToken(session, "fx");
        given().header("Authorization", "Bearer " + token).get("/api/v1/settings/currency").then().statusCode(200)
                .body("display", equalTo("USD")).body("rates.size()", equalTo(0))
                .body("available.currency", hasItems("USD", "EUR", "GBP", "CAD", "CHF", "AUD", "JPY"));

        put(token, "{\"display\":\"NOK\",\"rates\":[{\"code\":\"nok\",\"perUsd\":10.9,\"asOf\":\"2026-12-01\"}]}")
                .statusCode(200).body("display", equalTo("NOK")).body("rates[0].code", equalTo("NOK"))
                .body("rates[0].perUsd", equalTo(10.9f)).body("rates[0].asOf", equalTo("2026-12-01"))
                .body("available.find { it.currency == 'NOK' }.source", equalTo("your rate of 2026-12-01"));
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().body("displayCurrency", equalTo("NOK"));
        given().cookies(session.cookies()).get("/settings").then().statusCode(200)
                .body(containsString("<option value=\"NOK\" selected>NOK</option>"))
                .body(containsString("your rate of 2026-12-01"));
    }

    @Test
    void eachBadInputIsRefusedWithItsFieldNamedAndNothingSaved() {
        Operators.Session session = Operators.newSignedIn("fx-bad");
        String token = Operators.newToken(session, "fx");
        put(token, "{\"rates\":[{\"code\":\"NOK\",\"perUsd\":10.9,\"asOf\":\"2026-12-01\"}]}").statusCode(200);
        String before = get(token);
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        String[][] cases = {
                { "{\"rates\":[{\"code\":\"XYZ\",\"perUsd\":3,\"asOf\":\"2026-12-01\"}]}", "rates[0].code" },
                { "{\"rates\":[{\"code\":\"PYG\",\"perUsd\":0,\"asOf\":\"2026-12-01\"}]}", "rates[0].perUsd" },
                { "{\"rates\":[{\"code\":\"PYG\",\"perUsd\":-7000,\"asOf\":\"2026-12-01\"}]}", "rates[0].perUsd" },
                { "{\"rates\":[{\"code\":\"PYG\",\"perUsd\":2000000,\"asOf\":\"2026-12-01\"}]}", "rates[0].perUsd" },
                { "{\"rates\":[{\"code\":\"PYG\",\"perUsd\":0.0000001,\"asOf\":\"2026-12-01\"}]}", "rates[0].perUsd" },
                { "{\"rates\":[{\"code\":\"PYG\",\"perUsd\":\"lots\",\"asOf\":\"2026-12-01\"}]}", "rates[0].perUsd" },
                { "{\"rates\":[{\"code\":\"PYG\",\"asOf\":\"2026-12-01\"}]}", "rates[0].perUsd" },
                { "{\"rates\":[{\"code\":\"PYG\",\"perUsd\":7000,\"asOf\":\"" + tomorrow + "\"}]}", "rates[0].asOf" },
                { "{\"rates\":[{\"code\":\"PYG\",\"perUsd\":7000,\"asOf\":\"yesterday\"}]}", "rates[0].asOf" },
                { "{\"rates\":[{\"code\":\"EUR\",\"perUsd\":0.9,\"asOf\":\"2026-12-01\"}]}", "rates[0].code" },
                { "{\"rates\":[{\"code\":\"PYG\",\"perUsd\":7000,\"asOf\":\"2026-12-01\"},"
                        + "{\"code\":\"pyg\",\"perUsd\":7100,\"asOf\":\"2026-12-01\"}]}", "rates[1].code" },
                { "{\"display\":\"ETB\"}", "display" },
                { "{\"display\":\"XYZ\"}", "display" },
                { "{\"display\":\"NOK\",\"rates\":[]}", "display" },
                { "{\"display\":\"NOK\",\"colour\":\"red\"}", "colour" },
                { "{\"rates\":{\"NOK\":10}}", "rates" },
        };
        for (String[] c : cases) {
            put(token, c[0]).statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(c[1]));
            assertEquals(before, get(token), c[0] + " changed the settings");
        }
        // The display currency's rate cannot be taken away from under it.
        put(token, "{\"display\":\"NOK\"}").statusCode(200);
        put(token, "{\"rates\":[]}").statusCode(400).body("field", equalTo("display"));
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().body("displayCurrency", equalTo("NOK"));
    }

    @Test
    void theFormShowsErrorsBesideTheFieldKeepsWhatWasTypedAndSavesNothing() {
        Operators.Session session = Operators.newSignedIn("fx-form");
        given().cookies(session.cookies()).formParam("csrf-token", session.csrf())
                .formParam("code", "<b>NOK</b>").formParam("perUsd", "0").formParam("asOf", "2026-12-01")
                .post("/settings/currency/rates")
                .then().statusCode(422)
                .body(containsString("id=\"rate-code-error\""))
                .body(containsString("id=\"rate-per-usd-error\""))
                .body(containsString("value=\"&lt;b&gt;NOK&lt;/b&gt;\""))
                .body(containsString("value=\"0\""))
                .body(not(containsString("<b>NOK</b>")));
        given().cookies(session.cookies()).formParam("csrf-token", session.csrf()).formParam("display", "NOK")
                .post("/settings/currency")
                .then().statusCode(422).body(containsString("id=\"display-currency-error\""))
                .body(containsString("NOK has no rate"));
        given().cookies(session.cookies()).get("/api/v1/settings/currency").then()
                .body("display", equalTo("USD")).body("rates.size()", equalTo(0));

        given().redirects().follow(false).cookies(session.cookies()).formParam("csrf-token", session.csrf())
                .formParam("code", "nok").formParam("perUsd", "10.9").formParam("asOf", "2026-12-01")
                .post("/settings/currency/rates").then().statusCode(303);
        given().redirects().follow(false).cookies(session.cookies()).formParam("csrf-token", session.csrf())
                .formParam("display", "NOK").post("/settings/currency").then().statusCode(303);
        given().cookies(session.cookies()).get("/api/v1/settings/currency").then()
                .body("display", equalTo("NOK")).body("rates[0].perUsd", equalTo(10.9f));
        // Removing the rate money is shown at is refused; after switching back to EUR it is removed.
        given().cookies(session.cookies()).formParam("csrf-token", session.csrf())
                .post("/settings/currency/rates/NOK/delete").then().statusCode(422)
                .body(containsString("id=\"currency-rates-error\""));
        given().redirects().follow(false).cookies(session.cookies()).formParam("csrf-token", session.csrf())
                .formParam("display", "EUR").post("/settings/currency").then().statusCode(303);
        given().redirects().follow(false).cookies(session.cookies()).formParam("csrf-token", session.csrf())
                .post("/settings/currency/rates/NOK/delete").then().statusCode(303);
        given().cookies(session.cookies()).get("/api/v1/settings/currency").then()
                .body("display", equalTo("EUR")).body("rates.size()", equalTo(0));
    }
}
