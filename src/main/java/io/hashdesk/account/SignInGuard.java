package io.hashdesk.account;

import java.net.URI;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Guards the form-login endpoint, which is served by Quarkus itself rather than by a REST resource:
 * <ul>
 * <li>refuses cross-site posts (login CSRF), judged by the browser's Sec-Fetch-Site and Origin headers;</li>
 * <li>sends a throttled attempt to the login page with the wait in minutes, so the operator is told why;</li>
 * <li>sends an attempt without the sign-in page's CSRF token (checked by {@link ThrottledSignInProvider},
 * which sees the parsed form) back to the sign-in page.</li>
 * </ul>
 * Quarkus takes a POST to any path ending with {@code /j_security_check} as a sign-in, so this guard
 * covers every such path, not only the one the sign-in page uses.
 */
@ApplicationScoped
public class SignInGuard {

    static final String POST_LOCATION = "/j_security_check";
    /** Every path FormAuthenticationMechanism answers: its test is {@code normalizedPath().endsWith(postLocation)}. */
    static final String POST_LOCATIONS = ".*" + POST_LOCATION.replace("/", "\\/") + "$";

    /** Runs before Quarkus' own authentication handlers, which answer the form post themselves. */
    void register(@Observes Router router) {
        router.routeWithRegex(HttpMethod.POST, POST_LOCATIONS).order(Integer.MIN_VALUE + 10).handler(this::guard);
    }

    private void guard(RoutingContext rc) {
        if (isCrossSite(rc)) {
            rc.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
                    .end("Sign-in must come from the hashdesk sign-in page.");
            return;
        }
        rc.addHeadersEndHandler(ignored -> {
            if (ThrottledSignInProvider.refusedForCsrf(rc) && rc.response().getStatusCode() == 302) {
                rc.response().putHeader(HttpHeaders.LOCATION, "/login?expired=true");
                return;
            }
            Duration wait = ThrottledSignInProvider.waitOf(rc);
            if (wait != null && rc.response().getStatusCode() == 302) {
                long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
                rc.response().putHeader(HttpHeaders.LOCATION, "/login?throttled=" + minutes);
            }
        });
        rc.next();
    }

    private static boolean isCrossSite(RoutingContext rc) {
        String fetchSite = rc.request().getHeader("Sec-Fetch-Site");
        if ("cross-site".equalsIgnoreCase(fetchSite)) {
            return true;
        }
        String origin = rc.request().getHeader(HttpHeaders.ORIGIN);
        if (origin == null || origin.isBlank() || "null".equals(origin)) {
            return "null".equals(origin);
        }
        String host = rc.request().getHeader(HttpHeaders.HOST);
        try {
            URI uri = URI.create(origin);
            String originHost = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host == null || !host.equalsIgnoreCase(originHost);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
