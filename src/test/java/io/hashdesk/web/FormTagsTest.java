package io.hashdesk.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Operators;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The form tags (templates/tags/field.html, error.html, csrf.html): what a user typed comes back as text beside
 * the message, the message is tied to its control for screen readers, and every form carries the CSRF token.
 */
@QuarkusTest
class FormTagsTest {

    private static String site(Operators.Session me) {
        return String.valueOf(given().cookies(me.cookies()).header("X-CSRF-TOKEN", me.csrf()).contentType(ContentType.JSON)
                .body("""
                        {"name": "Texas", "tariff": {"type": "flat", "usdPerKwh": 0.05}, "poolFeePercent": 2,
                         "hostingUsdPerMonth": 0, "powerOverhead": 1.1, "uptimePercent": 97, "curtail": false,
                         "timezone": "UTC"}""")
                .post("/api/v1/sites").then().statusCode(201).extract().jsonPath().getLong("id"));
    }

    @Test
    void markupTypedIntoAFieldComesBackAsTextBesideItsMessage() {
        Operators.Session me = Operators.newSignedIn("tags-kept");
        String page = given().cookies(me.cookies()).redirects().follow(false).formParam("csrf-token", me.csrf())
                .formParam("siteId", site(me)).formParam("catalogModel", "custom").formParam("model", "<b>x</b>")
                .formParam("units", "<b>x</b>").formParam("terahash", "100").formParam("watts", "3000")
                .formParam("notes", "<b>x</b>")
                .post("/rigs").then().statusCode(422).extract().asString();

        assertThat(page).doesNotContain("<b>x</b>")
                .contains("id=\"model\" name=\"model\" value=\"&lt;b&gt;x&lt;/b&gt;\"")
                .contains("id=\"units\" name=\"units\" value=\"&lt;b&gt;x&lt;/b&gt;\"")
                .contains("&lt;b&gt;x&lt;/b&gt;</textarea>")
                .contains("<div class=\"field invalid\" id=\"field-units\"")
                .contains("aria-invalid=\"true\" aria-describedby=\"units-error\">")
                .contains("<p class=\"error\" id=\"units-error\">");
        assertThat(page).as("a valid field is not marked").contains("<div class=\"field\" id=\"field-watts\"")
                .doesNotContain("aria-describedby=\"watts-error\"");
    }

    @Test
    void aFieldWithAHintIsDescribedByTheHintAndTheMessage() {
        String csrf = Operators.csrfToken();
        String page = given().redirects().follow(false).cookie(Operators.CSRF_COOKIE, csrf).formParam("csrf-token", csrf)
                .formParam("email", Operators.newEmail("tags-hint")).formParam("password", "short").formParam("confirm", "short")
                .post("/register").then().statusCode(422).extract().asString();

        assertThat(page).contains("aria-describedby=\"password-hint password-error\" aria-invalid=\"true\">")
                .contains("<p class=\"hint\" id=\"password-hint\">At least 12 characters.")
                .contains("<p class=\"error\" id=\"password-error\">")
                .as("a password is never sent back").doesNotContain("value=\"short\"");
    }

    @Test
    void aHintGivesWayToTheMessageWhereThePageSaysSo() {
        Operators.Session me = Operators.newSignedIn("tags-quiet-hint");
        String ok = given().cookies(me.cookies()).get("/projection").then().statusCode(200).extract().asString();
        assertThat(ok).contains("aria-describedby=\"fees-hint\"").contains("<p class=\"hint\" id=\"fees-hint\">");

        String wrong = given().cookies(me.cookies()).queryParam("feesPerBlockBtc", "-1").get("/projection")
                .then().statusCode(422).extract().asString();
        assertThat(wrong).contains("aria-invalid=\"true\" aria-describedby=\"fees-error\">")
                .contains("<p class=\"error\" id=\"fees-error\">")
                .doesNotContain("id=\"fees-hint\"")
                .contains("value=\"-1\"");
    }

    @Test
    void everyFormThatPostsCarriesTheToken() {
        Operators.Session me = Operators.newSignedIn("tags-csrf");
        for (String path : new String[] {"/settings", "/alerts", "/sites/new", "/pools/new"}) {
            String page = given().cookies(me.cookies()).get(path).then().statusCode(200).extract().asString();
            int forms = count(page, "<form[^>]*method=\"post\"");
            assertThat(forms).as("forms that post on %s", path).isPositive();
            assertThat(count(page, "<input type=\"hidden\" name=\"csrf-token\" value=\"" + Pattern.quote(me.csrf()) + "\">"))
                    .as("CSRF inputs on %s", path).isEqualTo(forms);
        }
    }

    private static int count(String page, String regex) {
        Matcher m = Pattern.compile(regex).matcher(page);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
