package io.hashdesk.account;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who a script is acting as: lets a script check its token before doing anything else. */
@Path("/api/v1/me")
@Tag(name = "Account", description = "The account a session or token acts for.")
@Produces(MediaType.APPLICATION_JSON)
public class MeApiResource {

    public record Me(long id, String email, boolean emailVerified, String timezone, String displayCurrency) {
    }

    @Inject
    CurrentOperator current;

    @GET
    @Operation(summary = "Which account this token or session belongs to")
    public Me me() {
        Operator operator = current.get();
        return new Me(operator.id, operator.email, operator.emailVerified(), operator.timezone,
                operator.displayCurrency);
    }
}
