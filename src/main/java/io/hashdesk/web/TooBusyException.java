package io.hashdesk.web;

/**
 * Too many heavy requests are running (for this operator or overall): answered 429 with Retry-After,
 * nothing computed.
 */
public class TooBusyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Seconds after which the client may try again. */
    public final int retryAfterSeconds;

    public TooBusyException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }
}
