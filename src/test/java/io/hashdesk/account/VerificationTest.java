package io.hashdesk.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Mails;
import io.hashdesk.testing.Operators;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** An address is mailed nothing but its verification link until its owner follows that link. */
@QuarkusTest
class VerificationTest {

    @Inject
    VerificationTokens tokens;

    @Inject
    VerificationMailJob job;

    @Test
    void theLinkMailedAtRegistrationVerifiesTheAddress() {
        Operators.Session s = Operators.newSignedIn("verify");
        given().cookies(s.cookies()).get("/api/v1/me").then().statusCode(200)
                .body("email", equalTo(s.email())).body("emailVerified", equalTo(false));
        given().cookies(s.cookies()).get("/settings").then().statusCode(200)
                .body(containsString("Your address is not confirmed yet"))
                .body(containsString("weekly summaries and alerts are paused"))
                .body(containsString("Send the link again"));
        // A summary asked for now is refused, with the reason.
        given().cookies(s.cookies()).header("X-CSRF-TOKEN", s.csrf()).contentType("application/json")
                .post("/api/v1/summary/test")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("not confirmed"));

        String path = Mails.verifyPath(s.email());
        given().get(path).then().statusCode(200).body(containsString("Your address is confirmed"));
        given().get(path).then().statusCode(200); // followed twice (a mail scanner, then the person): no harm
        given().cookies(s.cookies()).get("/api/v1/me").then().body("emailVerified", equalTo(true));
        given().cookies(s.cookies()).get("/settings").then()
                .body(not(containsString("Your address is not confirmed yet"))).body(containsString("(confirmed)"));
    }

    @Test
    void aLinkForAnotherAddressAnAlteredOrAnExpiredOneVerifiesNothing() {
        Operators.Session s = Operators.newSignedIn("verify-bad");
        Operator o = QuarkusTransaction.requiringNew().call(() -> Operator.findByEmail(s.email()).orElseThrow());
        Instant now = Instant.now();
        String forOldAddress = tokens.tokenFor(o.id, "old-" + s.email(), now);
        String expired = tokens.tokenFor(o.id, s.email(), now.minus(Duration.ofDays(4)));
        String good = tokens.tokenFor(o.id, s.email(), now);
        char last = good.charAt(good.length() - 1);
        String altered = good.substring(0, good.length() - 1) + (last == 'A' ? 'B' : 'A');
        for (String bad : new String[] { forOldAddress, expired, altered, "", "x.y", good + ".z" }) {
            given().get("/verify?token=" + bad).then().statusCode(400)
                    .body(containsString("This link does not confirm an address"));
        }
        given().get("/verify").then().statusCode(400);
        given().cookies(s.cookies()).get("/api/v1/me").then().body("emailVerified", equalTo(false));
    }

    @Test
    void theLinkCanBeAskedForAgainAFewTimesThenTheWaitIsShown() {
        Operators.Session s = Operators.newSignedIn("verify-again");
        Mails.verifyPath(s.email()); // the registration's own mail (counted) has arrived
        for (int i = 1; i < 5; i++) {
            given().redirects().follow(false).cookies(s.cookies()).formParam("csrf-token", s.csrf())
                    .post("/settings/verify").then().statusCode(303);
        }
        given().redirects().follow(false).cookies(s.cookies()).formParam("csrf-token", s.csrf())
                .post("/settings/verify").then().statusCode(429)
                .body(containsString("id=\"verify-error\"")).body(containsString("try again in"));
        assertEquals(5, Mails.to(s.email(), "Confirm your").size());
    }

    @Test
    void anAccountFromBeforeVerificationGetsOneMailSayingItsSummariesArePaused() {
        String email = Operators.newEmail("legacy");
        Operators.register(email, Operators.PASSWORD, Operators.PASSWORD).then().statusCode(303);
        Mails.verifyPath(email);
        // As an account created before V9 ran: no link ever mailed, not verified.
        QuarkusTransaction.requiringNew().run(() -> Operator.update(
                "verificationMailedAt = null, createdAt = ?1 where email = ?2", Instant.parse("2020-01-01T00:00:00Z"), email));
        int before = Mails.to(email, "Confirm your").size();

        job.run(Instant.now());
        String text = Mails.awaitText(email, "Confirm your address to keep getting hashdesk summaries");
        assertTrue(text.contains("your weekly summaries are paused"), text);
        assertTrue(text.contains("/verify?token="), text);
        job.run(Instant.now());
        job.run(Instant.now().plus(Duration.ofDays(2)));
        assertEquals(before + 1, Mails.to(email, "Confirm your").size(), "one mail, not one per run");
    }
}
