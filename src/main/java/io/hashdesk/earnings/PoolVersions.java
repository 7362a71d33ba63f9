package io.hashdesk.earnings;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.hashdesk.web.LruCache;

/**
 * A version per operator of what their pool accounts hold, raised on every fetch and every change of
 * an account on this instance, so that a card keyed by it shows a new fetch at once (another instance's
 * fetch shows within the card's freshness, see {@link EarningsCard}). Raised inside a transaction, it is
 * raised again when the transaction ends: a view computed between the change and the commit read the
 * old rows under the new version, and must not be kept past the commit.
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

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Marks the operator's pool data changed, now and (inside a transaction) again once it has ended. */
    public void changed(long operatorId) {
        bump(operatorId);
        if (transactions.getTransactionKey() != null) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    bump(operatorId);
                }
            });
        }
    }

    private void bump(long operatorId) {
        versions.put(operatorId, next.incrementAndGet());
    }
}
