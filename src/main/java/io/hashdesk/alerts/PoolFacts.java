package io.hashdesk.alerts;

import io.hashdesk.earnings.RecentRealized;

/**
 * One of an operator's pool accounts as the pool kinds read it: its name, fetch state, underpayment
 * threshold (%) and its realized % over its last reconciled days (null: not read, or too few such days).
 */
public record PoolFacts(long id, String name, String state, double thresholdPercent, RecentRealized.Realized realized) {

    public PoolFacts(long id, String name, String state) {
        this(id, name, state, 90, null);
    }
}
