package io.hashdesk.production;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A browser behind a load balancer: one cookie jar, whichever instance answers. Each call names the
 * instance it goes to; cookies set by any answer are kept for the next call, as a browser keeps them
 * for the one host name the balancer serves.
 */
final class Visitor {

    static final String SESSION_COOKIE = "hashdesk-session";
    static final String CSRF_COOKIE = "hashdesk-csrf";
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final Map<String, String> cookies = new LinkedHashMap<>();
    /** The address this visitor registered with, once it has. */
    String email;

    /** A request to {@code instance} carrying this visitor's cookies; redirects are not followed. */
    RequestSpecification on(AppInstance instance) {
        return given().baseUri(instance.url()).redirects().follow(false).cookies(cookies);
    }

    /** Keeps the cookies an answer sets (and forgets those it expires), then returns the answer. */
    Response keep(Response response) {
        for (Cookie c : response.getDetailedCookies()) {
            if (c.getMaxAge() == 0 || c.getValue() == null || c.getValue().isEmpty()) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        }
        return response;
    }

    Response get(AppInstance instance, String path) {
        return keep(on(instance).get(path));
    }

    /** The CSRF token of a form on {@code page} as served by {@code instance} (or the cookie's, without one). */
    String formToken(AppInstance instance, String page) {
        String html = get(instance, page).asString();
        Matcher m = FORM_TOKEN.matcher(html);
        return m.find() ? m.group(1) : cookies.get(CSRF_COOKIE);
    }

    /** The token scripts send as X-CSRF-TOKEN with a session cookie. */
    String csrfCookie() {
        return cookies.get(CSRF_COOKIE);
    }

    String session() {
        return cookies.get(SESSION_COOKIE);
    }

    Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    Response register(AppInstance instance, String email, String password) {
        String token = formToken(instance, "/register");
        this.email = email;
        return keep(on(instance).formParam("csrf-token", token).formParam("email", email)
                .formParam("password", password).formParam("confirm", password).post("/register"));
    }

    Response signIn(AppInstance instance, String email, String password) {
        String token = formToken(instance, "/login");
        return keep(on(instance).formParam("csrf-token", token).formParam("j_username", email)
                .formParam("j_password", password).post("/j_security_check"));
    }

    /** A JSON call as a signed-in browser script makes it: session cookie plus X-CSRF-TOKEN. */
    RequestSpecification json(AppInstance instance) {
        return on(instance).header("X-CSRF-TOKEN", csrfCookie()).contentType("application/json");
    }
}
