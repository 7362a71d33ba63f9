package io.hashdesk.fleet;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hashdesk.web.FormErrors;
import io.hashdesk.web.Problem;

/** The fleet API's answers to input it cannot accept, as RFC 9457 problem details. */
final class FleetProblems {

    private FleetProblems() {
    }

    /** 422: well-formed JSON whose values break a rule; every offending field named. */
    static Response invalid(String path, FormErrors errors) {
        List<Problem.FieldError> list = new ArrayList<>();
        errors.asMap().forEach((field, message) -> list.add(new Problem.FieldError(field, message)));
        Problem base = Problem.invalid(path, list);
        Problem problem = new Problem(base.type(), base.title(), 422, base.detail(), base.instance(), base.field(),
                base.errors());
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    static Response conflict(String path, String detail) {
        return Response.status(409).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(409, "Conflict", detail, path)).build();
    }

    /** 400: a query parameter with a value the route does not know. */
    static Response badParameter(String path, String field, String message) {
        return Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(Problem.invalid(path, List.of(new Problem.FieldError(field, message)))).build();
    }

    /** 409: rows that match groups already in the fleet; nothing imported until the caller chooses a mode. */
    static Response duplicates(String path, List<RigCsv.LineError> duplicates) {
        List<ImportError> list = duplicates.stream()
                .map(e -> new ImportError(e.line(), null, null, e.message())).toList();
        String detail = duplicates.size() + " row" + (duplicates.size() == 1 ? " matches a rig group" : "s match rig groups")
                + " you already have (the same site, model, units, TH/s and W); importing would count them twice,"
                + " so nothing was imported. Send ?mode=replace to replace your rig groups with this file,"
                + " or ?mode=append-all to add the rows anyway.";
        return Response.status(409).type(Problem.MEDIA_TYPE)
                .entity(new ImportProblem("about:blank", "Likely duplicates", 409, detail, path, null, list)).build();
    }

    /**
     * An import refused with every bad line: {@code errors[]} carry {@code line} (the header is
     * line 1), {@code column} and {@code message}; {@code field} names the first bad column.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ImportProblem", description = "A problem detail whose errors[] name the CSV line (the header is line 1) and column")
    record ImportProblem(String type, String title, int status, String detail, String instance, String field,
            List<ImportError> errors) {
    }

    record ImportError(int line, String column, String field, String message) {
    }

    static Response importRefused(String path, int status, List<RigCsv.LineError> errors) {
        List<ImportError> list = errors.stream()
                .map(e -> new ImportError(e.line(), e.column(), e.column(), e.message())).toList();
        String detail = errors.size() == 1 ? errors.get(0).toString()
                : errors.size() + " problems in the file; nothing was imported. See errors.";
        if (errors.size() == 1) {
            detail += " Nothing was imported.";
        }
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new ImportProblem("about:blank", "The file was not imported", status, detail, path,
                        errors.get(0).column(), list))
                .build();
    }
}
