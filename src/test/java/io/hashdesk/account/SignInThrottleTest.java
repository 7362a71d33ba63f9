package io.hashdesk.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Operators;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SignInThrottleTest {

    @Test
    void fiveFailuresLockTheAccountForAWhileWithAClearMessage() {
        String email = Operators.newEmail("throttle");
        Operators.register(email, Operators.PASSWORD, Operators.PASSWORD).then().statusCode(303);

        for (int i = 0; i < SignInThrottle.ACCOUNT_LIMIT; i++) {
            Operators.signIn(email, "wrong password " + i)
                    .then().statusCode(302).header("Location", containsString("/login?error"));
        }
        // Even the right password waits now: guessing cannot continue at full speed.
        String location = Operators.signIn(email, Operators.PASSWORD)
                .then().statusCode(302).header("Location", containsString("/login?throttled="))
                .extract().header("Location");
        given().get(location.substring(location.indexOf("/login"))).then().statusCode(200)
                .body(containsString("Too many failed sign-ins"))
                .body(containsString("15 minutes"));
    }

    @Test
    void aSuccessResetsTheCount() {
        String email = Operators.newEmail("reset");
        Operators.register(email, Operators.PASSWORD, Operators.PASSWORD).then().statusCode(303);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < SignInThrottle.ACCOUNT_LIMIT - 1; i++) {
                Operators.signIn(email, "wrong password").then().statusCode(302);
            }
            Operators.signIn(email, Operators.PASSWORD)
                    .then().statusCode(302).header("Location", endsWith("/dashboard"));
        }
    }
}
