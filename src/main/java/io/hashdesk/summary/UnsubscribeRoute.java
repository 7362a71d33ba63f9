package io.hashdesk.summary;

import java.time.Clock;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.hashdesk.account.Operator;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * POST /unsubscribe?token=…: turns the weekly summary off, signed out, without a session or a CSRF
 * token: the signed token is the proof (RFC 8058 one-click, as mail clients send it, and the button of
 * the GET page). Served as a Vert.x route ahead of the REST layer, because the REST CSRF filter refuses
 * every form POST without its cookie and cannot leave a path out. A forged or altered token gets 400
 * and changes nothing.
 */
@ApplicationScoped
public class UnsubscribeRoute {

    @CheckedTemplate(basePath = "UnsubscribeResource")
    static class Templates {
        /** Standalone (no layout): this route runs outside the REST layer, without session or CSRF state. */
        static native TemplateInstance done(String email);

        static native TemplateInstance refused();
    }

    @Inject
    UnsubscribeTokens tokens;

    @Inject
    SummaryService summaries;

    @Inject
    Clock clock;

    void init(@Observes Router router) {
        router.post("/unsubscribe").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).blockingHandler(this::handle, false);
    }

    void handle(RoutingContext rc) {
        OptionalLong operatorId = tokens.verify(rc.request().getParam("token"));
        String email = null;
        if (operatorId.isPresent()) {
            long id = operatorId.getAsLong();
            email = QuarkusTransaction.requiringNew().call(() -> {
                Operator o = Operator.findById(id);
                if (o == null) {
                    return null;
                }
                summaries.turnOff(id, clock.instant());
                return o.email;
            });
        }
        rc.response().putHeader("Cache-Control", "no-store");
        rc.response().putHeader("Content-Type", MediaType.TEXT_HTML + ";charset=UTF-8");
        if (email == null) {
            rc.response().setStatusCode(400).end(Templates.refused().render());
        } else {
            rc.response().setStatusCode(200).end(Templates.done(masked(email)).render());
        }
    }

    static Response refused() {
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.refused().render()).build();
    }

    /** "j…@example.com": enough to recognise one's address, not enough to read it off a forwarded link. */
    static String masked(String email) {
        int at = email.indexOf('@');
        return at <= 1 ? email : email.charAt(0) + "…" + email.substring(at);
    }
}
