package io.hashdesk.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Operators;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Personal API tokens act on the JSON API only, may expire, show their last use and are limited in number. */
@QuarkusTest
class ApiTokenTest {

    @Inject
    EntityManager em;

    static Response create(Operators.Session s, String name, String expires) {
        return given().redirects().follow(false).cookies(s.cookies()).formParam("csrf-token", s.csrf())
                .formParam("name", name).formParam("expires", expires).post("/settings/tokens");
    }

    static String secretOf(Response created) {
        return created.asString().replaceAll("(?s).*id=\"new-token\">(hd_[A-Za-z0-9_-]+)<.*", "$1");
    }

    long tokenCount(String email) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM api_token t JOIN operator o ON o.id = t.operator_id WHERE o.email = ?1")
                .setParameter(1, email).getSingleResult()).longValue());
    }

    @Test
    void aTokenDoesNotSignInOnPagesSoItCannotMintMoreTokens() {
        Operators.Session me = Operators.newSignedIn("token-scope");
        String token = Operators.newToken(me, "leaked");
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(200);

        for (String page : new String[] { "/settings", "/dashboard", "/rigs", "/logout" }) {
            int status = given().redirects().follow(false).header("Authorization", "Bearer " + token).get(page)
                    .then().extract().statusCode();
            assertTrue(status == 302 || status == 303, page + " answered " + status + " to a Bearer token");
        }
        // A script holding the token and making up its own CSRF cookie still gets no new token.
        String csrf = Operators.csrfToken();
        given().redirects().follow(false).header("Authorization", "Bearer " + token)
                .cookie(Operators.CSRF_COOKIE, csrf).header("X-CSRF-TOKEN", csrf)
                .formParam("csrf-token", csrf).formParam("name", "minted")
                .post("/settings/tokens")
                .then().statusCode(302).header("Location", endsWith("/login"));
        assertEquals(1, tokenCount(me.email()));
    }

    @Test
    void anExpiryDateIsCheckedAndAnExpiredTokenIsRefused() {
        Operators.Session me = Operators.newSignedIn("token-expiry");
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(2).toString();
        create(me, "old", yesterday).then().statusCode(422)
                .body(containsString("id=\"token-expires-error\""))
                .body(containsString("in the past"))
                .body(containsString("value=\"" + yesterday + "\""))
                .body(containsString("value=\"old\""));
        create(me, "typo", "31/12/2027").then().statusCode(422).body(containsString("YYYY-MM-DD"));
        assertEquals(0, tokenCount(me.email()));

        String nextYear = LocalDate.now(ZoneOffset.UTC).plusYears(1).toString();
        String token = secretOf(create(me, "yearly", nextYear).then().statusCode(200).extract().response());
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(200);
        given().cookies(me.cookies()).get("/settings").then().body(containsString("after "));

        // Time passes: the token's end lies behind us.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE api_token SET expires_at = ?1 WHERE token_hash = ?2")
                .setParameter(1, Instant.now().minusSeconds(60))
                .setParameter(2, ApiTokenService.hash(token)).executeUpdate());
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void settingsShowWhenEachTokenWasLastUsed() {
        Operators.Session me = Operators.newSignedIn("token-used");
        String token = Operators.newToken(me, "grafana");
        String before = given().cookies(me.cookies()).get("/settings").then().extract().asString();
        assertTrue(before.replaceAll("(?s).*<td>grafana</td>(.*?)</tr>.*", "$1").contains("never"), before);
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(200);
        given().cookies(me.cookies()).get("/settings").then()
                .body(not(containsString("<td>never</td>")));
    }

    @Test
    void anOperatorHoldsAtMostFiftyTokens() {
        Operators.Session me = Operators.newSignedIn("token-limit");
        for (int i = 0; i < ApiTokenService.MAX_PER_OPERATOR; i++) {
            create(me, "script " + i, "").then().statusCode(200);
        }
        create(me, "one too many", "").then().statusCode(422)
                .body(containsString("id=\"token-name-error\""))
                .body(containsString("the most one account may have"))
                .body(containsString("value=\"one too many\""));
        assertEquals(ApiTokenService.MAX_PER_OPERATOR, tokenCount(me.email()));
        // The tokens there still work.
        given().cookies(me.cookies()).get("/api/v1/me").then().body("email", equalTo(me.email()));
    }
}
