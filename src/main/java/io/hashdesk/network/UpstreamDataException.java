package io.hashdesk.network;

/** A source answered, but with something we refuse to believe (missing fields, wrong types, lies). */
public class UpstreamDataException extends RuntimeException {

    public UpstreamDataException(String message) {
        super(message);
    }
}
