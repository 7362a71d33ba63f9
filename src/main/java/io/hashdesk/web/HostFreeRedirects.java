package io.hashdesk.web;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Keeps the request's Host header out of every redirect. JAX-RS turns {@code seeOther("/login")} into an
 * absolute address built from the Host header, and form login does the same, so a forged Host (or a
 * proxy passing one through) would send the browser elsewhere and leak into caches. Every redirect to
 * this application's own pages is answered with the path alone ({@code Location: /login}, RFC 9110
 * section 10.2.2): the browser resolves it against the address it actually used, the one
 * {@code hashdesk.base-url} names behind a proxy. Links in mails are built from {@code hashdesk.base-url}.
 */
@ApplicationScoped
public class HostFreeRedirects {

    /** Before every other handler, so the rewrite sees the final headers of any answer. */
    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            rc.addHeadersEndHandler(ignored -> rewrite(rc));
            rc.next();
        });
    }

    static void rewrite(RoutingContext rc) {
        String location = rc.response().headers().get(HttpHeaders.LOCATION);
        if (location == null) {
            return;
        }
        String relative = pathOf(location, rc.request().getHeader(HttpHeaders.HOST),
                rc.request().authority() == null ? null : rc.request().authority().toString());
        if (relative != null) {
            rc.response().headers().set(HttpHeaders.LOCATION, relative);
        }
    }

    /** The path, query and fragment of an absolute http(s) location on the request's own host; null for any other. */
    static String pathOf(String location, String hostHeader, String authority) {
        URI uri;
        try {
            uri = URI.create(location.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!uri.isAbsolute() || uri.getRawAuthority() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            return null;
        }
        String target = uri.getRawAuthority();
        if (!target.equalsIgnoreCase(hostHeader == null ? "" : hostHeader)
                && !target.equalsIgnoreCase(authority == null ? "" : authority)) {
            return null;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        // "//evil.example/x" would be read as another host: keep a single leading slash.
        path = "/" + path.replaceFirst("^/+", "");
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }
}
