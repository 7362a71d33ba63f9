package io.hashdesk.projection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hashdesk.network.NetworkService;
import io.hashdesk.testing.Fleets;
import io.hashdesk.testing.Json;
import io.hashdesk.testing.Networks;
import io.hashdesk.testing.Operators;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** GET /api/v1/projection and the pages built on it, against a WireMock network with docs/economics.md's worked numbers. */
@QuarkusTest
class ProjectionApiTest {

    /** docs/economics.md's worked example: D 1.355e14, 71,000 USD, 3.125 + 0.03 BTC per block (0.03 x 144 = 4.32 BTC of fees). */
    static void workedExampleNetwork(NetworkService network, double price) {
        Networks.startWorked(network, price, 0, 5);
    }

    @Inject
    NetworkService network;

    @Inject
    CircuitBreakerMaintenance breakers;

    Operators.Session session;

    @BeforeEach
    void setUp() {
        breakers.resetAll();
        workedExampleNetwork(network, 71_000);
        session = Operators.newSignedIn("projection");
    }

    static RequestSpecification as(Operators.Session s) {
        return Fleets.as(s);
    }

    static long site(Operators.Session s, String name, double usdPerKwh, double hostingUsdPerMonth) {
        return Fleets.site(s, name).usdPerKwh(usdPerKwh).hostingUsdPerMonth(hostingUsdPerMonth).create();
    }

    static long rig(Operators.Session s, long siteId, String model, long units, double th, double watts, Double purchaseUsd) {
        return Fleets.rig(s, siteId, model).units(units).terahash(th).watts(watts).purchaseUsd(purchaseUsd).create();
    }

    private JsonPath projection(String query) {
        String body = as(session).get("/api/v1/projection" + query).then().statusCode(200).extract().asString();
        return Json.exact(body);
    }

    @Test
    void workedExampleThroughTheWholeStack() {
        long site = site(session, "Worked example", 0.06, 0);
        long rig = rig(session, site, "Custom 200 TH", 1, 200, 3500, null);
        JsonPath j = projection("?days=30");
        assertEquals(6.65, j.getDouble("today.revenueUsd"), 0.005);
        assertEquals(5.04, j.getDouble("today.powerCostUsd"), 1e-9);
        assertEquals(1.61, j.getDouble("today.profitUsd"), 0.005);
        assertEquals(0.0332, j.getDouble("today.hashpriceUsdPerThDay"), 0.0001);
        assertEquals(rig, j.getLong("groups[0].rigId"));
        assertEquals(0.0792, j.getDouble("groups[0].shutdownUsdPerKwh"), 0.00005);
        assertEquals(17.5, j.getDouble("groups[0].efficiencyJPerTh"), 1e-12);
        assertNull(j.get("groups[0].paybackDays"), "no purchase cost, no payback");
        assertNull(j.get("groups[0].firstUnprofitableDay"));
        // Exact to the formula: 200e12 H/s x 86400 s x 3.155 BTC / (D x 2^32) x 71,000 USD.
        double revenue = 200e12 * 86400 * 3.155 / (1.355e14 * 4294967296.0) * 71_000;
        assertEquals(revenue, j.getDouble("today.revenueUsd"), 1e-9);
        List<Object> days = j.getList("days");
        assertEquals(30, days.size());
        assertEquals(revenue - 5.04, j.getDouble("days[0].profitUsd"), 1e-9);
        assertEquals(30 * (revenue - 5.04), j.getDouble("totals.profitUsd"), 1e-7);
        assertEquals(71_000, j.getDouble("days[29].priceUsd"), 1e-6);
        assertEquals(30, j.getInt("assumptions.days"));
        assertEquals(0.03, j.getDouble("assumptions.feesPerBlockBtc"), 1e-15);
        assertEquals("mempool", j.getString("network.source"));
        assertTrue(j.getString("asOf").endsWith("Z"));
        assertTrue(j.getString("days[1].date").endsWith("Z"));
    }

    @Test
    void cachedResultsFollowRigAndSnapshotChanges() {
        long site = site(session, "Cache", 0.06, 0);
        long rig = rig(session, site, "Custom 200 TH", 1, 200, 3500, null);
        double one = projection("?days=10").getDouble("today.revenueUsd");
        assertEquals(one, projection("?days=10").getDouble("today.revenueUsd"), 0);
        as(session).body(String.format(Locale.ROOT, "{\"siteId\":%d,\"model\":\"Custom 200 TH\",\"units\":3,"
                + "\"terahash\":200,\"watts\":3500}", site)).put("/api/v1/rigs/" + rig).then().statusCode(200);
        assertEquals(3 * one, projection("?days=10").getDouble("today.revenueUsd"), 1e-9);
        workedExampleNetwork(network, 2 * 71_000);
        assertEquals(6 * one, projection("?days=10").getDouble("today.revenueUsd"), 1e-9);
    }

