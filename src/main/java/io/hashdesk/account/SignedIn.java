package io.hashdesk.account;

/**
 * The signed-in operator as read once per request with the session check ({@link SessionIdentityProvider}):
 * enough for pages that only read (who, which time zone, which fleet version) without loading the entity.
 *
 * @param fleetVersion the operator's fleet version when the request began (see FleetService)
 */
public record SignedIn(long id, String email, String timezone, long fleetVersion) implements FleetOwner {

    /** Name of the security identity attribute that carries it. */
    public static final String ATTRIBUTE = "hashdesk.signed-in";

    @Override
    public long ownerId() {
        return id;
    }
}
