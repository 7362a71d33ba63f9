package io.hashdesk.projection;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hashdesk.HashdeskConfig;
import io.vertx.ext.web.RoutingContext;
import io.hashdesk.web.TooBusyException;

/**
 * Admission of heavy projection requests (price paths, every group's daily series, CSV): at most
 * {@code hashdesk.projection.heavy-per-operator} at once per operator and
 * {@code hashdesk.projection.heavy-overall} at once in all, so no account, nor many accounts together,
 * can occupy every core. A request past either is refused at once (429, Retry-After), never queued.
 */
@ApplicationScoped
public class HeavyWork {

    static final int RETRY_AFTER_SECONDS = 5;

    @Inject
    HashdeskConfig config;

    private final AtomicInteger running = new AtomicInteger();
    private final ConcurrentHashMap<Long, Integer> byOperator = new ConcurrentHashMap<>();

    /** A place taken; {@link #close()} gives it back (once, whoever calls it first). */
    public final class Permit implements AutoCloseable {
        private final long operatorId;
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Permit(long operatorId) {
            this.operatorId = operatorId;
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                running.decrementAndGet();
                release(operatorId);
            }
        }
    }

    /** @throws TooBusyException when the operator, or everyone together, already runs as many as allowed */
    public Permit acquire(long operatorId) {
        int[] mine = new int[1];
        byOperator.compute(operatorId, (k, n) -> mine[0] = (n == null ? 0 : n) + 1);
        if (mine[0] > config.projection().heavyPerOperator()) {
            release(operatorId);
            throw new TooBusyException("You already have " + config.projection().heavyPerOperator()
                    + " large projections (price paths, daily series or CSV) running. Wait for them to finish, then try again.",
                    RETRY_AFTER_SECONDS);
        }
        if (running.incrementAndGet() > config.projection().heavyOverall()) {
            running.decrementAndGet();
            release(operatorId);
            throw new TooBusyException("hashdesk is busy with other large projections. Try again in a few seconds.",
                    RETRY_AFTER_SECONDS);
        }
        return new Permit(operatorId);
    }

    /**
     * The same, given back when the answer has been written or the connection closed, whichever the
     * caller's own {@code close()} does not reach (a streamed body is written after the method returns).
     */
    public Permit acquire(long operatorId, RoutingContext routing) {
        Permit permit = acquire(operatorId);
        routing.addEndHandler(done -> permit.close());
        return permit;
    }

    private void release(long operatorId) {
        byOperator.computeIfPresent(operatorId, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** Places in use in all (tests, metrics). */
    public int running() {
        return running.get();
    }
}
