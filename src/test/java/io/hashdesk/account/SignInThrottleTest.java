package io.hashdesk.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Operators;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SignInThrottleTest {

    @Inject
    EntityManager em;

    @Inject
    SignInThrottle throttle;

    /**
     * Every test of the suite signs in from 127.0.0.1; these tests fill that address's count on purpose,
     * so they start and end with it empty (tests of one run never run at the same time).
     */
    @BeforeEach
    @AfterEach
    void forgetAddresses() {
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("DELETE FROM sign_in_failure WHERE subject LIKE 'client:%'").executeUpdate());
    }

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

    @Test
    void parallelWrongAttemptsNeverGetMorePasswordChecksThanTheLimit() throws Exception {
        String email = Operators.newEmail("parallel");
        Operators.register(email, Operators.PASSWORD, Operators.PASSWORD).then().statusCode(303);
        int attempts = 16;
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            tokens.add(Operators.csrfToken());
        }
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (String csrf : tokens) {
                calls.add(() -> Operators.signIn(email, "wrong password in parallel", csrf).then().statusCode(302)
                        .extract().header("Location"));
            }
            int checked = 0;
            int throttled = 0;
            for (Future<String> answer : pool.invokeAll(calls)) {
                String location = answer.get();
                checked += location.contains("/login?error") ? 1 : 0;
                throttled += location.contains("/login?throttled=") ? 1 : 0;
            }
            assertEquals(SignInThrottle.ACCOUNT_LIMIT, checked, "password checks");
            assertEquals(attempts - SignInThrottle.ACCOUNT_LIMIT, throttled, "throttled attempts");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneAddressIsLimitedAcrossAccountsAndASpoofedForwardedForDoesNotDodgeIt() {
        for (int i = 0; i < SignInThrottle.CLIENT_LIMIT; i++) {
            String csrf = Operators.csrfToken();
            given().redirects().follow(false).header("X-Forwarded-For", "203.0.113." + (i + 1))
                    .cookie(Operators.CSRF_COOKIE, csrf).formParam("csrf-token", csrf)
                    .formParam("j_username", Operators.newEmail("sprayed")).formParam("j_password", "guess " + i)
                    .post("/j_security_check")
                    .then().statusCode(302).header("Location", containsString("/login?error"));
        }
        // A real account with its right password, from the same address claiming to be yet another one.
        String email = Operators.newEmail("bystander");
        Operators.register(email, Operators.PASSWORD, Operators.PASSWORD).then().statusCode(303);
        String csrf = Operators.csrfToken();
        given().redirects().follow(false).header("X-Forwarded-For", "198.51.100.7")
                .cookie(Operators.CSRF_COOKIE, csrf).formParam("csrf-token", csrf)
                .formParam("j_username", email).formParam("j_password", Operators.PASSWORD)
                .post("/j_security_check")
                .then().statusCode(302).header("Location", containsString("/login?throttled="));
    }

    @Test
    void theCurrentPasswordOfAPasswordChangeIsThrottledToo() {
        Operators.Session me = Operators.newSignedIn("pw-guess");
        String next = "a new passphrase for later";
        for (int i = 0; i < SignInThrottle.ACCOUNT_LIMIT; i++) {
            given().cookies(me.cookies()).formParam("csrf-token", me.csrf())
                    .formParam("current", "guess number " + i).formParam("password", next).formParam("confirm", next)
                    .post("/settings/password")
                    .then().statusCode(422).body(containsString("id=\"current-error\""));
        }
        String page = given().cookies(me.cookies()).formParam("csrf-token", me.csrf())
                .formParam("current", Operators.PASSWORD).formParam("password", next).formParam("confirm", next)
                .post("/settings/password")
                .then().statusCode(429).body(containsString("id=\"current-error\""))
                .extract().asString();
        assertTrue(page.contains("Too many wrong passwords"), page);
        // The guesses count for the account's sign-in too.
        Operators.signIn(me.email(), Operators.PASSWORD).then().header("Location", containsString("/login?throttled="));
    }

    /**
     * Five wrong passwords from elsewhere lock the account for browsers it does not know, but not for a
     * browser that signed in to it before (its device cookie); wrong passwords with that cookie lock the
     * cookie alone.
     */
    @Test
    void guessesFromElsewhereDoNotLockOutABrowserThatSignedInBefore() {
        String email = Operators.newEmail("device");
        Operators.register(email, Operators.PASSWORD, Operators.PASSWORD).then().statusCode(303);
        String device = Operators.signIn(email, Operators.PASSWORD).then().statusCode(302)
                .extract().cookie(DeviceCookies.COOKIE);
        assertTrue(device != null && !device.isEmpty(), "a device cookie is set at a successful sign-in");

        for (int i = 0; i < SignInThrottle.ACCOUNT_LIMIT; i++) {
            Operators.signIn(email, "attacker guess " + i).then().header("Location", containsString("/login?error"));
        }
        Operators.signIn(email, Operators.PASSWORD).then().header("Location", containsString("/login?throttled="));
        forgetAddresses(); // the address count is not what this test is about

        // The owner's browser, with its cookie, signs in at once.
        signInWithDevice(email, Operators.PASSWORD, device).then().statusCode(302).header("Location", endsWith("/dashboard"));
        // A cookie of another account, or an altered one, is no pass.
        String other = Operators.newEmail("device-other");
        Operators.register(other, Operators.PASSWORD, Operators.PASSWORD).then().statusCode(303);
        String otherDevice = Operators.signIn(other, Operators.PASSWORD).then().extract().cookie(DeviceCookies.COOKIE);
        for (int i = 0; i < SignInThrottle.ACCOUNT_LIMIT; i++) {
            Operators.signIn(email, "attacker guess again " + i);
        }
        forgetAddresses();
        signInWithDevice(email, Operators.PASSWORD, otherDevice).then().header("Location", containsString("/login?throttled="));
        signInWithDevice(email, Operators.PASSWORD, device.substring(0, device.length() - 2) + "xx")
                .then().header("Location", containsString("/login?throttled="));

        // Guessing with the cookie itself locks the cookie after the same five failures.
        for (int i = 0; i < SignInThrottle.ACCOUNT_LIMIT; i++) {
            signInWithDevice(email, "stolen cookie guess " + i, device).then().header("Location", containsString("/login?error"));
        }
        signInWithDevice(email, Operators.PASSWORD, device).then().header("Location", containsString("/login?throttled="));
    }

    private static io.restassured.response.Response signInWithDevice(String email, String password, String device) {
        String csrf = Operators.csrfToken();
        return given().redirects().follow(false).cookie(Operators.CSRF_COOKIE, csrf).cookie(DeviceCookies.COOKIE, device)
                .formParam("csrf-token", csrf).formParam("j_username", email).formParam("j_password", password)
                .post("/j_security_check");
    }

    /** Rows of sign_in_subject go once their failures are older than the window: not one per email tried, forever. */
    @Test
    void subjectsWithoutRecentFailuresArePruned() {
        for (int i = 0; i < 3; i++) {
            Operators.signIn(Operators.newEmail("pruned"), "any guess");
        }
        java.time.Instant later = java.time.Instant.now().plus(SignInThrottle.WINDOW).plusSeconds(60);
        // A failure still inside the window (as seen from "later") keeps its subject.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "INSERT INTO sign_in_failure (subject, failed_at) VALUES ('account:recent@example.com', ?1)")
                .setParameter(1, later.minusSeconds(30)).executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "INSERT INTO sign_in_subject (subject) VALUES ('account:recent@example.com')").executeUpdate());

        throttle.prune(later);

        long pruned = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM sign_in_subject WHERE subject LIKE 'account:pruned-%'").getSingleResult()).longValue());
        assertEquals(0, pruned);
        long kept = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM sign_in_subject WHERE subject = 'account:recent@example.com'").getSingleResult()).longValue());
        assertEquals(1, kept);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "DELETE FROM sign_in_failure WHERE subject = 'account:recent@example.com'").executeUpdate());
    }
}
