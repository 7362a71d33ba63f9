package io.hashdesk.network;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestContext;

import io.vertx.core.http.HttpClientRequest;

/**
 * Upstream answers are read up to {@link #MAX_BYTES}: a body announced as larger is refused before it
 * is read, and one that turns out larger (chunked, no length given) is refused when the limit is crossed;
 * either way the connection is reset, so nothing more is received. Every answer hashdesk reads is a few
 * kilobytes (the 90-day hashrate history is the largest, ~10 KB).
 * <p>
 * This holds only for client methods that return {@link InputStream} (read by {@link UpstreamJson#call}):
 * the REST client then hands the body over chunk by chunk as it is read, on the caller's worker thread.
 * A method returning String has its whole body buffered on the event loop before any filter or
 * interceptor runs; the interceptor below then only refuses it after the fact.
 */
public class UpstreamSizeLimit implements ClientResponseFilter, ReaderInterceptor {

    /** 2 MiB. */
    static final int MAX_BYTES = 2 * 1024 * 1024;

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        HttpClientRequest connection = request instanceof ResteasyReactiveClientRequestContext rr
                ? rr.unwrap(HttpClientRequest.class)
                : null;
        if (response.getLength() > MAX_BYTES) {
            abort(connection);
            throw tooLarge(request.getUri().getPath());
        }
        if (response.hasEntity() && !(response.getEntityStream() instanceof Bounded)) {
            response.setEntityStream(new Bounded(response.getEntityStream(), connection, request.getUri().getPath()));
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!(context.getInputStream() instanceof Bounded)) {
            context.setInputStream(new Bounded(context.getInputStream(), null, "upstream"));
        }
        return context.proceed();
    }

    static UpstreamDataException tooLarge(String what) {
        return new UpstreamDataException(what + ": the answer is larger than " + MAX_BYTES / (1024 * 1024)
                + " MB; refused");
    }

    /** Resets the request: for HTTP/1.1 the connection is closed, so the rest of the body is never received. */
    private static void abort(HttpClientRequest connection) {
        if (connection != null) {
            connection.reset();
        }
    }

    /** Counts what is read and stops past the limit, resetting the connection. */
    static final class Bounded extends FilterInputStream {
        private final HttpClientRequest connection;
        private final String what;
        private long read;

        Bounded(InputStream in, HttpClientRequest connection, String what) {
            super(in);
            this.connection = connection;
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > MAX_BYTES) {
                abort(connection);
                throw tooLarge(what);
            }
        }
    }

    /**
     * The whole body as text (UTF-8), read from the stream a client method returned; closed afterwards.
     *
     * @throws UpstreamDataException past {@link #MAX_BYTES} (the stream is a {@link Bounded} one)
     */
    static String text(InputStream body) throws IOException {
        if (body == null) {
            return null;
        }
        try (InputStream in = body instanceof Bounded ? body : new Bounded(body, null, "upstream")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
