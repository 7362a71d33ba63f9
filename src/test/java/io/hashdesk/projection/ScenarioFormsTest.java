package io.hashdesk.projection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.hashdesk.account.Operator;
import io.hashdesk.testing.Json;
import io.hashdesk.testing.Operators;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Numbers read alike on every form, and a saved scenario is replaced only when the operator says so. */
@QuarkusTest
class ScenarioFormsTest {

    static Response save(Operators.Session s, String name, String drift, String replace) {
        var form = given().cookies(s.cookies()).redirects().follow(false).formParam("csrf-token", s.csrf())
                .formParam("saveName", name).formParam("days", "120").formParam("priceDriftPercent", drift)
                .formParam("hashrateGrowthPercent", "2").formParam("feesPerBlockBtc", "");
        if (replace != null) {
            form.formParam("replace", replace);
        }
        return form.post("/projection/scenarios");
    }

    static List<SavedScenario> saved(Operators.Session s) {
        return QuarkusTransaction.requiringNew().call(() -> SavedScenario.<SavedScenario>list(
                "operatorId = (select o.id from Operator o where o.email = ?1)", s.email()));
    }

    @Test
    void oneThousandIsOneThousandOnTheProjectionAsOnTheSitesForm() {
        Operators.Session me = Operators.newSignedIn("numbers");
        ProjectionApiTest.rig(me, ProjectionApiTest.site(me, "Numbers", 0.05, 0), "Custom 200 TH", 1, 200, 3500, null);
        // JSON and page read "1,000" as one thousand, like /sites does (its hosting fee "1,500" is 1,500 USD).
        String body = given().cookies(me.cookies()).get("/api/v1/projection?days=1,000&feesPerBlockBtc=1,000")
                .then().statusCode(200).extract().asString();
        JsonPath j = Json.exact(body);
        assertEquals(1000, j.getInt("assumptions.days"));
        assertEquals(1000.0, j.getDouble("assumptions.feesPerBlockBtc"), 0);
        given().cookies(me.cookies()).get("/projection?days=1,000&priceDriftPercent=-2.5").then().statusCode(200)
                .body(anyOf(containsString("Over 1000 days"), containsString("Over 1,000 days")));
        // A decimal comma is not guessed at: it is refused beside its field, on the page and in JSON.
        given().cookies(me.cookies()).get("/projection?priceDriftPercent=2,5").then().statusCode(422)
                .body(containsString("id=\"drift-error\""))
                .body(containsString("decimals with a point"));
        given().cookies(me.cookies()).get("/api/v1/projection?priceDriftPercent=2,5").then().statusCode(400)
                .body("errors[0].field", equalTo("priceDriftPercent"));
        // The sites form reads the same text the same way.
        given().cookies(me.cookies()).redirects().follow(false).formParam("csrf-token", me.csrf())
                .formParam("name", "Numbers 2").formParam("tariffType", "flat").formParam("usdPerKwh", "0.05")
                .formParam("hostingUsdPerMonth", "1,000").formParam("timezone", "UTC").post("/sites").then()
                .statusCode(303);
        given().cookies(me.cookies()).get("/api/v1/sites").then().body("find { it.name == 'Numbers 2' }.hostingUsdPerMonth",
                equalTo(1000.0f));
        given().cookies(me.cookies()).redirects().follow(false).formParam("csrf-token", me.csrf())
                .formParam("name", "Comma").formParam("tariffType", "flat").formParam("usdPerKwh", "0,05")
                .formParam("timezone", "UTC").post("/sites").then().statusCode(422)
                .body(containsString("id=\"usdPerKwh-error\""));
    }

    @Test
    void savingUnderATakenNameAsksBeforeReplacing() {
        Operators.Session me = Operators.newSignedIn("scenario-replace");
        save(me, "Winter", "-7", null).then().statusCode(303);
        save(me, "Winter", "-20", null).then().statusCode(422)
                .body(containsString("A scenario named &quot;Winter&quot; exists. Replace it with these assumptions?"))
                .body(containsString("id=\"confirm-replace\""))
                .body(containsString("value=\"-20\""));
        assertEquals(-7, saved(me).get(0).priceDriftPercent, 0, "not replaced without asking");
        // A confirmation for another name does not count.
        save(me, "Winter", "-20", "Summer").then().statusCode(422);
        save(me, "Winter", "-20", "Winter").then().statusCode(303);
        List<SavedScenario> all = saved(me);
        assertEquals(1, all.size());
        assertEquals(-20, all.get(0).priceDriftPercent, 0);
    }

    @Test
    void concurrentSavesOfOneNameNeverFail() throws Exception {
        Operators.Session me = Operators.newSignedIn("scenario-race");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> saves = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String drift = Integer.toString(-i);
                saves.add(pool.submit(() -> {
                    go.await();
                    return save(me, "Race", drift, null).statusCode();
                }));
            }
            go.countDown();
            int created = 0;
            for (Future<Integer> f : saves) {
                int status = f.get(30, TimeUnit.SECONDS);
                assertTrue(status == 303 || status == 422, "status " + status);
                created += status == 303 ? 1 : 0;
            }
            assertEquals(1, created);
            assertEquals(1, saved(me).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoHundredSavedScenariosIsTheMost() {
        Operators.Session me = Operators.newSignedIn("scenario-limit");
        long id = QuarkusTransaction.requiringNew().call(() -> Operator.findByEmail(me.email())
                .orElseThrow().id);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < ScenarioService.MAX_SAVED; i++) {
                SavedScenario s = new SavedScenario();
                s.operatorId = id;
                s.name = "s" + i;
                s.days = 90;
                s.createdAt = Instant.now();
                s.persist();
            }
        });
        save(me, "One more", "0", null).then().statusCode(422)
                .body(containsString("You have 200 saved scenarios"));
        save(me, "s7", "-3", "s7").then().statusCode(303);
        assertEquals(ScenarioService.MAX_SAVED, saved(me).size());
        given().cookies(me.cookies()).get("/projection").then().body(not(containsString("One more")));
    }
}
