package io.hashdesk.network;

/**
 * Fired (synchronously, as a CDI event) after a refresh stored a new snapshot, with the view every page
 * now reads: the alerts evaluate their rules on it. An observer's failure never undoes the refresh.
 */
public record SnapshotStored(NetworkView view) {
}
