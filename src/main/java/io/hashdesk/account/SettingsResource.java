package io.hashdesk.account;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.hashdesk.web.Flash;
import io.hashdesk.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The operator's own settings: personal API tokens for scripts. */
@Path("/settings")
@Produces(MediaType.TEXT_HTML)
public class SettingsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Operator operator, List<ApiToken> tokens, String newToken,
                String tokenName, FormErrors errors);
    }

    @Inject
    CurrentOperator current;

    @Inject
    ApiTokenService tokens;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance index() {
        Operator operator = current.get();
        return Templates.index(operator, tokens.list(operator), null, "", FormErrors.none());
    }

    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createToken(@RestForm String name) {
        Operator operator = current.get();
        String trimmed = name == null ? "" : name.trim();
        FormErrors errors = FormErrors.none();
        if (trimmed.isEmpty()) {
            errors.add("name", "Name the token after the script that will use it, e.g. \"grafana\".");
        } else if (trimmed.length() > 80) {
            errors.add("name", "Use at most 80 characters.");
        }
        if (errors.any()) {
            return Response.status(422)
                    .entity(Templates.index(operator, tokens.list(operator), null, name, errors)).build();
        }
        ApiTokenService.CreatedToken created = tokens.create(operator, trimmed);
        // Shown once, on this response only: it is not stored and cannot be shown again.
        return Response.ok(Templates.index(operator, tokens.list(operator), created.secret(), "", FormErrors.none()))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("tokens/{id}/revoke")
    public Response revokeToken(@PathParam("id") long id) {
        if (!tokens.revoke(current.get(), id)) {
            throw new NotFoundException();
        }
        flash.success("The token is revoked; scripts using it are refused from now on.");
        return Response.seeOther(URI.create("/settings")).build();
    }
}
