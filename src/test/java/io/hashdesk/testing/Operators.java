package io.hashdesk.testing;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.hashdesk.account.Operator;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;

/** Creates operators and signs them in through the real pages, as a browser would. */
public final class Operators {

    public static final String PASSWORD = "correct horse battery staple";
    public static final String CSRF_COOKIE = "hashdesk-csrf";
    public static final String SESSION_COOKIE = "hashdesk-session";
    /** The server-side session record's id, set beside the session cookie at sign-in. */
    public static final String SESSION_ID_COOKIE = "hashdesk-sid";

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

    /** Signs in as the sign-in page does: its CSRF cookie and the same token as a form field. */
    public static Response signIn(String email, String password) {
        return signIn(email, password, csrfToken());
    }

    public static Response signIn(String email, String password, String csrf) {
        return given().redirects().follow(false)
                .cookie(CSRF_COOKIE, csrf)
                .formParam("csrf-token", csrf)
                .formParam("j_username", email)
                .formParam("j_password", password)
                .post("/j_security_check");
    }

    /** Signs in an existing operator and returns the cookies of that browser. */
    public static Session signedIn(String email, String password) {
        String csrf = csrfToken();
        Response response = signIn(email, password, csrf);
        response.then().statusCode(302);
        return new Session(email, response.cookie(SESSION_COOKIE), response.cookie(SESSION_ID_COOKIE), csrf);
    }

    /** Registers a new operator and returns the cookies of a signed-in browser (session + CSRF). */
    public static Session newSignedIn(String hint) {
        String email = newEmail(hint);
        register(email, PASSWORD, PASSWORD).then().statusCode(303);
        return signedIn(email, PASSWORD);
    }

    /** Creates a personal API token on /settings and returns its secret, as the page shows it once. */
    public static String newToken(Session session, String name) {
        String page = given().cookies(session.cookies())
                .formParam("csrf-token", session.csrf()).formParam("name", name)
                .post("/settings/tokens")
                .then().statusCode(200).extract().asString();
        return page.replaceAll("(?s).*id=\"new-token\">(hd_[A-Za-z0-9_-]+)<.*", "$1");
    }

    /** The operator stored under this address. */
    public static Operator operator(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Operator.findByEmail(email).orElseThrow());
    }

    /** The operator's address as confirmed by the link mailed at registration (mail goes only to such). */
    public static void verify(String email) {
        QuarkusTransaction.requiringNew().run(() -> Operator.update("emailVerifiedAt = ?1 where email = ?2",
                Instant.now(), Operator.normalizeEmail(email)));
    }

    /** A signed-in browser: its email, session cookies and CSRF token. */
    public record Session(String email, String sessionCookie, String sessionId, String csrf) {
        public Map<String, String> cookies() {
            Map<String, String> cookies = new LinkedHashMap<>();
            cookies.put(SESSION_COOKIE, sessionCookie);
            if (sessionId != null) {
                cookies.put(SESSION_ID_COOKIE, sessionId);
            }
            cookies.put(CSRF_COOKIE, csrf);
            return cookies;
        }
    }
}
