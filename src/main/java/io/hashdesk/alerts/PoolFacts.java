package io.hashdesk.alerts;

/** One of an operator's pool accounts as the pool kinds read it: its name and fetch state. */
public record PoolFacts(long id, String name, String state) {
}
