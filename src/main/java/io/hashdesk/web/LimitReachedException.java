package io.hashdesk.web;

/**
 * An operator asked for more than one account may hold (sites, rig groups, saved scenarios): answered
 * 422 with what the limit is and what to do, nothing saved.
 */
public class LimitReachedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The field (JSON name) the request was about, for problem+json; null when it is the whole request. */
    public final String field;

    public LimitReachedException(String field, String message) {
        super(message);
        this.field = field;
    }
}
