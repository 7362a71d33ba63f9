package io.hashdesk.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Operators;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A form post is a form whatever the spelling of its Content-Type, and needs the CSRF token whatever the
 * spelling: "Application/x-www-form-urlencoded" from a same-site page, which quarkus-rest-csrf does not
 * see as a form, deletes nothing, revokes nothing and signs no one out.
 */
@QuarkusTest
class CsrfSpellingTest {

    static final String[] SPELLINGS = { "Application/x-www-form-urlencoded",
            "APPLICATION/X-WWW-FORM-URLENCODED; charset=UTF-8", "application/X-Www-Form-Urlencoded",
            "Multipart/Form-Data; boundary=x" };

    @TestHTTPResource("/")
    URI base;

    /** A POST exactly as a forging page would make the browser send it: its cookies, the given type and body. */
    int forged(Operators.Session s, String path, String type, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Cookie", CsrfTest.cookieHeader(s)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    void refusedInEverySpelling(Operators.Session s, String path) throws Exception {
        for (String type : SPELLINGS) {
            String body = type.startsWith("Multipart") ? "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n"
                    : "a=b";
            assertEquals(400, forged(s, path, type, body), path + " as " + type);
        }
        // A token that is not the cookie's is refused as well.
        assertEquals(400, forged(s, path, SPELLINGS[0], "csrf-token=" + Operators.csrfToken()), path);
    }

    @Test
    void aMixedCaseFormWithoutTheTokenDeletesNoSiteRigOrScenario() throws Exception {
        Operators.Session me = Operators.newSignedIn("csrf-case");
        long site = CsrfTest.site(me);
        long rig = CsrfTest.rig(me, site);
        long emptySite = CsrfTest.scriptedBrowser(me).contentType(ContentType.JSON)
                .body(CsrfTest.SITE.replace("Csrf site", "Empty")).post("/api/v1/sites")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        String saved = CsrfTest.cookiesOnly(me).formParam("csrf-token", me.csrf()).formParam("saveName", "Kept")
                .formParam("days", "90").formParam("priceDriftPercent", "0").formParam("hashrateGrowthPercent", "2")
                .post("/projection/scenarios").then().statusCode(303).extract().header("Location");
        long scenario = Long.parseLong(saved.replaceAll(".*saved=(\\d+).*", "$1"));

        refusedInEverySpelling(me, "/rigs/" + rig + "/delete");
        refusedInEverySpelling(me, "/sites/" + emptySite + "/delete");
        refusedInEverySpelling(me, "/projection/scenarios/" + scenario + "/delete");

        CsrfTest.rigStillThere(me, rig);
        CsrfTest.scriptedBrowser(me).get("/api/v1/sites/" + emptySite).then().statusCode(200);
        CsrfTest.cookiesOnly(me).get("/projection?saved=" + scenario).then().statusCode(200);

        // The pages' own forms (the browser's spelling, with the token) still work.
        CsrfTest.cookiesOnly(me).formParam("csrf-token", me.csrf()).post("/rigs/" + rig + "/delete")
                .then().statusCode(303);
        CsrfTest.scriptedBrowser(me).get("/api/v1/rigs/" + rig).then().statusCode(404);
        CsrfTest.cookiesOnly(me).formParam("csrf-token", me.csrf()).post("/sites/" + emptySite + "/delete")
                .then().statusCode(303);
        CsrfTest.scriptedBrowser(me).get("/api/v1/sites/" + emptySite).then().statusCode(404);
        CsrfTest.cookiesOnly(me).formParam("csrf-token", me.csrf())
                .post("/projection/scenarios/" + scenario + "/delete").then().statusCode(303);
        CsrfTest.cookiesOnly(me).get("/projection?saved=" + scenario).then().statusCode(404);
    }

    @Test
    void aMixedCaseFormWithoutTheTokenRevokesNoTokenAndSignsNoOneOut() throws Exception {
        Operators.Session me = Operators.newSignedIn("csrf-case-out");
        String secret = Operators.newToken(me, "script");
        String settings = CsrfTest.cookiesOnly(me).get("/settings").then().statusCode(200).extract().asString();
        Matcher revoke = Pattern.compile("/settings/tokens/(\\d+)/revoke").matcher(settings);
        assertEquals(true, revoke.find(), "the settings page has a revoke form");
        String revokePath = revoke.group();

        refusedInEverySpelling(me, revokePath);
        refusedInEverySpelling(me, "/logout");

        given().header("Authorization", "Bearer " + secret).get("/api/v1/me").then().statusCode(200);
        CsrfTest.cookiesOnly(me).get("/settings").then().statusCode(200);

        // With the token: revoked, then signed out.
        CsrfTest.cookiesOnly(me).formParam("csrf-token", me.csrf()).post(revokePath).then().statusCode(303);
        given().header("Authorization", "Bearer " + secret).get("/api/v1/me").then().statusCode(401);
        CsrfTest.cookiesOnly(me).formParam("csrf-token", me.csrf()).post("/logout").then().statusCode(303);
        int after = CsrfTest.cookiesOnly(me).get("/settings").then().extract().statusCode();
        assertEquals(true, after == 302 || after == 303, "signed out, sent to sign in: " + after);
    }
}
