package io.hashdesk.earnings;

import static io.hashdesk.earnings.PoolsApiTest.as;
import static io.hashdesk.earnings.PoolsApiTest.createPool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Operators;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** POST /api/v1/pools/{id}/earnings: a csv account's daily export, stored all or nothing. */
@QuarkusTest
class PoolEarningsUploadTest {

    static final String CSV = "csv";

    static List<EarningDays.Day> stored(long id) {
        return QuarkusTransaction.requiringNew().call(
                () -> EarningDays.between(List.of(id), LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1)));
    }

    static long csvPool(Operators.Session me) {
        return createPool(me, "{\"name\": \"Foundry export\", \"kind\": \"csv\"}");
    }

    @Test
    void anUploadIsStoredDayByDayWithTheOptionalHashrate() {
        Operators.Session me = Operators.newSignedIn("upload-ok");
        long id = csvPool(me);
        as(me).contentType("text/csv")
                .body("\uFEFFdate,btc,hashrateThs\r\n2026-11-01,0.00123456,1510.5\r\n\"2026-11-02\",0.002,\r\n\r\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/pools/" + id + "/earnings").then().statusCode(200)
                .body("kind", equalTo("csv")).body("daysStored", equalTo(2)).body("state", equalTo("ok"))
                .body("tokenSet", equalTo(false));
        List<EarningDays.Day> days = stored(id);
        assertThat(days).extracting(EarningDays.Day::date)
                .containsExactly(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2));
        assertThat(days.get(0).creditedBtc()).isEqualTo(0.00123456);
        assertThat(days.get(0).reportedThs()).isEqualTo(1510.5);
        assertThat(days.get(1).reportedThs()).isNull();
        // without the optional column, and in another order
        as(me).contentType("text/csv").body("BTC,Date\n0.5,2026-11-03\n")
                .post("/api/v1/pools/" + id + "/earnings").then().statusCode(200).body("daysStored", equalTo(3));
    }

    @Test
    void aBadLineIsNamedByLineAndColumnAndNothingIsStored() {
        Operators.Session me = Operators.newSignedIn("upload-bad");
        long id = csvPool(me);
        as(me).contentType("text/csv").body("date,btc\n2026-11-01,0.001\n2026-11-02,-0.5\n2026-13-01,0.001\n")
                .post("/api/v1/pools/" + id + "/earnings").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.size()", equalTo(2))
                .body("errors[0].line", equalTo(3)).body("errors[0].column", equalTo("btc"))
                .body("errors[1].line", equalTo(4)).body("errors[1].column", equalTo("date"))
                .body("detail", equalTo("2 problems in the file; nothing was stored. See errors."));
        as(me).contentType("text/csv").body("date,btc\n2026-11-01,\"0,001\n")
                .post("/api/v1/pools/" + id + "/earnings").then().statusCode(422)
                .body("errors[0].line", equalTo(2));
        as(me).contentType("text/csv").body("date,usd\n2026-11-01,12\n")
                .post("/api/v1/pools/" + id + "/earnings").then().statusCode(422)
                .body("errors.column", hasItem("usd")).body("errors.column", hasItem("btc"));
        assertThat(stored(id)).isEmpty();
        as(me).get("/api/v1/pools/" + id).then().statusCode(200).body("daysStored", equalTo(0));
    }

    @Test
    void aDayAlreadyStoredIsReplaced() {
        Operators.Session me = Operators.newSignedIn("upload-replace");
        long id = csvPool(me);
        as(me).contentType("text/csv").body("date,btc\n2026-11-01,0.001\n2026-11-02,0.002\n")
                .post("/api/v1/pools/" + id + "/earnings").then().statusCode(200);
        as(me).contentType("text/csv").body("date,btc,hashrateThs\n2026-11-02,0.0025,900\n")
                .post("/api/v1/pools/" + id + "/earnings").then().statusCode(200).body("daysStored", equalTo(2));
        List<EarningDays.Day> days = stored(id);
        assertThat(days).hasSize(2);
        assertThat(days.get(0).creditedBtc()).isEqualTo(0.001);
        assertThat(days.get(1).creditedBtc()).isEqualTo(0.0025);
        assertThat(days.get(1).reportedThs()).isEqualTo(900);
    }

    @Test
    void anotherOperatorsAccountAnswers404AndKeepsItsDays() {
        Operators.Session owner = Operators.newSignedIn("upload-owner");
        Operators.Session other = Operators.newSignedIn("upload-other");
        long id = csvPool(owner);
        as(owner).contentType("text/csv").body("date,btc\n2026-11-01,0.001\n")
                .post("/api/v1/pools/" + id + "/earnings").then().statusCode(200);
        as(other).contentType("text/csv").body("date,btc\n2026-11-01,9\n")
                .post("/api/v1/pools/" + id + "/earnings").then().statusCode(404);
        assertThat(stored(id)).extracting(EarningDays.Day::creditedBtc).containsExactly(0.001);
    }

    @Test
    void aBraiinsAccountTakesNoUpload() {
        Operators.Session me = Operators.newSignedIn("upload-braiins");
        long id = createPool(me, "{\"name\": \"Braiins\", \"kind\": \"braiins\", \"token\": \"t-1\"}");
        as(me).contentType("text/csv").body("date,btc\n2026-11-01,0.001\n")
                .post("/api/v1/pools/" + id + "/earnings").then().statusCode(422);
        assertThat(stored(id)).isEmpty();
    }

    @Test
    void thePoolsPageOffersTheUploadAndShowsItsErrorsAsText() {
        Operators.Session me = Operators.newSignedIn("upload-page");
        long id = csvPool(me);
        String page = io.restassured.RestAssured.given().cookies(me.cookies()).get("/pools").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("id=\"upload-" + id + "\"").contains("for=\"upload-" + id + "-file\"")
                .contains("hx-indicator=\"#upload-" + id + "-sending\"");
        String refused = io.restassured.RestAssured.given().cookies(me.cookies()).header("HX-Request", "true")
                .multiPart("csrf-token", me.csrf())
                .multiPart("file", "f.csv", "date,btc\n<b>x</b>,0.1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "text/csv")
                .post("/pools/" + id + "/earnings").then().statusCode(422).extract().asString();
        assertThat(refused).contains("Line 2, column date").contains("&lt;b&gt;x&lt;/b&gt;").doesNotContain("<b>x</b>");
        assertThat(stored(id)).isEmpty();
        io.restassured.RestAssured.given().cookies(me.cookies()).redirects().follow(false)
                .multiPart("csrf-token", me.csrf())
                .multiPart("file", "f.csv", "date,btc\n2026-11-05,0.1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "text/csv")
                .post("/pools/" + id + "/earnings").then().statusCode(303);
        assertThat(stored(id)).extracting(EarningDays.Day::creditedBtc).containsExactly(0.1);
    }
}
