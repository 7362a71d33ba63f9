package io.hashdesk.earnings;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

/** Spaces this instance's requests to one pool API at least {@code interval} apart (Braiins: about 5 s). */
@ApplicationScoped
public class RateGate {

    private long nextAllowedNanos = System.nanoTime();

    /** Waits until a request may go out, and books the slot. */
    public void await(Duration interval) {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long at = Math.max(now, nextAllowedNanos);
            nextAllowedNanos = at + interval.toNanos();
            wait = at - now;
        }
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
