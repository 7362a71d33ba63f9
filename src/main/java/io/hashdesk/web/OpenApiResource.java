package io.hashdesk.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;

/**
 * The OpenAPI document of /api/v1 on the main port, where script writers look for it (the same
 * document as /q/openapi on the management port and docs/openapi.yaml). Readable signed out: it
 * describes the routes and carries no data. The document's title, description and default security
 * requirement are in META-INF/openapi.yaml; the Bearer scheme is declared here.
 */
@Path("/api/openapi")
@SecurityScheme(securitySchemeName = OpenApiResource.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A personal API token created on /settings (it works on /api/ only).")
public class OpenApiResource {

    public static final String BEARER = "bearer";

    @Inject
    OpenApiDocumentService documents;

    /** YAML by default, as in docs/openapi.yaml; {@code ?format=json} for JSON. */
    @GET
    @Produces({ "application/yaml", "application/json" })
    public Response document(@QueryParam("format") String format) {
        boolean json = "json".equalsIgnoreCase(format);
        byte[] body = documents.getDocument(OpenApiFilter.DEFAULT_DOCUMENT_NAME, json ? Format.JSON : Format.YAML);
        return Response.ok(body).type(json ? "application/json;charset=UTF-8" : "application/yaml;charset=UTF-8").build();
    }
}