    @Test
    void privatePagesAreNeverCachedButStaticFilesMayBe() {
        given().cookies(session.cookies()).get("/dashboard").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"));
        as(session).get("/api/v1/projection?days=3").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"));
        given().get("/css/app.css").then().statusCode(200).header("Cache-Control", not(containsString("no-store")));
    }

    @Test
    void emptyFleetGetsZerosAndAFriendlyStart() {
        JsonPath j = projection("");
        assertEquals(0, j.getList("groups").size());
        assertEquals(90, j.getList("days").size());
        assertEquals(0, j.getDouble("today.profitUsd"), 0);
        assertNull(j.get("today.costPerBtcUsd"));
        given().cookies(session.cookies()).get("/dashboard").then().statusCode(200)
                .body(containsString("Start with your fleet"))
                .body(containsString("href=\"/sites/new\""));
    }

    @Test
    void aLosingGroupIsListedToSwitchOffWithItsTurnOnPrice() {
        long cheap = site(session, "Cheap hydro", 0.04, 0);
        long dear = site(session, "Dear grid", 0.10, 0);
        rig(session, cheap, "Antminer S21", 10, 200, 3500, 50.0);
        long old = rig(session, dear, "Antminer S19", 5, 95, 3250, null);
        JsonPath j = projection("?days=30");
        assertEquals(true, j.getBoolean("groups[1].switchOff"));
        assertEquals(false, j.getBoolean("groups[0].switchOff"));
        // Running it loses money from day 0 under either policy; the default policy switches it off from day 0.
        assertEquals(0, j.getInt("groups[1].firstUnprofitableDay"));
        assertEquals(0, j.getInt("groups[1].firstSwitchOffDay"));
        assertEquals(0, projection("?days=30&policy=run-all").getInt("groups[1].firstUnprofitableDay"));
        assertTrue(given().cookies(session.cookies()).get("/projection?days=30").then().statusCode(200).extract()
                .asString().contains("switched off from "), "the projection page says when the policy switches it off");
        double turnOn = j.getDouble("groups[1].shutdownPriceUsd");
        assertTrue(turnOn > 71_000);
        String page = given().cookies(session.cookies()).get("/dashboard").then().statusCode(200).extract().asString();
        int list = page.indexOf("id=\"switch-off\"");
        assertTrue(list > 0);
        String section = page.substring(list, page.indexOf("</section>", list));
        assertTrue(section.contains("href=\"/rigs/" + old + "\""), "the losing group is listed");
        assertTrue(section.contains(String.format(Locale.ENGLISH, "%,.0f USD", turnOn)), "with its turn-on price");
        assertTrue(!section.contains("Antminer S21"), "a profitable group is not");
        // Payback: 50 USD per unit against today's profit, and the projection's dynamic date.
        double profit = j.getDouble("groups[0].today.profitUsd");
        assertEquals(10 * 50 / profit, j.getDouble("groups[0].paybackDays"), 1e-9);
        // Price and difficulty hold (the next retarget changes nothing): the projection's payback is today's, exactly.
        double payback = j.getDouble("groups[0].paybackDays");
        assertEquals(payback, j.getDouble("groups[0].projectedPaybackDays"), 1e-9 * payback);
        assertTrue(j.getString("groups[0].projectedPaybackDate").endsWith("Z"));
        assertNull(j.get("groups[1].paybackDays"), "no purchase cost given");
    }

    @Test
    void theRigPreviewSharesTheSitesHostingWithTheGroupsAlreadyThere() {
        long site = site(session, "Hosted", 0.05, 365); // 12 USD per day
        long existing = rig(session, site, "Custom 100 TH", 1, 100, 3000, null);
        String added = given().cookies(session.cookies()).formParam("csrf-token", session.csrf())
                .formParam("siteId", String.valueOf(site)).formParam("catalogModel", "custom")
                .formParam("model", "Custom 100 TH").formParam("units", "1").formParam("terahash", "100")
                .formParam("watts", "3000").post("/rigs/preview").then().statusCode(200).extract().asString();
        assertTrue(added.contains("6.00 USD / day"), "half the hosting: the new group draws as much as the one there");
        String edited = given().cookies(session.cookies()).formParam("csrf-token", session.csrf())
                .formParam("rigId", String.valueOf(existing)).formParam("siteId", String.valueOf(site))
                .formParam("catalogModel", "custom").formParam("model", "Custom 100 TH").formParam("units", "1")
                .formParam("terahash", "100").formParam("watts", "3000").post("/rigs/preview").then().statusCode(200)
                .extract().asString();
        assertTrue(edited.contains("12.00 USD / day"), "editing the only group: all of the hosting, not counted twice");
    }

