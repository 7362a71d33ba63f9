package io.hashdesk.summary;

import java.util.OptionalLong;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.hashdesk.account.Operator;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The unsubscribe link of the weekly summary, signed out: GET shows what the token unsubscribes and a
 * button. The button's POST (and a mail client's RFC 8058 one-click POST) is {@link UnsubscribeRoute}.
 */
@Path("/unsubscribe")
public class UnsubscribeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(String token, String email, boolean enabled);
    }

    @Inject
    UnsubscribeTokens tokens;

    @Inject
    SummaryService summaries;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@QueryParam("token") String token) {
        OptionalLong operatorId = tokens.verify(token);
        Operator operator = operatorId.isPresent() ? Operator.findById(operatorId.getAsLong()) : null;
        if (operator == null) {
            return UnsubscribeRoute.refused();
        }
        return Response.ok(Templates.confirm(token, UnsubscribeRoute.masked(operator.email),
                summaries.settings(operator.id).enabled())).build();
    }
}
