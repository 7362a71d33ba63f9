package io.hashdesk.web;

import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * When a session ends while a page keeps refreshing part of itself with htmx, the sign-in redirect
 * would be followed by htmx and the login page swapped into that part. For htmx requests the
 * redirect becomes {@code HX-Redirect}, so the whole browser goes to the sign-in page instead.
 */
public class HtmxSignInRedirect {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 5).handler(this::handle);
    }

    private void handle(RoutingContext rc) {
        if (rc.request().getHeader(Htmx.REQUEST) != null) {
            rc.addHeadersEndHandler(ignored -> {
                String location = rc.response().headers().get(HttpHeaders.LOCATION);
                if (rc.response().getStatusCode() == 302 && location != null && location.contains("/login")) {
                    rc.response().setStatusCode(200);
                    rc.response().headers().remove(HttpHeaders.LOCATION);
                    rc.response().putHeader(Htmx.REDIRECT, "/login");
                }
            });
        }
        rc.next();
    }
}
