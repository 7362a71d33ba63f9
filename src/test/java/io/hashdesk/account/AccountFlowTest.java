package io.hashdesk.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Mails;
import io.hashdesk.testing.Operators;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AccountFlowTest {

    @Test
    void registersAndSignsInToTheDashboard() {
        String email = Operators.newEmail("new");
        Operators.register(email, Operators.PASSWORD, Operators.PASSWORD)
                .then().statusCode(303).header("Location", endsWith("/login"));

        var signedIn = Operators.signIn(email.toUpperCase(), Operators.PASSWORD)
                .then().statusCode(302)
                .header("Location", endsWith("/dashboard"))
                .cookie(Operators.SESSION_COOKIE, notNullValue())
                .extract();
        var session = Map.of(Operators.SESSION_COOKIE, signedIn.cookie(Operators.SESSION_COOKIE),
                Operators.SESSION_ID_COOKIE, signedIn.cookie(Operators.SESSION_ID_COOKIE));

        given().cookies(session).get("/dashboard")
                .then().statusCode(200).body(containsString(email));
        // A signed-in operator asking for the front page lands on the dashboard.
        given().redirects().follow(false).cookies(session).get("/")
                .then().statusCode(303).header("Location", endsWith("/dashboard"));
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteLax() {
        String email = Operators.newEmail("cookie");
        Operators.register(email, Operators.PASSWORD, Operators.PASSWORD).then().statusCode(303);
        var cookie = Operators.signIn(email, Operators.PASSWORD).then().extract().detailedCookie(Operators.SESSION_COOKIE);
        assertTrue(cookie.isHttpOnly(), "session cookie must be HttpOnly");
        assertEquals("Lax", cookie.getSameSite());
        var id = Operators.signIn(email, Operators.PASSWORD).then().extract().detailedCookie(Operators.SESSION_ID_COOKIE);
        assertTrue(id.isHttpOnly(), "session id cookie must be HttpOnly");
        assertEquals("Lax", id.getSameSite());
    }

    /**
     * Registration must not tell whether an address has an account: a second registration of a known
     * address answers exactly as a new one (status, page, message) and changes nothing; its owner is
     * mailed a note instead.
     */
    @Test
    void aKnownAddressIsAnsweredAsANewOneAndItsOwnerIsToldByMail() {
        String email = Operators.newEmail("dup");
        Operators.register(email, Operators.PASSWORD, Operators.PASSWORD).then().statusCode(303);
        String fresh = Operators.newEmail("fresh");
        var newOne = Operators.register(fresh, Operators.PASSWORD, Operators.PASSWORD).then().statusCode(303).extract();
        var known = Operators.register(" " + email.toUpperCase() + " ", "another password 123", "another password 123")
                .then().statusCode(303).extract();
        assertEquals(newOne.header("Location"), known.header("Location"));
        String newPage = given().cookie("hashdesk-flash", newOne.cookie("hashdesk-flash")).get("/login").asString();
        String knownPage = given().cookie("hashdesk-flash", known.cookie("hashdesk-flash")).get("/login").asString();
        assertEquals(withoutCsrfToken(newPage.replace(fresh, "ADDRESS"), newPage),
                withoutCsrfToken(knownPage.replace(email, "ADDRESS"), knownPage));
        assertTrue(knownPage.contains("your account is ready"), knownPage);

        // Nothing changed: the first password still signs in, the second does not.
        Operators.signIn(email, Operators.PASSWORD).then().header("Location", endsWith("/dashboard"));
        Operators.signIn(email, "another password 123").then().header("Location", containsString("/login?error"));
        String notice = Mails.awaitText(email, "Someone tried to register");
        assertTrue(notice.contains("Nothing was changed"), notice);
    }

    @Test
    void weakPasswordIsRefusedAndTheEmailIsKept() {
        String email = Operators.newEmail("weak");
        Operators.register(email, "short1", "short1")
                .then().statusCode(422)
                .body(containsString("id=\"password-error\""))
                .body(containsString("at least 12 characters"))
                .body(containsString("value=\"" + email + "\""));
        // Nothing was saved: the address can still be registered.
        Operators.register(email, Operators.PASSWORD, Operators.PASSWORD).then().statusCode(303);
    }

    @Test
    void mismatchedConfirmationAndBadEmailAreExplained() {
        Operators.register(Operators.newEmail("mismatch"), Operators.PASSWORD, Operators.PASSWORD + "x")
                .then().statusCode(422).body(containsString("id=\"confirm-error\""));
        Operators.register("not-an-email", Operators.PASSWORD, Operators.PASSWORD)
                .then().statusCode(422).body(containsString("Enter a valid email address"));
    }

    @Test
    void markupInTheEmailIsShownAsText() {
        Operators.register("<script>alert(1)</script>", Operators.PASSWORD, Operators.PASSWORD)
                .then().statusCode(422)
                .body(not(containsString("<script>alert(1)</script>")))
                .body(containsString("&lt;script&gt;"));
    }

    @Test
    void wrongPasswordGoesBackToTheLoginPageWithAMessage() {
        String email = Operators.newEmail("wrong");
        Operators.register(email, Operators.PASSWORD, Operators.PASSWORD).then().statusCode(303);
        Operators.signIn(email, "not the password at all")
                .then().statusCode(302).header("Location", containsString("/login?error"));
        given().get("/login?error=true").then().statusCode(200).body(containsString("Email or password is not right"));
    }

    @Test
    void signOutEndsTheSession() {
        Operators.Session session = Operators.newSignedIn("logout");
        var response = given().redirects().follow(false).cookies(session.cookies())
                .formParam("csrf-token", session.csrf())
                .post("/logout");
        response.then().statusCode(303).header("Location", endsWith("/"));
        var cleared = response.detailedCookie(Operators.SESSION_COOKIE);
        assertNotNull(cleared, "sign out must clear the session cookie");
        assertTrue(cleared.getValue() == null || cleared.getValue().isEmpty() || cleared.getMaxAge() == 0,
                "session cookie must be emptied or expired");
    }

    @Test
    void privatePagesSendSignedOutVisitorsToLogin() {
        for (String page : new String[] { "/dashboard", "/settings" }) {
            given().redirects().follow(false).get(page)
                    .then().statusCode(302).header("Location", endsWith("/login"));
        }
    }

    @Test
    void signInReturnsToThePageAskedFor() {
        String email = Operators.newEmail("back");
        Operators.register(email, Operators.PASSWORD, Operators.PASSWORD).then().statusCode(303);
        String remembered = given().redirects().follow(false).get("/settings")
                .then().statusCode(302).header("Location", endsWith("/login"))
                .extract().cookie("quarkus-redirect-location");
        assertNotNull(remembered, "the page asked for is remembered");
        String csrf = Operators.csrfToken();
        given().redirects().follow(false).cookie("quarkus-redirect-location", remembered)
                .cookie(Operators.CSRF_COOKIE, csrf).formParam("csrf-token", csrf)
                .formParam("j_username", email).formParam("j_password", Operators.PASSWORD)
                .post("/j_security_check")
                .then().statusCode(302).header("Location", endsWith("/settings"));
    }

    @Test
    void formPostWithoutCsrfTokenIsRefused() {
        Operators.Session session = Operators.newSignedIn("csrf");
        given().redirects().follow(false).cookie(Operators.SESSION_COOKIE, session.sessionCookie())
                .cookie(Operators.SESSION_ID_COOKIE, session.sessionId())
                .formParam("name", "script")
                .post("/settings/tokens")
                .then().statusCode(400);
        given().redirects().follow(false).cookie(Operators.CSRF_COOKIE, session.csrf())
                .formParam("email", Operators.newEmail("nocsrf"))
                .formParam("password", Operators.PASSWORD).formParam("confirm", Operators.PASSWORD)
                .post("/register")
                .then().statusCode(400);
    }

    @Test
    void crossSiteSignInIsRefused() {
        given().redirects().follow(false)
                .header("Origin", "https://evil.example")
                .formParam("j_username", "a@example.com").formParam("j_password", "whatever-whatever")
                .post("/j_security_check")
                .then().statusCode(403);
    }

    @Test
    void apiAnswers401ProblemWithoutCredentials() {
        given().accept(ContentType.JSON).get("/api/v1/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
        given().header("Authorization", "Bearer hd_not-a-real-token").get("/api/v1/me")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void apiAcceptsTheSessionCookie() {
        Operators.Session session = Operators.newSignedIn("apicookie");
        given().cookie(Operators.SESSION_COOKIE, session.sessionCookie())
                .cookie(Operators.SESSION_ID_COOKIE, session.sessionId()).get("/api/v1/me")
                .then().statusCode(200).body("email", equalTo(session.email()));
    }

    @Test
    void apiTokenIsShownOnceAcceptedAndRevocable() {
        Operators.Session session = Operators.newSignedIn("token");
        String page = given().cookies(session.cookies())
                .formParam("csrf-token", session.csrf()).formParam("name", "grafana <b>")
                .post("/settings/tokens")
                .then().statusCode(200).body(containsString("shown only this once"))
                .body(containsString("grafana &lt;b&gt;"))
                .extract().asString();
        String token = page.replaceAll("(?s).*id=\"new-token\">(hd_[A-Za-z0-9_-]+)<.*", "$1");
        assertTrue(token.startsWith("hd_"), "token shown on the page");

        given().header("Authorization", "Bearer " + token).get("/api/v1/me")
                .then().statusCode(200).body("email", equalTo(session.email()));

        // The list shows the prefix only, never the whole token again.
        String list = given().cookies(session.cookies()).get("/settings").then().statusCode(200).extract().asString();
        assertTrue(list.contains(token.substring(0, 10)));
        assertTrue(!list.contains(token), "the full token must not be shown again");

        String id = list.replaceAll("(?s).*action=\"/settings/tokens/(\\d+)/revoke\".*", "$1");
        given().redirects().follow(false).cookies(session.cookies()).formParam("csrf-token", session.csrf())
                .post("/settings/tokens/" + id + "/revoke").then().statusCode(303);
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void anotherOperatorCannotRevokeMyToken() {
        Operators.Session mine = Operators.newSignedIn("owner");
        given().cookies(mine.cookies()).formParam("csrf-token", mine.csrf()).formParam("name", "mine")
                .post("/settings/tokens").then().statusCode(200);
        String id = given().cookies(mine.cookies()).get("/settings").then().extract().asString()
                .replaceAll("(?s).*action=\"/settings/tokens/(\\d+)/revoke\".*", "$1");

        Operators.Session other = Operators.newSignedIn("intruder");
        given().redirects().follow(false).cookies(other.cookies()).formParam("csrf-token", other.csrf())
                .post("/settings/tokens/" + id + "/revoke").then().statusCode(404);
        given().cookies(mine.cookies()).get("/settings").then().body(containsString("/settings/tokens/" + id + "/revoke"));
    }

    @Test
    void securityHeadersOnEveryPage() {
        for (String page : new String[] { "/", "/login", "/register" }) {
            String csp = given().get(page).then().statusCode(200)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", notNullValue())
                    .extract().header("Content-Security-Policy");
            assertNotNull(csp);
            assertTrue(csp.contains("frame-ancestors 'none'"), csp);
            assertTrue(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), csp);
        }
    }

    @Test
    void securityHeadersOnPrivatePagesAndJsonToo() {
        Operators.Session session = Operators.newSignedIn("headers");
        for (String page : new String[] { "/dashboard", "/settings", "/sites", "/rigs", "/projection", "/network",
                "/logout", "/api/v1/me" }) {
            var response = given().redirects().follow(false).cookies(session.cookies()).get(page)
                    .then().statusCode(200)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "same-origin")
                    .header("Cache-Control", containsString("no-store"))
                    .extract();
            String csp = response.header("Content-Security-Policy");
            assertNotNull(csp, page);
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'")
                    && csp.contains("style-src 'self'"), page + ": " + csp);
            assertTrue(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), page + ": " + csp);
        }
    }

    @Test
    void unknownApiRouteIsAProblemAndUnknownPageIsFriendly() {
        Operators.Session session = Operators.newSignedIn("notfound");
        given().cookies(session.cookies()).get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
        given().cookies(session.cookies()).get("/nothing-here")
                .then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("There is nothing here"))
                .body(not(containsString("Exception")));
    }

    @Test
    void frontPageExplainsHashdeskToVisitors() {
        String body = given().get("/").then().statusCode(200).extract().asString();
        assertTrue(body.contains("href=\"/login\""));
        assertTrue(body.contains("mining operators"));
        // A visitor is offered an account, and no signed-in controls.
        assertTrue(body.contains("href=\"/register\""), "a visitor can create an account");
        assertTrue(!body.contains("action=\"/logout\""), "no sign-out form for a visitor");
    }

    /** A forged Host header never reaches a redirect: the browser is sent to a path on the address it used. */
    @Test
    void redirectsNeverCarryTheRequestsHostHeader() {
        given().redirects().follow(false).header("Host", "evil.example").get("/dashboard")
                .then().statusCode(302).header("Location", not(containsString("evil.example")))
                .header("Location", startsWith("/login"));
        String email = Operators.newEmail("host");
        String csrf = Operators.csrfToken();
        given().redirects().follow(false).header("Host", "evil.example:8443")
                .cookie(Operators.CSRF_COOKIE, csrf).formParam("csrf-token", csrf)
                .formParam("email", email).formParam("password", Operators.PASSWORD)
                .formParam("confirm", Operators.PASSWORD).post("/register")
                .then().statusCode(303).header("Location", equalTo("/login"));
        given().redirects().follow(false).header("Host", "evil.example")
                .cookie(Operators.CSRF_COOKIE, csrf).formParam("csrf-token", csrf)
                .formParam("j_username", email).formParam("j_password", Operators.PASSWORD)
                .post("/j_security_check")
                .then().statusCode(302).header("Location", equalTo("/dashboard"));
    }

    /** The page without its per-browser CSRF token (the value of the input named csrf-token, wherever it appears). */
    private static String withoutCsrfToken(String page, String original) {
        String token = original.replaceAll("(?s).*name=\"csrf-token\" value=\"([^\"]*)\".*", "$1");
        return page.replace(token, "TOKEN");
    }
}
