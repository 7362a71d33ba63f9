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
