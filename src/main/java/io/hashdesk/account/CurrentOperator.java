package io.hashdesk.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.NotAuthorizedException;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is signed in for this request; templates read it as {@code inject:session}. */
@Named("session")
@RequestScoped
public class CurrentOperator {

    @Inject
    SecurityIdentity identity;

    private Operator operator;

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    public String getEmail() {
        return isSignedIn() ? identity.getPrincipal().getName() : null;
    }

    /**
     * Who is signed in, as read with the session check (no further query); for a personal API token,
     * from the operator entity loaded in this request. (Not named signedIn(): templates read
     * {@code inject:session.signedIn} as isSignedIn().)
     */
    public SignedIn signedInOperator() {
        SignedIn who = identity.getAttribute(SignedIn.ATTRIBUTE);
        if (who != null) {
            return who;
        }
        Operator o = get(); // loaded in this request, so its fleet version is current
        return new SignedIn(o.id, o.email, o.timezone, o.fleetVersion);
    }

    /** The signed-in operator; throws if nobody is signed in (private routes never reach that). */
    public Operator get() {
        if (operator == null) {
            if (!isSignedIn()) {
                throw new NotAuthorizedException("Bearer");
            }
            operator = Operator.findByEmail(getEmail())
                    .orElseThrow(() -> new NotAuthorizedException("Bearer"));
        }
        return operator;
    }
}
