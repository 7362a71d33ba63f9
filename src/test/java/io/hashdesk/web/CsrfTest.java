package io.hashdesk.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Operators;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every state-changing request needs the CSRF token, whatever its body; JSON routes take only JSON (or
 * CSV for the import) and, signed in by cookie, the X-CSRF-TOKEN header; Bearer calls need neither.
 */
@QuarkusTest
class CsrfTest {

    static final String SITE = """
            {"name": "Csrf site", "tariff": {"type": "flat", "usdPerKwh": 0.05}}""";

    /** The browser's cookies only, as a cross-site page would make the browser send them. */
    static RequestSpecification cookiesOnly(Operators.Session s) {
        return given().redirects().follow(false).cookies(s.cookies());
    }

    static RequestSpecification scriptedBrowser(Operators.Session s) {
        return cookiesOnly(s).header("X-CSRF-TOKEN", s.csrf());
    }

    static long site(Operators.Session s) {
        return scriptedBrowser(s).contentType(ContentType.JSON).body(SITE).post("/api/v1/sites")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long rig(Operators.Session s, long site) {
        return scriptedBrowser(s).contentType(ContentType.JSON)
                .body("{\"siteId\": " + site + ", \"model\": \"Custom X\", \"units\": 2, \"terahash\": 200, \"watts\": 3500}")
                .post("/api/v1/rigs").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static void rigStillThere(Operators.Session s, long rig) {
        scriptedBrowser(s).get("/api/v1/rigs/" + rig).then().statusCode(200);
    }

    @Test
    void deletingARigWithATextPlainBodyAndNoTokenIsRefused() {
        Operators.Session me = Operators.newSignedIn("csrf-text");
        long rig = rig(me, site(me));
        int status = cookiesOnly(me).contentType("text/plain").body("csrf-token=nothing")
                .post("/rigs/" + rig + "/delete").then().extract().statusCode();
        assertTrue(status == 400 || status == 403, "refused, got " + status);
        rigStillThere(me, rig);
    }

    @TestHTTPResource("/")
    URI base;

    /** A POST exactly as given: no Content-Type unless one is named, and no body unless one is given. */
    int rawPost(String path, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String cookieHeader(Operators.Session s) {
        StringBuilder header = new StringBuilder();
        s.cookies().forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ").append(name).append('=').append(value));
        return header.toString();
    }

    @Test
    void deletingARigWithNoBodyAndNoTokenIsRefused() throws Exception {
        Operators.Session me = Operators.newSignedIn("csrf-empty");
        long rig = rig(me, site(me));
        int status = rawPost("/rigs/" + rig + "/delete", Map.of("Cookie", cookieHeader(me)), null);
        assertTrue(status == 400 || status == 403, "refused, got " + status);
        status = rawPost("/rigs/" + rig + "/delete", Map.of("Cookie", cookieHeader(me)), "");
        assertTrue(status == 400 || status == 403, "refused, got " + status);
        // An empty body with a form content type and nothing else is refused too.
        status = cookiesOnly(me).contentType("application/x-www-form-urlencoded")
                .post("/rigs/" + rig + "/delete").then().extract().statusCode();
        assertTrue(status == 400 || status == 403, "refused, got " + status);
        rigStillThere(me, rig);
    }

    @Test
    void deletingARigWithAJsonBodyOrAWrongTokenIsRefused() {
        Operators.Session me = Operators.newSignedIn("csrf-json");
        long rig = rig(me, site(me));
        int status = cookiesOnly(me).contentType(ContentType.JSON).body("{}")
                .post("/rigs/" + rig + "/delete").then().extract().statusCode();
        assertTrue(status == 400 || status == 403, "refused, got " + status);
        cookiesOnly(me).formParam("csrf-token", "AAAA" + me.csrf().substring(4))
                .post("/rigs/" + rig + "/delete").then().statusCode(400);
        rigStillThere(me, rig);
        // The page's own form deletes it.
        cookiesOnly(me).formParam("csrf-token", me.csrf()).post("/rigs/" + rig + "/delete")
                .then().statusCode(303);
        scriptedBrowser(me).get("/api/v1/rigs/" + rig).then().statusCode(404);
    }

    @Test
    void htmxStyleHeaderTokenWorksOnPageRoutes() {
        Operators.Session me = Operators.newSignedIn("csrf-htmx");
        long rig = rig(me, site(me));
        scriptedBrowser(me).header("HX-Request", "true").post("/rigs/" + rig + "/delete")
                .then().statusCode(303);
        scriptedBrowser(me).get("/api/v1/rigs/" + rig).then().statusCode(404);
    }

    @Test
    void signOutNeedsTheToken() {
        Operators.Session me = Operators.newSignedIn("csrf-logout");
        cookiesOnly(me).post("/logout").then().statusCode(400);
        cookiesOnly(me).contentType("text/plain").body("x").post("/logout").then().statusCode(400);
        // Still signed in.
        cookiesOnly(me).get("/settings").then().statusCode(200);
    }

    @Test
    void jsonRoutesSignedInByCookieNeedTheHeader() {
        Operators.Session me = Operators.newSignedIn("csrf-api");
        long site = site(me);
        cookiesOnly(me).contentType(ContentType.JSON).body(SITE.replace("Csrf site", "Second"))
                .post("/api/v1/sites")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("X-CSRF-TOKEN"));
        cookiesOnly(me).delete("/api/v1/sites/" + site).then().statusCode(403).contentType("application/problem+json");
        cookiesOnly(me).contentType(ContentType.JSON).body(SITE.replace("Csrf site", "Renamed"))
                .put("/api/v1/sites/" + site).then().statusCode(403);
        // A wrong header value is refused as well.
        cookiesOnly(me).header("X-CSRF-TOKEN", "AAAA" + me.csrf().substring(4)).delete("/api/v1/sites/" + site)
                .then().statusCode(400);
        scriptedBrowser(me).get("/api/v1/sites").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].name", equalTo("Csrf site"));
        scriptedBrowser(me).delete("/api/v1/sites/" + site).then().statusCode(204);
    }

    @Test
    void jsonRoutesTakeOnlyJsonOrCsvForTheImport() throws Exception {
        Operators.Session me = Operators.newSignedIn("csrf-type");
        String token = Operators.newToken(me, "script");
        RequestSpecification script = given().header("Authorization", "Bearer " + token);
        script.contentType("text/plain").body(SITE).post("/api/v1/sites")
                .then().statusCode(415).contentType("application/problem+json");
        script.contentType("application/x-www-form-urlencoded").body("name=x").post("/api/v1/sites")
                .then().statusCode(415);
        script.contentType("text/plain").body("site,model,units,terahash,watts\nA,B,1,1,1\n")
                .post("/api/v1/rigs/import").then().statusCode(415);
        script.contentType("text/csv").body(SITE).post("/api/v1/sites").then().statusCode(415);
        assertEquals(415, rawPost("/api/v1/sites", Map.of("Authorization", "Bearer " + token), SITE));
        script.get("/api/v1/sites").then().statusCode(200).body("size()", equalTo(0));
        // The same calls with the right types work without any CSRF header: a Bearer token is not ambient.
        long site = given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(SITE)
                .post("/api/v1/sites").then().statusCode(201).extract().jsonPath().getLong("id");
        given().header("Authorization", "Bearer " + token).contentType("text/csv")
                .body("site,model,units,terahash,watts,purchaseUsdPerUnit,purchaseDate,notes\nCsrf site,Custom Y,1,100,3000,,,\n")
                .post("/api/v1/rigs/import").then().statusCode(200);
        given().header("Authorization", "Bearer " + token).delete("/api/v1/sites/" + site).then().statusCode(409);
    }

    /** Quarkus takes any POST whose path ends with /j_security_check as a sign-in. */
    @Test
    void signInWithoutTheTokenIsRefusedOnEveryPathQuarkusAccepts() {
        String email = Operators.newEmail("csrf-signin");
        Operators.register(email, Operators.PASSWORD, Operators.PASSWORD).then().statusCode(303);
        for (String path : new String[] { "/j_security_check", "/login/j_security_check", "/api/j_security_check",
                "/a/b/j_security_check", "/rigs/j_security_check" }) {
            Response noToken = given().redirects().follow(false)
                    .formParam("j_username", email).formParam("j_password", Operators.PASSWORD).post(path);
            assertNull(noToken.cookie(Operators.SESSION_COOKIE), path + " signed in without a token");
            noToken.then().header("Location", not(endsWith("/dashboard")));

            String csrf = Operators.csrfToken();
            Response wrongToken = given().redirects().follow(false).cookie(Operators.CSRF_COOKIE, csrf)
                    .formParam("csrf-token", Operators.csrfToken())
                    .formParam("j_username", email).formParam("j_password", Operators.PASSWORD).post(path);
            assertNull(wrongToken.cookie(Operators.SESSION_COOKIE), path + " signed in with another token");
        }
        // Refused attempts did not count as failed passwords: the real sign-in page still works.
        Operators.signIn(email, Operators.PASSWORD).then().statusCode(302).header("Location", endsWith("/dashboard"));
    }

    @Test
    void theSignInPageCarriesTheToken() {
        Response page = given().get("/login");
        String csrf = page.cookie(Operators.CSRF_COOKIE);
        page.then().statusCode(200).body(containsString("name=\"csrf-token\" value=\"" + csrf + "\""));
    }
}
