package io.hashdesk.web;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail, the body of every error under /api. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An RFC 9457 problem detail: field names the first offending field, errors[] all of them")
public record Problem(String type, String title, int status, String detail, String instance, String field,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending field and what is wrong with it. */
    @Schema(name = "FieldError")
    public record FieldError(String field, String message) {
    }

    /** The same problem with another status and title (a 422 or 409 that names its fields). */
    public Problem withStatus(int newStatus, String newTitle) {
        return new Problem(type, newTitle, newStatus, detail, instance, field, errors);
    }

    public static Problem of(int status, String title, String detail, String instance) {
        return new Problem("about:blank", title, status, detail, instance, null, null);
    }

    public static Problem invalid(String instance, List<FieldError> errors) {
        String detail = errors.isEmpty() ? "The request is not valid."
                : errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are not valid; see errors.";
        return new Problem("about:blank", "Invalid request", 400, detail, instance,
                errors.isEmpty() ? null : errors.get(0).field(), errors);
    }
}
