package io.hashdesk.earnings;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Operators;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** /api/v1/pools: CRUD, ownership, validation naming fields, and the token write-only and encrypted. */
@QuarkusTest
class PoolsApiTest {

    static final String TOKEN = "brtk-SECRET-0123456789abcdef";

    static RequestSpecification as(Operators.Session session) {
        return given().cookies(session.cookies()).header("X-CSRF-TOKEN", session.csrf());
    }

    static long createPool(Operators.Session me, String json) {
        return as(me).contentType(ContentType.JSON).body(json).post("/api/v1/pools")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void anAccountIsCreatedReadUpdatedAndDeletedWithoutItsTokenEverInAnAnswer() {
        Operators.Session me = Operators.newSignedIn("pools-crud");
        String created = as(me).contentType(ContentType.JSON)
                .body("{\"name\": \"Braiins main\", \"kind\": \"braiins\", \"token\": \"" + TOKEN + "\"}")
                .post("/api/v1/pools").then().statusCode(201)
                .body("name", equalTo("Braiins main")).body("kind", equalTo("braiins"))
                .body("siteId", nullValue()).body("tokenSet", equalTo(true)).body("thresholdPercent", equalTo(90.0f))
                .body("state", equalTo("new")).body("daysStored", equalTo(0))
                .extract().asString();
        assertThat(created).doesNotContain(TOKEN).doesNotContain("\"token\"");
        long id = io.restassured.path.json.JsonPath.from(created).getLong("id");

        String list = as(me).get("/api/v1/pools").then().statusCode(200).extract().asString();
        String one = as(me).get("/api/v1/pools/" + id).then().statusCode(200).extract().asString();
        String updated = as(me).contentType(ContentType.JSON)
                .body("{\"name\": \"Braiins renamed\", \"kind\": \"braiins\", \"thresholdPercent\": 85}")
                .put("/api/v1/pools/" + id).then().statusCode(200)
                .body("name", equalTo("Braiins renamed")).body("tokenSet", equalTo(true))
                .body("thresholdPercent", equalTo(85.0f)).extract().asString();
        String page = given().cookies(me.cookies()).get("/pools").then().statusCode(200).extract().asString();
        String form = given().cookies(me.cookies()).get("/pools/" + id).then().statusCode(200).extract().asString();
        for (String answer : new String[] { list, one, updated, page, form }) {
            assertThat(answer).contains("Braiins").doesNotContain(TOKEN);
        }
        String stored = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> PoolAccount.<PoolAccount>findById(id).tokenSealed);
        assertThat(stored).isNotBlank().doesNotContain(TOKEN).doesNotContain("SECRET");

        as(me).delete("/api/v1/pools/" + id).then().statusCode(204);
        as(me).get("/api/v1/pools/" + id).then().statusCode(404);
    }

    @Test
    void anotherOperatorsAccountAnswers404() {
        Operators.Session owner = Operators.newSignedIn("pools-owner");
        Operators.Session other = Operators.newSignedIn("pools-other");
        long id = createPool(owner, "{\"name\": \"Mine\", \"kind\": \"braiins\", \"token\": \"t-1\"}");
        as(other).get("/api/v1/pools/" + id).then().statusCode(404);
        as(other).contentType(ContentType.JSON).body("{\"name\": \"Taken\", \"kind\": \"braiins\"}")
                .put("/api/v1/pools/" + id).then().statusCode(404);
        as(other).contentType(ContentType.JSON).post("/api/v1/pools/" + id + "/fetch").then().statusCode(404);
        as(other).delete("/api/v1/pools/" + id).then().statusCode(404);
        as(owner).get("/api/v1/pools/" + id).then().statusCode(200).body("name", equalTo("Mine"));
    }

    @Test
    void badInputNamesTheFieldAndSavesNothing() {
        Operators.Session me = Operators.newSignedIn("pools-bad");
        as(me).contentType(ContentType.JSON).body("{\"name\": \"\", \"kind\": \"braiins\"}").post("/api/v1/pools")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("token"));
        as(me).contentType(ContentType.JSON).body("{\"name\": \"X\", \"kind\": \"ocean\"}").post("/api/v1/pools")
                .then().statusCode(422).body("errors.field", hasItem("kind"));
        as(me).contentType(ContentType.JSON).body("{\"name\": \"X\", \"kind\": \"csv\", \"token\": \"t-1\"}").post("/api/v1/pools")
                .then().statusCode(422).body("errors.field", hasItem("token"));
        as(me).contentType(ContentType.JSON).body("{\"name\": \"X\", \"kind\": \"braiins\", \"token\": \"t-1\", \"thresholdPercent\": 120}")
                .post("/api/v1/pools").then().statusCode(422).body("errors.field", hasItem("thresholdPercent"));
        as(me).contentType(ContentType.JSON).body("{\"name\": \"X\", \"kind\": \"braiins\", \"token\": \"t-1\", \"siteId\": 987654321}")
                .post("/api/v1/pools").then().statusCode(422).body("errors.field", hasItem("siteId"));
        as(me).contentType(ContentType.JSON).body("{\"name\": \"X\", \"kind\": \"braiins\", \"colour\": 1}")
                .post("/api/v1/pools").then().statusCode(400).body("field", equalTo("colour"));
        as(me).get("/api/v1/pools").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void theFormShowsErrorsBesideTheFieldsKeepsTheInputButNeverTheToken() {
        Operators.Session me = Operators.newSignedIn("pools-form");
        String page = given().cookies(me.cookies()).formParam("csrf-token", me.csrf())
                .formParam("name", "<b>Site A</b>").formParam("kind", "braiins").formParam("token", "has space " + TOKEN)
                .formParam("thresholdPercent", "ninety").post("/pools")
                .then().statusCode(422).extract().asString();
        assertThat(page).contains("id=\"token-error\"").contains("id=\"thresholdPercent-error\"")
                .contains("&lt;b&gt;Site A&lt;/b&gt;").doesNotContain("<b>Site A</b>").doesNotContain(TOKEN)
                .contains("value=\"ninety\"");
        as(me).get("/api/v1/pools").then().statusCode(200).body("size()", equalTo(0));
    }
}
