package io.hashdesk.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Operators;
import io.quarkus.test.junit.QuarkusTest;

/** Sessions end when the operator says so, and a cookie cannot be minted by reading the repository. */
@QuarkusTest
class SessionTest {

    /** The key application.properties used to carry as its default. */
    static final String OLD_SOURCE_KEY = "hashdesk-development-only-session-key-change-me";

    /** Seals a sign-in cookie as Quarkus form login does (AES-256-GCM under SHA-256 of the key). */
    static String seal(String key, String email) throws Exception {
        return seal(key, email, 20 * 60_000);
    }

    /** A cookie that expires in this many milliseconds, as form login writes it 30 minutes before. */
    static String seal(String key, String email, long expiresInMillis) throws Exception {
        byte[] aesKey = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(128, iv));
        long expires = System.currentTimeMillis() + expiresInMillis;
        byte[] sealed = cipher.doFinal((expires + ":" + email).getBytes(StandardCharsets.UTF_8));
        ByteBuffer out = ByteBuffer.allocate(1 + iv.length + sealed.length);
        out.put((byte) iv.length).put(iv).put(sealed);
        return Base64.getEncoder().encodeToString(out.array());
    }

    static void signedOut(Map<String, String> cookies) {
        given().redirects().follow(false).cookies(cookies).get("/dashboard")
                .then().statusCode(302).header("Location", endsWith("/login"));
        given().redirects().follow(false).cookies(cookies).get("/api/v1/me").then().statusCode(401);
        // A page refreshing itself with htmx is sent to the sign-in page as a whole.
        given().redirects().follow(false).cookies(cookies).header("HX-Request", "true").get("/dashboard")
                .then().header("HX-Redirect", "/login");
    }

    @Test
    void aCookieSealedWithTheKeyFromTheSourceIsRefused() throws Exception {
        Operators.Session victim = Operators.newSignedIn("forged");
        signedOut(Map.of(Operators.SESSION_COOKIE, seal(OLD_SOURCE_KEY, victim.email())));
        signedOut(Map.of(Operators.SESSION_COOKIE, seal(OLD_SOURCE_KEY, victim.email()),
                Operators.SESSION_ID_COOKIE, victim.sessionId()));
    }

    @Test
    void theKeyIsGeneratedKeptOwnerOnlyBesideTheDatabaseAndSealsRealCookies() throws Exception {
        Path file = Path.of("target/test-data/session.key");
        assertTrue(Files.exists(file), "key kept beside the test database");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String key = Files.readString(file).trim();
        assertTrue(key.length() >= 43, "256 random bits");
        // The sealing above is the real format: with the real key and a live session it is accepted.
        Operators.Session me = Operators.newSignedIn("sealed");
        given().cookie(Operators.SESSION_COOKIE, seal(key, me.email()))
                .cookie(Operators.SESSION_ID_COOKIE, me.sessionId())
                .get("/api/v1/me").then().statusCode(200);
        // A cookie alone, without the session record's id, is not a session.
        given().redirects().follow(false).cookie(Operators.SESSION_COOKIE, seal(key, me.email()))
                .get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void theSignInCookieIsRenewedOnceItIsFiveMinutesOldNotOnEveryRequest() throws Exception {
        String key = Files.readString(Path.of("target/test-data/session.key")).trim();
        Operators.Session me = Operators.newSignedIn("renewal");
        // Issued 2 minutes ago (30-minute timeout): still current, nothing to re-encrypt or send again.
        var recent = given().cookie(Operators.SESSION_COOKIE, seal(key, me.email(), 28 * 60_000))
                .cookie(Operators.SESSION_ID_COOKIE, me.sessionId()).get("/dashboard");
        recent.then().statusCode(200);
        assertEquals(null, recent.getCookie(Operators.SESSION_COOKIE), "a 2-minute-old sign-in cookie is not renewed");
        // Issued 6 minutes ago: renewed, so an active browser stays signed in.
        var old = given().cookie(Operators.SESSION_COOKIE, seal(key, me.email(), 24 * 60_000))
                .cookie(Operators.SESSION_ID_COOKIE, me.sessionId()).get("/dashboard");
        old.then().statusCode(200);
        assertTrue(old.getCookie(Operators.SESSION_COOKIE) != null, "a 6-minute-old sign-in cookie is renewed");
    }

    @Test
    void signOutEndsTheSessionForTheOldCookiesToo() {
        Operators.Session me = Operators.newSignedIn("signout");
        given().cookies(me.cookies()).get("/dashboard").then().statusCode(200);
        given().redirects().follow(false).cookies(me.cookies()).formParam("csrf-token", me.csrf())
                .post("/logout").then().statusCode(303);
        signedOut(me.cookies());
        // Signed out, the front page and the sign-in page show as usual (no redirect loop).
        given().redirects().follow(false).cookies(me.cookies()).get("/login").then().statusCode(302);
        given().get("/login").then().statusCode(200);
    }

    @Test
    void getLogoutShowsAButtonAndSignsNobodyOut() {
        Operators.Session me = Operators.newSignedIn("logoutpage");
        given().redirects().follow(false).cookies(me.cookies()).get("/logout").then().statusCode(200)
                .body(containsString("action=\"/logout\""))
                .body(containsString("name=\"csrf-token\""))
                .body(containsString(">Sign out</button>"));
        given().cookies(me.cookies()).get("/dashboard").then().statusCode(200);
    }

    @Test
    void aPasswordChangeEndsEveryOtherSessionOfTheAccount() {
        Operators.Session laptop = Operators.newSignedIn("pwchange");
        Operators.Session phone = Operators.signedIn(laptop.email(), Operators.PASSWORD);
        Operators.Session other = Operators.newSignedIn("bystander");
        given().cookies(phone.cookies()).get("/dashboard").then().statusCode(200);

        String newPassword = "another long passphrase";
        given().redirects().follow(false).cookies(laptop.cookies()).formParam("csrf-token", laptop.csrf())
                .formParam("current", Operators.PASSWORD).formParam("password", newPassword)
                .formParam("confirm", newPassword)
                .post("/settings/password").then().statusCode(303);

        signedOut(phone.cookies());
        given().cookies(laptop.cookies()).get("/dashboard").then().statusCode(200);
        given().cookies(laptop.cookies()).get("/api/v1/me").then().statusCode(200);
        given().cookies(other.cookies()).get("/dashboard").then().statusCode(200);
    }
}
