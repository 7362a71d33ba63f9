package io.hashdesk.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * One place that turns exceptions into answers: RFC 9457 problem+json under /api, a friendly page
 * elsewhere. No stack trace ever reaches a user; unexpected errors are logged with an id the user sees.
 */
public class ErrorMapper {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);

    @CheckedTemplate(basePath = "errors", requireTypeSafeExpressions = false)
    static class Templates {
        /**
         * Without the request-bound parts of the layout (session, CSRF token): an error page must render
         * whatever state the request was left in, including addresses no resource matched.
         */
        static native TemplateInstance standalone(String title, String message);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status < 400 || e.getResponse().hasEntity()) {
            return e.getResponse();
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        String message = switch (status) {
            case 404 -> "There is nothing here. It may have been deleted, or the address is mistyped.";
            case 405 -> "This address does not accept that kind of request.";
            case 406 -> "This address cannot answer in the format asked for.";
            case 415 -> "This address expects a different content type" + (isApi(uri) ? " (application/json)." : ".");
            case 400 -> e.getMessage() != null && !e.getMessage().startsWith("HTTP 400")
                    ? e.getMessage() : "The request could not be understood.";
            default -> "The request could not be completed.";
        };
        return answer(uri, status, title, message, null);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> errors.add(new Problem.FieldError(fieldName(v), v.getMessage())));
        return answer(uri, 400, "Invalid request", null, errors);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? JsonPaths.of(mapping) : null;
        if (field != null && !field.isEmpty()) {
            return answer(uri, 400, "Invalid request", null,
                    List.of(new Problem.FieldError(field, "has the wrong type or format")));
        }
        if (e instanceof JsonMappingException) {
            // Well-formed JSON of the wrong shape: Jackson's message would name our classes.
            return answer(uri, 400, "Malformed JSON", "The body is not the JSON object this route expects.", null);
        }
        return answer(uri, 400, "Malformed JSON", "The body is not valid JSON: " + e.getOriginalMessage(), null);
    }

    @ServerExceptionMapper
    public Response limitReached(LimitReachedException e, UriInfo uri) {
        if (e.field != null) {
            return answer(uri, 422, "Limit reached", null, List.of(new Problem.FieldError(e.field, e.getMessage())), 422);
        }
        return answer(uri, 422, "Limit reached", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response tooBusy(TooBusyException e, UriInfo uri) {
        Response r = answer(uri, 429, "Too many requests", e.getMessage(), null);
        return Response.fromResponse(r).header("Retry-After", String.valueOf(e.retryAfterSeconds)).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (Database.lockTimeout(e)) {
            // Two requests changed the same rows at once and one waited too long: nothing was saved by it.
            return answer(uri, 409, "Conflict",
                    "Another change to the same data was being saved at the same moment; nothing was changed by this request. Try again.",
                    null);
        }
        String id = Long.toHexString(System.nanoTime());
        LOG.errorf(e, "Unexpected error %s on %s", id, uri.getPath());
        return answer(uri, 500, "Something went wrong",
                "hashdesk could not complete this request. Part of it may have been saved before the error:"
                        + " look at the page again before you repeat it. Reference: " + id, null);
    }

    /** A refusal outside any exception: problem+json under /api, the error page elsewhere. */
    public static Response refusal(String path, int status, String title, String detail) {
        return answer(path, status, title, detail, null, 400);
    }

    private static Response answer(UriInfo uri, int status, String title, String detail, List<Problem.FieldError> errors) {
        return answer(uri.getPath(), status, title, detail, errors, 400);
    }

    private static Response answer(UriInfo uri, int status, String title, String detail, List<Problem.FieldError> errors,
            int problemStatus) {
        return answer(uri.getPath(), status, title, detail, errors, problemStatus);
    }

    private static Response answer(String path, int status, String title, String detail, List<Problem.FieldError> errors,
            int problemStatus) {
        if (path.startsWith("/api/")) {
            Problem problem = errors == null ? Problem.of(status, title, detail, path)
                    : Problem.invalid(path, errors).withStatus(problemStatus, title);
            return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
        }
        String message = detail;
        if (errors != null && !errors.isEmpty()) {
            message = errors.get(0).field() + ": " + errors.get(0).message();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.standalone(title, message)).build();
    }

    static boolean isApi(UriInfo uri) {
        return uri.getPath().startsWith("/api/");
    }

    /** "create.body.units" -> "units": the field as the client named it. */
    static String fieldName(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY
                    || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                name = name == null || isParameterish(name) ? node.getName() : name + "." + node.getName();
            } else {
                name = node.getName();
            }
        }
        return name == null ? "" : name;
    }

    private static boolean isParameterish(String name) {
        return name.startsWith("arg") || name.equals("body") || name.equals("form");
    }
}
