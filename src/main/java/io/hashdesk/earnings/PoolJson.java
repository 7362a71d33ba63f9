package io.hashdesk.earnings;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A pool account as scripts read it. The token is never part of an answer: {@code tokenSet} says
 * whether one is stored.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PoolJson(long id, String name, String kind, Long siteId, boolean tokenSet, String address,
        double thresholdPercent, String state, String lastError, Instant lastFetchAt, long daysStored) {

    static PoolJson of(PoolAccount a, long daysStored, String unreadable) {
        return new PoolJson(a.id, a.name, a.kind, a.siteId, a.tokenSealed != null, a.address, a.thresholdPercent,
                unreadable != null ? PoolAccount.ERROR : a.state, unreadable != null ? unreadable : a.lastError,
                a.lastFetchAt, daysStored);
    }
}
