package io.hashdesk.projection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Operators;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * One request's work is bounded before any of it is done: 1,100 rig groups may run 1,000 price paths
 * over 730 days, not 5,333 over 1,500 days (17 CPU-seconds, and each new seed a cache miss), and may
 * not have every group's daily series over 1,500 days (1.65 million group-days, a 150 MB CSV).
 */
@QuarkusTest
class ProjectionBudgetTest {

    static final int GROUPS = 1_100;

    static String token;
    static Operators.Session session;

    RequestSpecification script() {
        return given().header("Authorization", "Bearer " + token);
    }

    @BeforeEach
    void aFleetOfElevenHundredGroups() {
        if (session != null) {
            return; // one fleet for the whole class
        }
        session = Operators.newSignedIn("budget");
        token = Operators.newToken(session, "budget");
        script().contentType(ContentType.JSON)
                .body("{\"name\": \"Budget site\", \"tariff\": {\"type\": \"flat\", \"usdPerKwh\": 0.05}}")
                .post("/api/v1/sites").then().statusCode(201);
        StringBuilder csv = new StringBuilder("site,model,units,terahash,watts,purchaseUsdPerUnit,purchaseDate,notes\n");
        for (int i = 0; i < GROUPS; i++) {
            csv.append("Budget site,Custom ").append(i).append(",2,").append(100 + i % 100).append(",3000,2500,,\n");
        }
        script().contentType("text/csv").body(csv.toString()).post("/api/v1/rigs/import?mode=append-all")
                .then().statusCode(200);
    }

    @Test
    void pricePathsPastTheBudgetAreRefusedNamingPathsAndTheLimit() {
        script().get("/api/v1/projection?days=1500&paths=5333&seed=7").then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("errors[0].field", equalTo("paths"))
                .body("errors[0].message", containsString("At most 1,212 price paths for 1,100 rig groups over 1,500 days"));
        // A documented use still works: 1,000 paths over 730 days.
        script().get("/api/v1/projection?days=730&paths=1000&seed=8").then().statusCode(200)
                .body("risk.paths", equalTo(1000)).body("groups.size()", equalTo(GROUPS));
    }

    @Test
    void dailySeriesPastTheBudgetAreRefusedInJsonAndCsv() {
        script().get("/api/v1/projection?days=1500&groups=daily").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("groups"))
                .body("errors[0].message", containsString("for 1,100 rig groups, at most 1,363 days"));
        given().cookies(session.cookies()).get("/projection/daily.csv?days=1500&groups=daily").then().statusCode(422)
                .body(containsString("groups: Every group's daily series is limited to 1,500,000 group-days"));
    }

    @Test
    void theCsvIsStillWhole() {
        String csv = given().cookies(session.cookies()).get("/projection/daily.csv?days=30&groups=daily").then()
                .statusCode(200).header("Content-Disposition", containsString("-groups.csv")).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(1 + GROUPS * 30, csv.split("\r\n").length);
        String fleet = given().cookies(session.cookies()).get("/projection/daily.csv?days=30&paths=100").then()
                .statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(31, fleet.split("\r\n").length);
        org.junit.jupiter.api.Assertions.assertTrue(fleet.startsWith("day,date,btc") && fleet.contains("profit_p10_usd"));
    }
}
