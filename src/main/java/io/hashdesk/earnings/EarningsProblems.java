package io.hashdesk.earnings;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.Response;

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

    /** 400: a query parameter the route cannot read. */
    static Response badParameter(String path, String field, String message) {
        return Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(Problem.invalid(path, List.of(new Problem.FieldError(field, message)))).build();
    }
}
