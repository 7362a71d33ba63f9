package io.hashdesk.alerts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Operators;
import io.quarkus.test.junit.QuarkusTest;

/** The alerts API and page with the default settings: what they accept, refuse and show. */
@QuarkusTest
class AlertsApiTest {

    @Test
    void everyOperatorHasTheGroupSwitchRuleAndEmailOnByDefault() {
        Operators.Session s = Operators.newSignedIn("defaults");
        AlertFixtures.as(s).get("/api/v1/alerts/rules").then().statusCode(200).body("$", hasSize(1))
                .body("[0].kind", equalTo("group-switch")).body("[0].enabled", equalTo(true))
                .body("[0].rigId", equalTo(null)).body("[0].confirmations", equalTo(2))
                .body("[0].marginPercent", equalTo(1.0f));
        AlertFixtures.as(s).get("/api/v1/alerts/channels").then().statusCode(200).body("email", equalTo(true))
                .body("quietFrom", equalTo(null));
        AlertFixtures.as(s).get("/api/v1/alerts").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void webhooksToLoopbackLinkLocalOrPlainHttpAreRefusedAndNothingIsSaved() {
        Operators.Session s = Operators.newSignedIn("ssrf");
        for (String url : List.of("https://127.0.0.1/hook", "https://169.254.169.254/latest/meta-data/",
                "https://[::1]:8443/x", "https://localhost/hook", "https://10.0.0.5/hook")) {
            AlertFixtures.as(s).body(Map.of("url", url)).post("/api/v1/alerts/webhooks").then().statusCode(422)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("url"))
                    .body("errors[0].message", containsString("loopback, private or link-local"));
        }
        AlertFixtures.as(s).body(Map.of("url", "http://hooks.example.com/x")).post("/api/v1/alerts/webhooks").then()
                .statusCode(422).body("errors[0].message", containsString("must use https"));
        AlertFixtures.as(s).get("/api/v1/alerts/webhooks").then().statusCode(200).body("$", hasSize(0));
        // The page says the same beside the field and keeps the URL typed.
        given().cookies(s.cookies()).formParam("csrf-token", s.csrf()).formParam("url", "https://169.254.169.254/x")
                .post("/alerts/webhooks").then().statusCode(422)
                .body(containsString("id=\"url-error\""))
                .body(containsString("value=\"https://169.254.169.254/x\""));
    }

