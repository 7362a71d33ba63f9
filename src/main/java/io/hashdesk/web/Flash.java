package io.hashdesk.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * A one-time message carried across a redirect in a short-lived cookie ("Site saved", "Signed out").
 * Templates read it as {@code inject:flash}; reading it clears it.
 */
@Named("flash")
@RequestScoped
public class Flash {

    static final String COOKIE = "hashdesk-flash";

    public enum Kind {
        success, error, info
    }

    public record Message(Kind kind, String text) {
    }

    @Inject
    CurrentVertxRequest request;

    private Message pending;
    private boolean read;

    public void success(String text) {
        set(Kind.success, text);
    }

    public void error(String text) {
        set(Kind.error, text);
    }

    public void info(String text) {
        set(Kind.info, text);
    }

    private void set(Kind kind, String text) {
        pending = new Message(kind, text);
        String value = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind.name() + ":" + text).getBytes(StandardCharsets.UTF_8));
        routing().response().addCookie(Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.LAX).setMaxAge(60));
    }

    /** The message to show on this page, if any (clears it for the next page). */
    public Message message() {
        if (read) {
            return null;
        }
        read = true;
        RoutingContext rc = routing();
        Cookie cookie = rc.request().getCookie(COOKIE);
        if (cookie == null) {
            return null;
        }
        rc.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/").setMaxAge(0));
        return decode(cookie.getValue());
    }

    private static Message decode(String value) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            Kind kind = Kind.valueOf(decoded.substring(0, colon));
            String text = decoded.substring(colon + 1);
            return text.isBlank() || text.length() > 500 ? null : new Message(kind, text);
        } catch (RuntimeException e) {
            return null; // a tampered or stale cookie is simply ignored
        }
    }

    private RoutingContext routing() {
        return request.getCurrent();
    }
}
