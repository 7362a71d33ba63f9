package io.hashdesk.fleet;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Operators;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The JSON API for sites and rig groups: CRUD, every class of bad input, and nothing saved on refusal. */
@QuarkusTest
class FleetApiTest {

    static final String FLAT_SITE = """
            {"name": "Texas 1", "tariff": {"type": "flat", "usdPerKwh": 0.05}, "poolFeePercent": 2,
             "hostingUsdPerMonth": 300, "powerOverhead": 1.1, "uptimePercent": 97, "curtail": true,
             "timezone": "America/Chicago"}""";

    static final String TOU_SITE = """
            {"name": "Oslo", "tariff": {"type": "tou", "bands": [
               {"days": "Mon-Fri", "fromHour": 0, "toHour": 8, "usdPerKwh": 0.03},
               {"days": "Mon-Fri", "fromHour": 8, "toHour": 24, "usdPerKwh": 0.09},
               {"days": "Sat,Sun", "fromHour": 0, "toHour": 24, "usdPerKwh": 0.04}]}}""";

    static RequestSpecification as(Operators.Session session) {
        return given().cookies(session.cookies()).header("X-CSRF-TOKEN", session.csrf());
    }

    static long createSite(Operators.Session session, String json) {
        return as(session).contentType(ContentType.JSON).body(json).post("/api/v1/sites")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long createRig(Operators.Session session, long siteId, String model, int units) {
        String body = "{\"siteId\": " + siteId + ", \"model\": \"" + model + "\", \"units\": " + units
                + ", \"terahash\": 200, \"watts\": 3500, \"purchaseUsd\": 2500, \"purchaseDate\": \"2024-05-17\", \"notes\": \"row A\"}";
        return as(session).contentType(ContentType.JSON).body(body).post("/api/v1/rigs")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static int siteCount(Operators.Session session) {
        return as(session).get("/api/v1/sites").then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    static int rigCount(Operators.Session session) {
        return as(session).get("/api/v1/rigs").then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    @Test
    void sitesAreCreatedReadUpdatedAndDeleted() {
        Operators.Session me = Operators.newSignedIn("site-crud");
        var created = as(me).contentType(ContentType.JSON).body(FLAT_SITE).post("/api/v1/sites")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/sites/"))
                .body("name", equalTo("Texas 1"))
                .body("tariff.type", equalTo("flat"))
                .body("tariff.usdPerKwh", equalTo(0.05f))
                .body("tariff.bands", nullValue())
                .body("poolFeePercent", equalTo(2.0f))
                .body("powerOverhead", equalTo(1.1f))
                .body("curtail", equalTo(true))
                .body("timezone", equalTo("America/Chicago"))
                .extract();
        long id = created.jsonPath().getLong("id");
        org.hamcrest.MatcherAssert.assertThat(created.header("Location"), endsWith("/api/v1/sites/" + id));

        as(me).get("/api/v1/sites/" + id).then().statusCode(200).body("name", equalTo("Texas 1"));

        // Defaults: no fees, overhead 1, full uptime, no curtailment, the operator's time zone (UTC).
        long oslo = createSite(me, TOU_SITE);
        as(me).get("/api/v1/sites/" + oslo).then().statusCode(200)
                .body("tariff.type", equalTo("tou"))
                .body("tariff.bands", hasSize(3))
                .body("tariff.bands[2].days", equalTo("Sat,Sun"))
                .body("tariff.bands[1].fromHour", equalTo(8))
                .body("poolFeePercent", equalTo(0.0f))
                .body("powerOverhead", equalTo(1.0f))
                .body("uptimePercent", equalTo(100.0f))
                .body("curtail", equalTo(false))
                .body("timezone", equalTo("UTC"));

        as(me).contentType(ContentType.JSON).body(FLAT_SITE.replace("Texas 1", "Texas 2").replace("0.05", "0.061"))
                .put("/api/v1/sites/" + id).then().statusCode(200)
                .body("name", equalTo("Texas 2")).body("tariff.usdPerKwh", equalTo(0.061f));
        as(me).get("/api/v1/sites").then().body("name", hasItem("Texas 2"));

        as(me).delete("/api/v1/sites/" + id).then().statusCode(204);
        as(me).get("/api/v1/sites/" + id).then().statusCode(404);
        org.junit.jupiter.api.Assertions.assertEquals(1, siteCount(me));
    }

    @Test
    void rigsAreCreatedReadUpdatedAndDeleted() {
        Operators.Session me = Operators.newSignedIn("rig-crud");
        long site = createSite(me, FLAT_SITE);
        long other = createSite(me, TOU_SITE);
        var created = as(me).contentType(ContentType.JSON)
                .body("{\"siteId\": " + site + ", \"model\": \"Bitmain Antminer S21\", \"units\": 120, \"terahash\": 200,"
                        + " \"watts\": 3500, \"purchaseUsd\": 2500.5, \"purchaseDate\": \"2024-05-17\", \"notes\": \"row A\"}")
                .post("/api/v1/rigs").then().statusCode(201)
                .body("siteId", equalTo((int) site)).body("units", equalTo(120)).body("terahash", equalTo(200.0f))
                .body("purchaseUsd", equalTo(2500.5f)).body("purchaseDate", equalTo("2024-05-17"))
                .extract();
        long id = created.jsonPath().getLong("id");
        org.hamcrest.MatcherAssert.assertThat(created.header("Location"), endsWith("/api/v1/rigs/" + id));

        as(me).contentType(ContentType.JSON)
                .body("{\"id\": " + id + ", \"siteId\": " + other + ", \"model\": \"My custom\", \"units\": 5, \"terahash\": 90.5, \"watts\": 3100}")
                .put("/api/v1/rigs/" + id).then().statusCode(200)
                .body("siteId", equalTo((int) other)).body("model", equalTo("My custom"))
                .body("purchaseUsd", nullValue()).body("notes", nullValue());
        as(me).get("/api/v1/rigs/" + id).then().statusCode(200).body("units", equalTo(5)).body("terahash", equalTo(90.5f));

        // A site that still hosts rigs is not deleted.
        as(me).delete("/api/v1/sites/" + other).then().statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("still hosts 1 rig group"));
        as(me).get("/api/v1/sites/" + other).then().statusCode(200);

        as(me).delete("/api/v1/rigs/" + id).then().statusCode(204);
        as(me).get("/api/v1/rigs/" + id).then().statusCode(404);
        as(me).delete("/api/v1/sites/" + other).then().statusCode(204);
    }
}