    @Test
    void rulesAreValidatedFieldByField() {
        Operators.Session s = Operators.newSignedIn("rules");
        AlertFixtures.as(s).body("{\"kind\":\"price-below\"}").post("/api/v1/alerts/rules").then().statusCode(422)
                .body("errors[0].field", equalTo("threshold"));
        AlertFixtures.as(s).body("{\"kind\":\"pool-underpaid\",\"threshold\":900}").post("/api/v1/alerts/rules").then()
                .statusCode(422).body("errors[0].field", equalTo("threshold"))
                .body("errors[0].message", containsString("realized %"));
        AlertFixtures.as(s).body("{\"kind\":\"no-such-kind\"}").post("/api/v1/alerts/rules").then()
                .statusCode(422).body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", containsString("pool-underpaid"));
        AlertFixtures.as(s).body("{\"kind\":\"price-below\",\"threshold\":60000,\"confirmations\":0,\"marginPercent\":90}")
                .post("/api/v1/alerts/rules").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("confirmations", "marginPercent"));
        AlertFixtures.as(s).body("{\"kind\":\"group-switch\",\"rigId\":999999999}").post("/api/v1/alerts/rules").then()
                .statusCode(422).body("errors[0].field", equalTo("rigId"));
        AlertFixtures.as(s).get("/api/v1/alerts/rules").then().body("$", hasSize(1));
        long id = AlertFixtures.as(s).body("{\"kind\":\"data-stale\"}").post("/api/v1/alerts/rules").then()
                .statusCode(201).body("hours", equalTo(2)).extract().jsonPath().getLong("id");
        AlertFixtures.as(s).body("{\"kind\":\"data-stale\",\"hours\":6,\"enabled\":false}")
                .put("/api/v1/alerts/rules/" + id).then().statusCode(200).body("hours", equalTo(6))
                .body("enabled", equalTo(false));
        // Another operator's rule is not there for them.
        Operators.Session other = Operators.newSignedIn("other");
        AlertFixtures.as(other).delete("/api/v1/alerts/rules/" + id).then().statusCode(404);
        AlertFixtures.as(s).delete("/api/v1/alerts/rules/" + id).then().statusCode(204);
        AlertFixtures.as(s).get("/api/v1/alerts?limit=500").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void quietHoursNeedBothTimesAsHhMm() {
        Operators.Session s = Operators.newSignedIn("quiet");
        AlertFixtures.as(s).body("{\"quietFrom\":\"22:00\"}").put("/api/v1/alerts/channels").then().statusCode(422)
                .body("errors[0].field", equalTo("quietTo"));
        AlertFixtures.as(s).body("{\"quietFrom\":\"25:00\",\"quietTo\":\"07:00\"}").put("/api/v1/alerts/channels")
                .then().statusCode(422).body("errors[0].field", equalTo("quietFrom"));
        AlertFixtures.as(s).body("{\"email\":false,\"quietFrom\":\"22:00\",\"quietTo\":\"07:00\"}")
                .put("/api/v1/alerts/channels").then().statusCode(200).body("email", equalTo(false))
                .body("quietFrom", equalTo("22:00")).body("quietTo", equalTo("07:00"));
        AlertFixtures.as(s).body("{\"quietFrom\":null,\"quietTo\":null}").put("/api/v1/alerts/channels").then()
                .statusCode(200).body("email", equalTo(false)).body("quietFrom", equalTo(null));
    }

    @Test
    void thePageListsRulesAndHistoryAndShowsMarkupAsText() {
        Operators.Session s = Operators.newSignedIn("page");
        long site = AlertFixtures.flatSite(s, "<b>Pecos</b>", 0.04);
        AlertFixtures.rig(s, site, "S19 <script>alert(1)</script>");
        String page = given().cookies(s.cookies()).get("/alerts").then().statusCode(200)
                .body(containsString("href=\"/alerts\"")).body(containsString("Every rig group"))
                .body(not(containsString("<script>alert(1)</script>"))).extract().asString();
        assertThat(page).contains("S19 &lt;script&gt;alert(1)&lt;/script&gt; at &lt;b&gt;Pecos&lt;/b&gt;");
        // A rule added through the form, and one refused with the message beside the field and the input kept.
        given().cookies(s.cookies()).redirects().follow(false).formParam("csrf-token", s.csrf())
                .formParam("kind", "price-below").formParam("threshold", "60,000").formParam("confirmations", "2")
                .formParam("marginPercent", "1").post("/alerts/rules").then().statusCode(303);
        given().cookies(s.cookies()).formParam("csrf-token", s.csrf()).formParam("kind", "price-above")
                .formParam("threshold", "lots").formParam("confirmations", "2").formParam("marginPercent", "1")
                .post("/alerts/rules").then().statusCode(422).body(containsString("id=\"threshold-error\""))
                .body(containsString("value=\"lots\""));
        given().cookies(s.cookies()).get("/alerts").then().statusCode(200)
                .body(containsString("BTC price below 60,000 USD"));
        // A test alert to an unverified address is recorded, and says why it was not mailed.
        given().cookies(s.cookies()).redirects().follow(false).formParam("csrf-token", s.csrf()).post("/alerts/test")
                .then().statusCode(303);
        AlertFixtures.as(s).get("/api/v1/alerts").then().statusCode(200).body("[0].kind", equalTo("test"))
                .body("[0].deliveries[0].channel", equalTo("email"))
                .body("[0].deliveries[0].state", equalTo("failed"))
                .body("[0].deliveries[0].lastError", containsString("not verified"));
        AlertFixtures.as(s).post("/api/v1/alerts/test").then().statusCode(429);
    }
}
