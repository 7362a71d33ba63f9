package io.hashdesk.network;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * Upstream answers are read up to {@link #MAX_BYTES}: a body announced as larger is refused before it
 * is read, and one that turns out larger (no length given) is refused when the limit is crossed.
 * Every answer hashdesk reads is a few kilobytes (the 90-day hashrate history is the largest, ~10 KB).
 */
public class UpstreamSizeLimit implements ClientResponseFilter, ReaderInterceptor {

    /** 2 MiB. */
    static final int MAX_BYTES = 2 * 1024 * 1024;

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (response.getLength() > MAX_BYTES) {
            throw tooLarge(request.getUri().getPath());
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Bounded(context.getInputStream()));
        return context.proceed();
    }

    static UpstreamDataException tooLarge(String what) {
        return new UpstreamDataException(what + ": the answer is larger than " + MAX_BYTES / (1024 * 1024)
                + " MB; refused");
    }

    /** Counts what is read and stops past the limit. */
    private static final class Bounded extends FilterInputStream {
        private long read;

        Bounded(InputStream in) {
            super(in);
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
                throw tooLarge("upstream");
            }
        }
    }
}
