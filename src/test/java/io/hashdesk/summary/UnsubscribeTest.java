package io.hashdesk.summary;

import static io.hashdesk.testing.Fleets.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.hashdesk.network.NetworkService;
import io.hashdesk.testing.Fleets;
import io.hashdesk.testing.Networks;
import io.hashdesk.testing.Operators;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The unsubscribe link: signed out, GET page and button, one-click POST without cookies, forged tokens refused. */
@QuarkusTest
class UnsubscribeTest {

    @Inject
    NetworkService network;

    @Inject
    UnsubscribeTokens tokens;

    @TestHTTPResource("/")
    URI root;

    /** An operator who got a test mail; the token from its List-Unsubscribe header. */
    String tokenFromMail(Operators.Session s) {
        Operators.verify(s.email());
        as(s).post("/api/v1/summary/test").then().statusCode(200);
        List<MimeMessage> mails = Fixtures.mailsTo(s.email());
        assertEquals(1, mails.size());
        String header = Fixtures.header(mails.get(0), "List-Unsubscribe");
        assertTrue(header.startsWith("<https://hashdesk.example/unsubscribe?token=") && header.endsWith(">"), header);
        assertEquals("List-Unsubscribe=One-Click", Fixtures.header(mails.get(0), "List-Unsubscribe-Post"));
        String text = Fixtures.part(mails.get(0), "text/plain");
        String token = header.substring(header.indexOf("token=") + 6, header.length() - 1);
        assertTrue(text.contains("Unsubscribe: https://hashdesk.example/unsubscribe?token=" + token), text);
        return token;
    }

    /** A client with no cookies at all (no session, no CSRF cookie), as a mail client posts. */
    static HttpResponse<String> post(URI root, String pathAndQuery, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(root.resolve(pathAndQuery))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void signedOutGetShowsAButtonAndItsPostTurnsTheSummaryOff() throws Exception {
        Networks.startWorked(network, 71_000, -5, 3);
        Operators.Session s = Operators.newSignedIn("unsub-page");
        String token = tokenFromMail(s);
        String masked = s.email().charAt(0) + "…" + s.email().substring(s.email().indexOf('@'));
        given().redirects().follow(false).get("/unsubscribe?token=" + token).then().statusCode(200)
                .body(containsString("Unsubscribe from the weekly summary")).body(containsString(masked))
                .body(containsString("action=\"/unsubscribe?token=" + token + "\""))
                .body(not(containsString(s.email())));
        // The page's button: a plain form post with no body, signed out, no CSRF token.
        HttpResponse<String> r = post(root, "unsubscribe?token=" + token, "");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("is off"), r.body());
        as(s).get("/api/v1/summary/settings").then().body("enabled", equalTo(false));
        given().get("/unsubscribe?token=" + token).then().statusCode(200).body(containsString("already off"));
    }

    @Test
    void oneClickPostWithoutCookiesTurnsItOff() throws Exception {
        Networks.startWorked(network, 71_000, -5, 3);
        Operators.Session s = Operators.newSignedIn("unsub-oneclick");
        String token = tokenFromMail(s);
        HttpResponse<String> r = post(root, "unsubscribe?token=" + token, "List-Unsubscribe=One-Click");
        assertEquals(200, r.statusCode(), r.body());
        as(s).get("/api/v1/summary/settings").then().body("enabled", equalTo(false));
    }

    @Test
    void aForgedOrAlteredTokenIsRefusedAndChangesNothing() throws Exception {
        Operators.Session s = Operators.newSignedIn("unsub-forged");
        Operators.Session other = Operators.newSignedIn("unsub-victim");
        long mine = Operators.operator(s.email()).id;
        long victim = Operators.operator(other.email()).id;
        String token = tokens.tokenFor(mine);
        String signature = token.substring(token.indexOf('.') + 1);
        // Another operator's id with my signature.
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((UnsubscribeTokens.PURPOSE + ":" + victim).getBytes()) + "." + signature;
        char last = token.charAt(token.length() - 1);
        String altered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertNotEquals(token, altered);
        // The signature's last character carries 4 spare bits: flipping only those must not pass either.
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        String spareBits = token.substring(0, token.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);
        for (String bad : List.of(forged, altered, spareBits, "", "nonsense", token + ".x")) {
            HttpResponse<String> r = post(root, "unsubscribe?token=" + bad, "List-Unsubscribe=One-Click");
            assertEquals(400, r.statusCode(), bad);
            given().get("/unsubscribe?token=" + bad).then().statusCode(400).body(containsString("not valid"));
        }
        as(s).get("/api/v1/summary/settings").then().body("enabled", equalTo(true));
        as(other).get("/api/v1/summary/settings").then().body("enabled", equalTo(true));
    }
}
