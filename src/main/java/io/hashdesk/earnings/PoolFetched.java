package io.hashdesk.earnings;

/** A pool fetch stored days or changed an account's state (fired after its transaction committed). */
public record PoolFetched(long poolId, String state) {
}
