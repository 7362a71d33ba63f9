package io.hashdesk.fleet;

import io.hashdesk.web.FormErrors;

/** The saved entity, or the errors by field (JSON names, e.g. "tariff.bands[0].days") and nothing saved. */
public record Saved<T>(T value, FormErrors errors) {

    static <T> Saved<T> of(T value) {
        return new Saved<>(value, FormErrors.none());
    }

    static <T> Saved<T> refused(T value, FormErrors errors) {
        return new Saved<>(value, errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
