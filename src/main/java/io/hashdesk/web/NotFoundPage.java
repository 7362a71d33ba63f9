package io.hashdesk.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/** Addresses that no page, route or static file answers get the same friendly 404 as a missing record. */
@ApplicationScoped
public class NotFoundPage {

    void install(@Observes Router router) {
        router.errorHandler(404, rc -> {
            boolean api = rc.normalizedPath().startsWith("/api/");
            if (api) {
                rc.response().setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .end("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                                + "\"detail\":\"No such resource.\"}");
            } else {
                String html = ErrorMapper.Templates.standalone("Not Found",
                        "There is nothing here. It may have been deleted, or the address is mistyped.").render();
                rc.response().setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8")
                        .end(html);
            }
        });
    }
}
