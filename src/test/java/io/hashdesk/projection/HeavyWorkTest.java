package io.hashdesk.projection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.hashdesk.account.Operator;
import io.hashdesk.testing.Operators;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Heavy projection requests (price paths, daily series, CSV, the projection page) past the operator's
 * two at once, or past four at once in all, are refused with 429 and Retry-After, never a 500; light
 * ones (the fleet's totals) still answer, and the places come back when the requests end.
 */
@QuarkusTest
class HeavyWorkTest {

    @Inject
    HeavyWork heavy;

    static long idOf(Operators.Session s) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Operator.<Operator>find("email", s.email()).firstResult().id);
    }

    @Test
    void aThirdHeavyRequestOfOneOperatorIs429WithRetryAfter() {
        Operators.Session me = Operators.newSignedIn("heavy-mine");
        long id = idOf(me);
        try (HeavyWork.Permit a = heavy.acquire(id); HeavyWork.Permit b = heavy.acquire(id)) {
            given().cookies(me.cookies()).get("/api/v1/projection?days=90&paths=100").then().statusCode(429)
                    .contentType("application/problem+json").header("Retry-After", "5")
                    .body("status", equalTo(429)).body("detail", containsString("2 large projections"));
            given().cookies(me.cookies()).get("/api/v1/projection?days=90&groups=daily").then().statusCode(429);
            given().cookies(me.cookies()).get("/projection/daily.csv?days=90").then().statusCode(429)
                    .header("Retry-After", "5");
            given().cookies(me.cookies()).get("/projection").then().statusCode(429).contentType(containsString("text/html"))
                    .body(containsString("2 large projections"));
            // The totals are not heavy.
            given().cookies(me.cookies()).get("/api/v1/projection?days=90").then().statusCode(200);
            // Someone else is not held up by my requests.
            Operators.Session other = Operators.newSignedIn("heavy-other");
            given().cookies(other.cookies()).get("/api/v1/projection?days=90&paths=100").then().statusCode(200);
        }
        given().cookies(me.cookies()).get("/api/v1/projection?days=90&paths=100").then().statusCode(200);
        given().cookies(me.cookies()).get("/projection/daily.csv?days=90").then().statusCode(200);
        // A streamed CSV gives its place back when the response has ended, which the server may
        // notice a moment after the client has read the last byte.
        org.junit.jupiter.api.Assertions.assertEquals(0, runningOnceSettled(), "every place came back");
    }

    private int runningOnceSettled() {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (heavy.running() != 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return heavy.running();
    }

    @Test
    void pastFourHeavyRequestsInAllEveryoneIsAskedToRetry() {
        Operators.Session me = Operators.newSignedIn("heavy-all");
        List<HeavyWork.Permit> others = new ArrayList<>();
        try {
            for (long id = -1; id >= -4; id--) {
                others.add(heavy.acquire(id));
            }
            given().cookies(me.cookies()).get("/api/v1/projection?days=90&paths=100").then().statusCode(429)
                    .header("Retry-After", "5").body("detail", containsString("busy"));
        } finally {
            others.forEach(HeavyWork.Permit::close);
        }
        given().cookies(me.cookies()).get("/api/v1/projection?days=90&paths=100").then().statusCode(200);
    }
}
