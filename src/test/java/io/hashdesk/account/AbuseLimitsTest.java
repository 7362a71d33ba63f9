package io.hashdesk.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Mails;
import io.hashdesk.testing.Operators;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The limits that keep an open registration from being turned against others, at low values (the rest
 * of the suite runs with them out of the way): registrations per client address, and mails sent on
 * request to all addresses together.
 */
@QuarkusTest
@TestProfile(AbuseLimitsTest.LowLimits.class)
class AbuseLimitsTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hashdesk.account.registrations-per-hour", "3", "hashdesk.mail.per-hour", "2");
        }
    }

    @Test
    void registrationsFromOneAddressAndMailsOverallAreLimitedWithAClearMessage() throws Exception {
        String[] emails = new String[3];
        for (int i = 0; i < 3; i++) {
            emails[i] = Operators.newEmail("limited");
            Operators.register(emails[i], Operators.PASSWORD, Operators.PASSWORD).then().statusCode(303);
        }
        String fourth = Operators.newEmail("limited");
        Operators.register(fourth, Operators.PASSWORD, Operators.PASSWORD).then().statusCode(429)
                .body(containsString("id=\"email-error\"")).body(containsString("Too many accounts"))
                .body(containsString("Try again in")).body(containsString("value=\"" + fourth + "\""));
        // Nothing was created for the refused one.
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Operator.count("email", fourth)));
        Operators.signIn(fourth, Operators.PASSWORD).then().header("Location", containsString("/login?error"));

        // Two mails an hour in all: the first two verification links went out, the third was held back.
        Mails.verifyPath(emails[0]);
        Mails.verifyPath(emails[1]);
        Thread.sleep(1500);
        assertEquals(0, Mails.to(emails[2], "Confirm your").size());
        // Asking for it is refused with the wait, never a 500.
        Operators.Session third = Operators.signedIn(emails[2], Operators.PASSWORD);
        given().redirects().follow(false).cookies(third.cookies()).formParam("csrf-token", third.csrf())
                .post("/settings/verify").then().statusCode(429)
                .body(containsString("id=\"verify-error\"")).body(containsString("try again in"));
        // So is a test summary of a confirmed address.
        given().get(Mails.verifyPath(emails[0])).then().statusCode(200);
        Operators.Session first = Operators.signedIn(emails[0], Operators.PASSWORD);
        given().cookies(first.cookies()).header("X-CSRF-TOKEN", first.csrf()).contentType("application/json")
                .post("/api/v1/summary/test")
                .then().statusCode(429).contentType("application/problem+json")
                .body("detail", containsString("try again in"));
    }
}
