package io.hashdesk.fleet;

import java.io.IOException;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.hashdesk.web.JsonPaths;
import io.hashdesk.web.Problem;

/**
 * Reads fleet JSON bodies strictly, so a script's mistake is an error instead of a guess: unknown
 * fields, a string where a number belongs ("12"), a fraction where a whole number belongs (1.5), a
 * number where text belongs, NaN/Infinity and trailing content are refused, with a 400
 * problem+json naming the field (answered by the resource itself, so the problem media type is kept).
 * Only fleet bodies are read this way; the application-wide mapper is left as it is.
 */
@ApplicationScoped
public class StrictJson {

    @Inject
    ObjectMapper mapper;

    private ObjectMapper strict;

    @PostConstruct
    @SuppressWarnings("deprecation")
    void init() {
        strict = mapper.copy();
        strict.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        strict.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        strict.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        for (LogicalType type : new LogicalType[] { LogicalType.Integer, LogicalType.Float, LogicalType.Boolean }) {
            strict.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        strict.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    /** A body that is not acceptable JSON, with the field at fault when there is one. */
    public static class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        public final String field;

        Refused(String field, String message) {
            super(message);
            this.field = field;
        }

        /** 400 problem+json, in the same shape as {@code ErrorMapper}'s. */
        public Response response(String path) {
            Problem problem = field == null ? Problem.of(400, "Malformed JSON", getMessage(), path)
                    : Problem.invalid(path, List.of(new Problem.FieldError(field, getMessage())));
            return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
        }
    }

    /** The body as {@code type}; an empty body or a JSON null is refused too. */
    public <T> T read(byte[] body, Class<T> type) throws Refused {
        if (body == null || body.length == 0) {
            throw new Refused(null, "The body is empty; send a JSON object.");
        }
        T value;
        try {
            value = strict.readerFor(type).readValue(body);
        } catch (JsonMappingException e) {
            String field = JsonPaths.of(e);
            if (field.isEmpty()) {
                // Jackson's own message names our classes: say what is expected instead.
                throw new Refused(null, "The body must be one JSON object with the fields of a "
                        + type.getSimpleName().replace("Json", "").replace("Rig", "rig group").replace("Site", "site")
                        + " (see the JSON API in the README).");
            }
            String message = e instanceof UnrecognizedPropertyException ? "is not a field of this object"
                    : "has the wrong type or format";
            throw new Refused(field, message);
        } catch (IOException e) {
            String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new Refused(null, "The body is not valid JSON: " + detail);
        }
        if (value == null) {
            throw new Refused(null, "The body is null; send a JSON object.");
        }
        return value;
    }
}