    @Test
    void aScriptWithAnApiTokenBuildsAFleetAndReadsItsProjection() {
        String page = given().cookies(session.cookies()).formParam("csrf-token", session.csrf())
                .formParam("name", "script").post("/settings/tokens").then().statusCode(200).extract().asString();
        String token = page.replaceAll("(?s).*id=\"new-token\">(hd_[A-Za-z0-9_-]+)<.*", "$1");
        // No cookie and no CSRF token: a script sends JSON with its bearer token.
        long site = given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{\"name\":\"Scripted\",\"tariff\":{\"type\":\"flat\",\"usdPerKwh\":0.06}}")
                .post("/api/v1/sites").then().statusCode(201).extract().jsonPath().getLong("id");
        given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{\"siteId\":" + site + ",\"model\":\"Custom 200 TH\",\"units\":1,\"terahash\":200,\"watts\":3500}")
                .post("/api/v1/rigs").then().statusCode(201);
        String body = given().header("Authorization", "Bearer " + token).get("/api/v1/projection?days=7").then()
                .statusCode(200).extract().asString();
        assertEquals(5.04, Json.exact(body).getDouble("today.powerCostUsd"), 1e-9);
        // Another operator's script sees an empty fleet, not this one.
        Operators.Session other = Operators.newSignedIn("other-script");
        assertEquals(0, Json.exact(as(other).get("/api/v1/projection?days=7").then().statusCode(200).extract()
                .asString()).getList("groups").size());
    }

    @Test
    void badAssumptionsAreRefusedNamingTheField() {
        as(session).get("/api/v1/projection?days=0").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("days"));
        as(session).get("/api/v1/projection?days=1501").then().statusCode(400).body("field", equalTo("days"));
        as(session).get("/api/v1/projection?priceDriftPercent=NaN").then().statusCode(400)
                .body("field", equalTo("priceDriftPercent"));
        as(session).get("/api/v1/projection?hashrateGrowthPercent=abc").then().statusCode(400)
                .body("field", equalTo("hashrateGrowthPercent"));
        as(session).get("/api/v1/projection?feesPerBlockBtc=-1").then().statusCode(400)
                .body("field", equalTo("feesPerBlockBtc"));
        given().get("/api/v1/projection").then().statusCode(401);
        // Errors mapped from exceptions are problem details too, whatever the route produces.
        as(session).get("/api/v1/sites/987654321").then().statusCode(404).contentType("application/problem+json");
        as(session).body("{\"name\": ").post("/api/v1/sites").then().statusCode(400)
                .contentType("application/problem+json");
        // The page keeps what was typed and says what is wrong beside the field.
        given().cookies(session.cookies()).get("/projection?days=abc&priceDriftPercent=-5").then().statusCode(422)
                .body(containsString("id=\"days-error\""))
                .body(containsString("value=\"abc\""))
                .body(containsString("value=\"-5\""));
    }

    @Test
    void projectionPageFragmentCsvAndSavedScenarios() {
        long site = site(session, "Page", 0.06, 0);
        rig(session, site, "Custom 200 TH", 1, 200, 3500, 1000.0);
        given().cookies(session.cookies()).get("/projection?days=60&priceDriftPercent=-5").then().statusCode(200)
                .body(containsString("<html"))
                .body(containsString("Over 60 days"))
                .body(containsString("id=\"daily-profit\""))
                .body(containsString("Sensitivity"));
        // htmx asks for the workspace alone.
        given().cookies(session.cookies()).header("HX-Request", "true").get("/projection?days=14").then()
                .statusCode(200).body(not(containsString("<html"))).body(containsString("Over 14 days"));
        String csv = given().cookies(session.cookies()).get("/projection/daily.csv?days=14").then().statusCode(200)
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(15, lines.length);
        assertTrue(lines[0].startsWith("day,date,btc,revenue_usd"));
        // Save, list, and keep it private.
        given().cookies(session.cookies()).redirects().follow(false)
                .formParam("csrf-token", session.csrf()).formParam("saveName", "Winter <b>squeeze</b>")
                .formParam("days", "120").formParam("priceDriftPercent", "-7").formParam("hashrateGrowthPercent", "2")
                .formParam("feesPerBlockBtc", "").post("/projection/scenarios").then().statusCode(303);
        String page = given().cookies(session.cookies()).get("/projection").then().statusCode(200).extract().asString();
        assertTrue(page.contains("Winter &lt;b&gt;squeeze&lt;/b&gt;"), "names are shown as text");
        String id = page.replaceAll("(?s).*href=\"/projection\\?saved=(\\d+)\".*", "$1");
        given().cookies(session.cookies()).get("/projection?saved=" + id).then().statusCode(200)
                .body(containsString("value=\"120\""));
        Operators.Session other = Operators.newSignedIn("other");
        given().cookies(other.cookies()).get("/projection?saved=" + id).then().statusCode(404);
        given().cookies(other.cookies()).redirects().follow(false).formParam("csrf-token", other.csrf())
                .post("/projection/scenarios/" + id + "/delete").then().statusCode(404);
        given().cookies(session.cookies()).redirects().follow(false).formParam("csrf-token", session.csrf())
                .formParam("saveName", "").formParam("days", "30").post("/projection/scenarios").then().statusCode(422)
                .body(containsString("Give the scenario a name."));
    }
}
