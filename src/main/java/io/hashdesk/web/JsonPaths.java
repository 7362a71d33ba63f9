package io.hashdesk.web;

import com.fasterxml.jackson.databind.JsonMappingException;

/** The field a JSON mapping error is about, as the client named it: "tariff.bands[0].days". */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** The path of the failing field, or "" when the error is about the whole body. */
    public static String of(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
