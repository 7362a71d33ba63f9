package io.hashdesk.account;

/**
 * Whoever a fleet's figures are asked for: the operator entity (jobs, mail, forms) or the signed-in
 * operator read with the session check (pages and JSON, which then need no query for the fleet version).
 */
public interface FleetOwner {

    /** The operator's id. */
    long ownerId();
}
