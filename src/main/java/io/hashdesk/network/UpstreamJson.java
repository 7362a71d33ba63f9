package io.hashdesk.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reading upstream (mempool, esplora) JSON field by field, refusing anything that is not exactly what we expect. */
final class UpstreamJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private UpstreamJson() {
    }

    static JsonNode parse(String what, String body) {
        if (body == null || body.isBlank()) {
            throw new UpstreamDataException(what + ": empty body");
        }
        if (body.length() > UpstreamSizeLimit.MAX_BYTES) {
            throw UpstreamSizeLimit.tooLarge(what);
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw new UpstreamDataException(what + ": not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new UpstreamDataException(what + ": malformed JSON");
        }
    }

    static double number(String what, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new UpstreamDataException(what + ": '" + field + "' missing or not a number");
        }
        return v.asDouble();
    }

    static long integer(String what, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new UpstreamDataException(what + ": '" + field + "' missing or not an integer");
        }
        return v.asLong();
    }

    /** Sat amounts that mempool sends as JSON strings ("470000000000"); numbers are accepted too. */
    static long sats(String what, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v != null && v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        if (v != null && v.isTextual() && v.asText().matches("\\d{1,19}")) {
            BigInteger b = new BigInteger(v.asText());
            if (b.bitLength() < 63) {
                return b.longValue();
            }
        }
        throw new UpstreamDataException(what + ": '" + field + "' missing or not an amount of sats");
    }

    /**
     * Calls upstream and reads the answer's body as text, at most {@link UpstreamSizeLimit#MAX_BYTES} of it,
     * on this (worker) thread; a refusal raised while the answer was read (too large) comes out as the
     * {@link UpstreamDataException} it is, whatever the client wrapped it in.
     */
    static String call(Supplier<InputStream> request) {
        try {
            return UpstreamSizeLimit.text(request.get());
        } catch (IOException e) {
            // Cut off or timed out while reading: a network failure like any other (retried).
            throw refusalIn(e, new UncheckedIOException(e));
        } catch (RuntimeException e) {
            throw refusalIn(e, e);
        }
    }

    private static RuntimeException refusalIn(Throwable e, RuntimeException otherwise) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UpstreamDataException refused) {
                return refused;
            }
        }
        return otherwise;
    }

    /** A bare non-negative integer in a text body (tip height). */
    static long plainInteger(String what, String body) {
        String t = body == null ? "" : body.trim();
        if (!t.matches("\\d{1,12}")) {
            throw new UpstreamDataException(what + ": not a block height");
        }
        return Long.parseLong(t);
    }
}
