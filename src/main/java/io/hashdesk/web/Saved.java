package io.hashdesk.web;

/**
 * What a service answers to a write: the saved value, or the errors by field (JSON names, e.g.
 * "tariff.bands[0].days") and nothing saved. The page shows the errors beside the fields, the API as
 * problem+json naming them. A refusal may still carry the value the form was editing.
 */
public record Saved<T>(T value, FormErrors errors) {

    public static <T> Saved<T> of(T value) {
        return new Saved<>(value, FormErrors.none());
    }

    public static <T> Saved<T> refused(T value, FormErrors errors) {
        return new Saved<>(value, errors);
    }

    public static <T> Saved<T> refused(FormErrors errors) {
        return new Saved<>(null, errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
