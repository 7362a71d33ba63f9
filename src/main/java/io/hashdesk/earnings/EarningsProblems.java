package io.hashdesk.earnings;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.Response;

import io.hashdesk.web.CsvReader;
import io.hashdesk.web.FormErrors;
import io.hashdesk.web.Problem;

/** The pools and earnings API's answers to input it cannot accept, as RFC 9457 problem details. */
final class EarningsProblems {

    private EarningsProblems() {
    }

    /** 422: well-formed input whose values break a rule; every offending field named. */
    static Response invalid(String path, FormErrors errors) {
        List<Problem.FieldError> list = new ArrayList<>();
        errors.asMap().forEach((field, message) -> list.add(new Problem.FieldError(field, message)));
        return Response.status(422).type(Problem.MEDIA_TYPE)
                .entity(Problem.invalid(path, list).withStatus(422, "Invalid request")).build();
    }

    /** A problem detail whose errors[] name the CSV line (the header is line 1) and column. */
    record LineProblem(String type, String title, int status, String detail, String instance, String field,
            List<LineErrorJson> errors) {
    }

    record LineErrorJson(int line, String column, String field, String message) {
    }

    /** 422: an upload refused whole, every problem named by line and column. */
    static Response uploadRefused(String path, List<CsvReader.LineError> errors) {
        List<LineErrorJson> list = errors.stream()
                .map(e -> new LineErrorJson(e.line(), e.column(), e.column(), e.message())).toList();
        String detail = errors.size() == 1 ? errors.get(0) + " Nothing was stored."
                : errors.size() + " problems in the file; nothing was stored. See errors.";
        String field = errors.stream().map(CsvReader.LineError::column).filter(c -> c != null).findFirst().orElse(null);
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(new LineProblem("about:blank",
                "The file cannot be stored", 422, detail, path, field, list)).build();
    }

    /** 400: a query parameter the route cannot read. */
    static Response badParameter(String path, String field, String message) {
        return Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(Problem.invalid(path, List.of(new Problem.FieldError(field, message)))).build();
    }
}
