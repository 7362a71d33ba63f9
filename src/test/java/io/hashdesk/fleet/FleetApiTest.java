package io.hashdesk.fleet;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

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

    /** A site body with one field replaced (raw JSON text), so each case differs from a valid site in one place. */
    static String siteWith(String field, String rawValue) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "\"Valid\"");
        fields.put("tariff", "{\"type\": \"flat\", \"usdPerKwh\": 0.05}");
        fields.put("poolFeePercent", "2");
        fields.put("hostingUsdPerMonth", "0");
        fields.put("powerOverhead", "1.0");
        fields.put("uptimePercent", "100");
        fields.put("curtail", "false");
        fields.put("timezone", "\"UTC\"");
        if (rawValue == null) {
            fields.remove(field);
        } else {
            fields.put(field, rawValue);
        }
        StringBuilder json = new StringBuilder("{");
        fields.forEach((k, v) -> json.append(json.length() > 1 ? ", " : "").append('"').append(k).append("\": ").append(v));
        return json.append('}').toString();
    }

    @Test
    void badSitesAreRefusedNamingTheFieldAndNothingIsSaved() {
        Operators.Session me = Operators.newSignedIn("site-bad");
        createSite(me, FLAT_SITE);
        String[][] semantic = {
                { "name", null, "name" },
                { "name", "\"   \"", "name" },
                { "name", "\"" + "x".repeat(101) + "\"", "name" },
                { "name", "\"texas 1\"", "name" }, // same name as an existing site, ignoring case
                { "poolFeePercent", "100.5", "poolFeePercent" },
                { "poolFeePercent", "-1", "poolFeePercent" },
                { "hostingUsdPerMonth", "-5", "hostingUsdPerMonth" },
                { "hostingUsdPerMonth", "1e400", "hostingUsdPerMonth" }, // overflows to Infinity
                { "powerOverhead", "0.9", "powerOverhead" },
                { "powerOverhead", "3.5", "powerOverhead" },
                { "uptimePercent", "101", "uptimePercent" },
                { "timezone", "\"Mars/Olympus_Mons\"", "timezone" },
                { "tariff", null, "tariff" },
                { "tariff", "{\"type\": \"hourly\", \"usdPerKwh\": 0.05}", "tariff.type" },
                { "tariff", "{\"type\": \"flat\"}", "tariff.usdPerKwh" },
                { "tariff", "{\"type\": \"flat\", \"usdPerKwh\": -0.01}", "tariff.usdPerKwh" },
                { "tariff", "{\"type\": \"tou\", \"bands\": []}", "tariff.bands" },
                { "tariff", "{\"type\": \"tou\", \"bands\": [{\"days\": \"Funday\", \"fromHour\": 0, \"toHour\": 24, \"usdPerKwh\": 0.05}]}",
                        "tariff.bands[0].days" },
                { "tariff", "{\"type\": \"tou\", \"bands\": [{\"days\": \"Mon-Sun\", \"fromHour\": 8, \"toHour\": 8, \"usdPerKwh\": 0.05}]}",
                        "tariff.bands[0].toHour" },
                { "tariff", "{\"type\": \"tou\", \"bands\": [{\"days\": \"Mon-Sun\", \"fromHour\": 0, \"toHour\": 25, \"usdPerKwh\": 0.05}]}",
                        "tariff.bands[0].toHour" },
        };
        for (String[] c : semantic) {
            as(me).contentType(ContentType.JSON).body(siteWith(c[0], c[1])).post("/api/v1/sites")
                    .then().statusCode(422)
                    .contentType(containsString("application/problem+json"))
                    .body("errors.field", hasItem(c[2]));
        }
        // A week with a gap: the message says which hour has no price.
        as(me).contentType(ContentType.JSON).body(siteWith("tariff", "{\"type\": \"tou\", \"bands\": ["
                + "{\"days\": \"Mon-Fri\", \"fromHour\": 0, \"toHour\": 24, \"usdPerKwh\": 0.05}]}"))
                .post("/api/v1/sites").then().statusCode(422)
                .body("field", equalTo("tariff.bands"))
                .body("errors[0].message", containsString("Saturday 00:00 without a price"));

        String[][] malformed = {
                { "poolFeePercent", "\"2\"", "poolFeePercent" }, // a string where a number belongs
                { "curtail", "\"yes\"", "curtail" },
                { "curtail", "1", "curtail" },
                { "name", "42", "name" }, // a number where text belongs
                { "colour", "\"red\"", "colour" }, // unknown field
                { "tariff", "\"flat\"", "tariff" },
        };
        for (String[] c : malformed) {
            as(me).contentType(ContentType.JSON).body(siteWith(c[0], c[1])).post("/api/v1/sites")
                    .then().statusCode(400)
                    .contentType(containsString("application/problem+json"))
                    .body("errors.field", hasItem(c[2]));
        }
        for (String body : new String[] { "{\"name\": ", "", "null", "[]",
                siteWith("poolFeePercent", "NaN"), siteWith("poolFeePercent", "Infinity"), FLAT_SITE + " {}" }) {
            as(me).contentType(ContentType.JSON).body(body).post("/api/v1/sites")
                    .then().statusCode(400).contentType(containsString("application/problem+json"));
        }
        as(me).contentType(ContentType.TEXT).body("name=x").post("/api/v1/sites").then().statusCode(415);
        org.junit.jupiter.api.Assertions.assertEquals(1, siteCount(me), "only the first, valid site is saved");

        // A refused update leaves the site as it was.
        long id = as(me).get("/api/v1/sites").then().extract().jsonPath().getLong("[0].id");
        as(me).contentType(ContentType.JSON).body(siteWith("uptimePercent", "150")).put("/api/v1/sites/" + id)
                .then().statusCode(422).body("field", equalTo("uptimePercent"));
        as(me).contentType(ContentType.JSON).body(siteWith("id", String.valueOf(id + 1))).put("/api/v1/sites/" + id)
                .then().statusCode(422).body("field", equalTo("id"));
        as(me).get("/api/v1/sites/" + id).then().body("name", equalTo("Texas 1")).body("uptimePercent", equalTo(97.0f));
    }

    static String rigWith(long siteId, String field, String rawValue) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("siteId", String.valueOf(siteId));
        fields.put("model", "\"Bitmain Antminer S21\"");
        fields.put("units", "10");
        fields.put("terahash", "200");
        fields.put("watts", "3500");
        fields.put("purchaseUsd", "2500");
        fields.put("purchaseDate", "\"2024-05-17\"");
        fields.put("notes", "\"ok\"");
        if (rawValue == null) {
            fields.remove(field);
        } else {
            fields.put(field, rawValue);
        }
        StringBuilder json = new StringBuilder("{");
        fields.forEach((k, v) -> json.append(json.length() > 1 ? ", " : "").append('"').append(k).append("\": ").append(v));
        return json.append('}').toString();
    }

    @Test
    void badRigsAreRefusedNamingTheFieldAndNothingIsSaved() {
        Operators.Session me = Operators.newSignedIn("rig-bad");
        long site = createSite(me, FLAT_SITE);
        String tomorrow = "\"" + LocalDate.now(ZoneOffset.UTC).plusDays(2) + "\"";
        String[][] semantic = {
                { "siteId", null, "siteId" },
                { "siteId", "999999999", "siteId" },
                { "model", null, "model" },
                { "model", "\"\"", "model" },
                { "model", "\"" + "m".repeat(101) + "\"", "model" },
                { "units", null, "units" },
                { "units", "0", "units" },
                { "units", "1000001", "units" },
                { "terahash", "0", "terahash" },
                { "terahash", "10000.5", "terahash" },
                { "watts", "-1", "watts" },
                { "watts", "100001", "watts" },
                { "purchaseUsd", "-1", "purchaseUsd" },
                { "purchaseDate", tomorrow, "purchaseDate" },
                { "purchaseDate", "\"2008-12-31\"", "purchaseDate" },
                { "notes", "\"" + "n".repeat(1001) + "\"", "notes" },
        };
        for (String[] c : semantic) {
            as(me).contentType(ContentType.JSON).body(rigWith(site, c[0], c[1])).post("/api/v1/rigs")
                    .then().statusCode(422)
                    .contentType(containsString("application/problem+json"))
                    .body("errors.field", hasItem(c[2]));
        }
        String[][] malformed = {
                { "units", "1.5", "units" },
                { "units", "\"12\"", "units" },
                { "terahash", "\"200\"", "terahash" },
                { "terahash", "true", "terahash" },
                { "purchaseDate", "\"2024-13-45\"", "purchaseDate" },
                { "purchaseDate", "20240517", "purchaseDate" },
                { "model", "[\"S21\"]", "model" },
                { "hashrate", "200", "hashrate" },
        };
        for (String[] c : malformed) {
            as(me).contentType(ContentType.JSON).body(rigWith(site, c[0], c[1])).post("/api/v1/rigs")
                    .then().statusCode(400)
                    .contentType(containsString("application/problem+json"))
                    .body("errors.field", hasItem(c[2]));
        }
        as(me).contentType(ContentType.JSON).body(rigWith(site, "terahash", "NaN")).post("/api/v1/rigs").then().statusCode(400);
        org.junit.jupiter.api.Assertions.assertEquals(0, rigCount(me), "nothing was saved");
    }

    @Test
    void anotherOperatorsSitesAndRigsAnswer404OnEveryRoute() {
        Operators.Session owner = Operators.newSignedIn("owner");
        Operators.Session intruder = Operators.newSignedIn("intruder");
        long site = createSite(owner, FLAT_SITE);
        long rig = createRig(owner, site, "Bitmain Antminer S21", 10);
        long intruderSite = createSite(intruder, TOU_SITE);
        long intruderRig = createRig(intruder, intruderSite, "Mine", 1);
        long missing = 987654321L;

        for (long id : new long[] { site, missing }) {
            as(intruder).get("/api/v1/sites/" + id).then().statusCode(404);
            as(intruder).contentType(ContentType.JSON).body(FLAT_SITE.replace("Texas 1", "Stolen")).put("/api/v1/sites/" + id)
                    .then().statusCode(404);
            as(intruder).delete("/api/v1/sites/" + id).then().statusCode(404);
            as(intruder).get("/sites/" + id).then().statusCode(404);
            as(intruder).get("/sites/" + id + "/delete").then().statusCode(404);
            as(intruder).formParam("csrf-token", intruder.csrf()).formParam("name", "Stolen").formParam("tariffType", "flat")
                    .formParam("usdPerKwh", "0.01").post("/sites/" + id).then().statusCode(404);
            as(intruder).formParam("csrf-token", intruder.csrf()).post("/sites/" + id + "/delete").then().statusCode(404);
            as(intruder).formParam("csrf-token", intruder.csrf()).formParam("name", "x")
                    .post("/sites/validate?site=" + id).then().statusCode(404);
        }
        for (long id : new long[] { rig, missing }) {
            as(intruder).get("/api/v1/rigs/" + id).then().statusCode(404);
            as(intruder).contentType(ContentType.JSON).body(rigWith(intruderSite, "units", "1")).put("/api/v1/rigs/" + id)
                    .then().statusCode(404);
            as(intruder).delete("/api/v1/rigs/" + id).then().statusCode(404);
            as(intruder).get("/rigs/" + id).then().statusCode(404);
            as(intruder).get("/rigs/" + id + "/delete").then().statusCode(404);
            as(intruder).formParam("csrf-token", intruder.csrf()).formParam("siteId", String.valueOf(intruderSite))
                    .formParam("catalogModel", "custom").formParam("model", "x").formParam("units", "1")
                    .formParam("terahash", "1").formParam("watts", "1").post("/rigs/" + id).then().statusCode(404);
            as(intruder).formParam("csrf-token", intruder.csrf()).post("/rigs/" + id + "/delete").then().statusCode(404);
        }
        // A rig cannot be attached to another operator's site, neither new nor moved.
        as(intruder).contentType(ContentType.JSON).body(rigWith(site, "units", "1")).post("/api/v1/rigs")
                .then().statusCode(422).body("field", equalTo("siteId"));
        as(intruder).contentType(ContentType.JSON).body(rigWith(site, "units", "1")).put("/api/v1/rigs/" + intruderRig)
                .then().statusCode(422).body("field", equalTo("siteId"));
        as(intruder).formParam("csrf-token", intruder.csrf()).formParam("siteId", String.valueOf(site))
                .formParam("catalogModel", "custom").formParam("model", "x").formParam("units", "1")
                .formParam("terahash", "1").formParam("watts", "1").post("/rigs").then().statusCode(422)
                .body(containsString("id=\"siteId-error\""));
        // The preview does not reveal another operator's site terms either.
        as(intruder).formParam("csrf-token", intruder.csrf()).formParam("siteId", String.valueOf(site))
                .formParam("catalogModel", "custom").formParam("model", "x").formParam("units", "1")
                .formParam("terahash", "100").formParam("watts", "3000").post("/rigs/preview").then().statusCode(200)
                .body(containsString("Choose a site"));

        // Lists show only one's own; the owner's data is untouched.
        as(intruder).get("/api/v1/sites").then().body("id", org.hamcrest.Matchers.not(hasItem((int) site)));
        as(intruder).get("/api/v1/rigs").then().body("id", org.hamcrest.Matchers.not(hasItem((int) rig)));
        as(owner).get("/api/v1/sites/" + site).then().statusCode(200).body("name", equalTo("Texas 1"));
        as(owner).get("/api/v1/rigs/" + rig).then().statusCode(200).body("units", equalTo(10)).body("siteId", equalTo((int) site));
        as(intruder).get("/rigs.csv").then().statusCode(200).body(org.hamcrest.Matchers.not(containsString("Texas 1")));
    }
}
