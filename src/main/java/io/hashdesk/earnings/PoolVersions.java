package io.hashdesk.earnings;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.hashdesk.web.LruCache;

/**
 * A version per operator of what their pool accounts hold, raised on every fetch and every change of
 * an account on this instance, so that a card keyed by it shows a new fetch at once (another instance's
 * fetch shows within the card's freshness, see {@link EarningsCard}).
 */
@ApplicationScoped
public class PoolVersions {

    private final AtomicLong next = new AtomicLong();
    private final LruCache<Long, Long> versions = LruCache.ofCount(100_000);

    /** The operator's current version; 0 until something changed since start. */
    public long of(long operatorId) {
        Long v = versions.get(operatorId);
        return v == null ? 0 : v;
    }

    /** Marks the operator's pool data changed. */
    public void changed(long operatorId) {
        versions.put(operatorId, next.incrementAndGet());
    }
}
