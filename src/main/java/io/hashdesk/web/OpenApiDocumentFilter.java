package io.hashdesk.web;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Shapes the generated document into the published API (docs/openapi.yaml), at build time: only the
 * /api/v1 routes (the pages are not an API), the answers every route shares (401 signed out, 403 for a
 * cookie-signed write without its CSRF header, 415 for a body of another type), every error answered as
 * problem+json, and no schema that no route uses.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OpenApiDocumentFilter implements OASFilter {

    static final String PREFIX = "/api/v1/";
    private static final String SCHEMAS = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (String path : List.copyOf(openAPI.getPaths().getPathItems().keySet())) {
                if (!path.startsWith(PREFIX)) {
                    openAPI.getPaths().removePathItem(path);
                }
            }
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations()
                    .forEach((method, operation) -> shared(method, operation)));
        }
        pruneSchemas(openAPI);
    }

    private static void shared(PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        addIfAbsent(operation, "401", "Signed out: no session, or no valid API token (`Authorization: Bearer <token>`).");
        if (method != PathItem.HttpMethod.GET) {
            addIfAbsent(operation, "403", "A write signed in by the session cookie without the `hashdesk-csrf` cookie's"
                    + " value in the `X-CSRF-TOKEN` header (Bearer calls need none).");
        }
        if (operation.getRequestBody() != null) {
            addIfAbsent(operation, "415", "The body is not of the type this route reads.");
        }
        operation.getResponses().getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                if (response.getContent() == null || response.getContent().getMediaTypes() == null
                        || response.getContent().getMediaTypes().isEmpty()) {
                    response.setContent(problem());
                }
            }
        });
    }

    private static void addIfAbsent(Operation operation, String code, String description) {
        if (!operation.getResponses().hasAPIResponse(code)) {
            APIResponse response = OASFactory.createAPIResponse().description(description).content(problem());
            operation.getResponses().addAPIResponse(code, response);
        }
    }

    private static Content problem() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
    }

    /** Keeps only the schemas a remaining route refers to, directly or through another schema. */
    private static void pruneSchemas(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> all = openAPI.getComponents().getSchemas();
        Deque<Schema> todo = new ArrayDeque<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                for (Operation op : item.getOperations().values()) {
                    if (op.getParameters() != null) {
                        op.getParameters().stream().map(Parameter::getSchema).forEach(s -> push(todo, s));
                    }
                    if (op.getRequestBody() != null) {
                        content(todo, op.getRequestBody().getContent());
                    }
                    if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                        op.getResponses().getAPIResponses().values().forEach(r -> content(todo, r.getContent()));
                    }
                }
            }
        }
        Set<String> used = new HashSet<>();
        while (!todo.isEmpty()) {
            Schema s = todo.pop();
            if (s.getRef() != null && s.getRef().startsWith(SCHEMAS)) {
                String name = s.getRef().substring(SCHEMAS.length());
                if (used.add(name) && all.containsKey(name)) {
                    todo.push(all.get(name));
                }
            }
            if (s.getProperties() != null) {
                s.getProperties().values().forEach(p -> push(todo, p));
            }
            push(todo, s.getItems());
            push(todo, s.getAdditionalPropertiesSchema());
            push(todo, s.getNot());
            for (List<Schema> list : Arrays.asList(s.getAllOf(), s.getAnyOf(), s.getOneOf())) {
                if (list != null) {
                    list.forEach(x -> push(todo, x));
                }
            }
        }
        for (String name : List.copyOf(all.keySet())) {
            if (!used.contains(name)) {
                openAPI.getComponents().removeSchema(name);
            }
        }
    }

    private static void content(Deque<Schema> todo, Content content) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().stream().map(MediaType::getSchema).forEach(s -> push(todo, s));
        }
    }

    private static void push(Deque<Schema> todo, Schema schema) {
        if (schema != null) {
            todo.push(schema);
        }
    }
}
