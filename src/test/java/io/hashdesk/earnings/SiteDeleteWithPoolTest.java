package io.hashdesk.earnings;

import static io.hashdesk.earnings.PoolsApiTest.as;
import static io.hashdesk.earnings.PoolsApiTest.createPool;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Operators;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Deleting a site that pool accounts cover is refused, naming them, on the confirm page, in the form
 * post and in JSON: before, the database quietly turned them into whole-fleet accounts, whose credited
 * days were then compared with every rig of the fleet.
 */
@QuarkusTest
class SiteDeleteWithPoolTest {

    static long site(Operators.Session me, String name) {
        return as(me).contentType(ContentType.JSON).body("{\"name\": \"" + name + "\", \"tariff\":"
                + " {\"type\": \"flat\", \"usdPerKwh\": 0.05}}").post("/api/v1/sites").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    @Test
    void aSiteAPoolAccountCoversIsNotDeletedAndTheAccountIsNamed() {
        Operators.Session me = Operators.newSignedIn("site-pool");
        long site = site(me, "Texas");
        long pool = createPool(me, "{\"name\": \"Foundry <b>Texas</b>\", \"kind\": \"csv\", \"siteId\": " + site + "}");

        as(me).delete("/api/v1/sites/" + site).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("\"Foundry <b>Texas</b>\""))
                .body("detail", containsString("would make that account cover the whole fleet"));
        as(me).get("/api/v1/pools/" + pool).then().statusCode(200).body("siteId", equalTo((int) site));

        String confirm = given().cookies(me.cookies()).get("/sites/" + site + "/delete").then().statusCode(200)
                .extract().asString();
        assertThat(confirm).contains("A pool account covers this site").contains("<li>Foundry &lt;b&gt;Texas&lt;/b&gt;</li>")
                .doesNotContain("Delete site</button>").doesNotContain("<b>Texas</b>");
        String posted = given().cookies(me.cookies()).formParam("csrf-token", me.csrf())
                .post("/sites/" + site + "/delete").then().statusCode(409).extract().asString();
        assertThat(posted).contains("is covered by the pool account");
        as(me).get("/api/v1/sites/" + site).then().statusCode(200);

        as(me).delete("/api/v1/pools/" + pool).then().statusCode(204);
        as(me).delete("/api/v1/sites/" + site).then().statusCode(204);
    }

    @Test
    void aWholeFleetAccountDoesNotHoldASiteBack() {
        Operators.Session me = Operators.newSignedIn("site-fleet-pool");
        long site = site(me, "Spare");
        createPool(me, "{\"name\": \"Whole fleet\", \"kind\": \"csv\"}");
        assertThat(given().cookies(me.cookies()).get("/sites/" + site + "/delete").then().statusCode(200).extract()
                .asString()).contains("Delete site</button>");
        as(me).delete("/api/v1/sites/" + site).then().statusCode(204);
    }
}
