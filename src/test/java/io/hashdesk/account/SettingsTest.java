package io.hashdesk.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Operators;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SettingsTest {

    @Test
    void timezoneIsSavedAndAnUnknownOneIsRefused() {
        Operators.Session session = Operators.newSignedIn("tz");
        given().redirects().follow(false).cookies(session.cookies())
                .formParam("csrf-token", session.csrf()).formParam("timezone", "Mars/Olympus_Mons")
                .post("/settings/timezone")
                .then().statusCode(422).body(containsString("id=\"timezone-error\""));
        given().cookies(session.cookies()).get("/api/v1/me").then().body("timezone", equalTo("UTC"));

        given().redirects().follow(false).cookies(session.cookies())
                .formParam("csrf-token", session.csrf()).formParam("timezone", "America/Chicago")
                .post("/settings/timezone")
                .then().statusCode(303);
        given().cookies(session.cookies()).get("/api/v1/me").then().body("timezone", equalTo("America/Chicago"));
    }

    @Test
    void passwordChangeNeedsTheCurrentPassword() {
        Operators.Session session = Operators.newSignedIn("pw");
        String newPassword = "a brand new passphrase";
        given().cookies(session.cookies()).formParam("csrf-token", session.csrf())
                .formParam("current", "not my password").formParam("password", newPassword).formParam("confirm", newPassword)
                .post("/settings/password")
                .then().statusCode(422).body(containsString("id=\"current-error\""));
        // The old password still works: nothing was changed.
        Operators.signIn(session.email(), Operators.PASSWORD).then().header("Location", endsWith("/dashboard"));

        given().redirects().follow(false).cookies(session.cookies()).formParam("csrf-token", session.csrf())
                .formParam("current", Operators.PASSWORD).formParam("password", newPassword).formParam("confirm", newPassword)
                .post("/settings/password")
                .then().statusCode(303);
        Operators.signIn(session.email(), Operators.PASSWORD).then().header("Location", containsString("/login?error"));
        Operators.signIn(session.email(), newPassword).then().header("Location", endsWith("/dashboard"));
    }

    @Test
    void passwordChangeRevokesTheApiTokensAndSaysSoBeforeAndAfter() {
        Operators.Session session = Operators.newSignedIn("pwtokens");
        String token = Operators.newToken(session, "grafana");
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(200);
        given().cookies(session.cookies()).get("/settings").then().statusCode(200)
                .body(containsString("also revokes every personal API token"));

        String newPassword = "a brand new passphrase";
        String cookie = given().redirects().follow(false).cookies(session.cookies()).formParam("csrf-token", session.csrf())
                .formParam("current", Operators.PASSWORD).formParam("password", newPassword).formParam("confirm", newPassword)
                .post("/settings/password")
                .then().statusCode(303).extract().cookie("hashdesk-flash");

        // Whoever held the token (and maybe the old password) is refused from now on.
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(401);
        given().cookies(session.cookies()).cookie("hashdesk-flash", cookie == null ? "" : cookie).get("/settings")
                .then().statusCode(200).body(containsString("1 API token was revoked"));
    }
}
