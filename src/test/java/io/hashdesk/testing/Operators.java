package io.hashdesk.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.response.Response;

/** Creates operators and signs them in through the real pages, as a browser would. */
public final class Operators {

    public static final String PASSWORD = "correct horse battery staple";
    public static final String CSRF_COOKIE = "hashdesk-csrf";
    public static final String SESSION_COOKIE = "hashdesk-session";

    private Operators() {
    }

    /** A unique address, so tests never collide in the shared database. */
    public static String newEmail(String hint) {
        return hint + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** A CSRF token as a page hands it out: the cookie value, also used as the form field. */
    public static String csrfToken() {
        return given().redirects().follow(false).get("/register").then().extract().cookie(CSRF_COOKIE);
    }

    public static Response register(String email, String password, String confirm) {
        String csrf = csrfToken();
        return given().redirects().follow(false)
                .cookie(CSRF_COOKIE, csrf)
                .formParam("csrf-token", csrf)
                .formParam("email", email)
                .formParam("password", password)
                .formParam("confirm", confirm)
                .post("/register");
    }

    public static Response signIn(String email, String password) {
        return given().redirects().follow(false)
                .formParam("j_username", email)
                .formParam("j_password", password)
                .post("/j_security_check");
    }

    /** Registers a new operator and returns the cookies of a signed-in browser (session + CSRF). */
    public static Session newSignedIn(String hint) {
        String email = newEmail(hint);
        register(email, PASSWORD, PASSWORD).then().statusCode(303);
        String session = signIn(email, PASSWORD).then().statusCode(302).extract().cookie(SESSION_COOKIE);
        return new Session(email, session, csrfToken());
    }

    /** A signed-in browser: its email, session cookie and CSRF token. */
    public record Session(String email, String sessionCookie, String csrf) {
        public Map<String, String> cookies() {
            return Map.of(SESSION_COOKIE, sessionCookie, CSRF_COOKIE, csrf);
        }
    }
}
