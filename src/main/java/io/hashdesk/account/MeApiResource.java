package io.hashdesk.account;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Who a script is acting as: lets a script check its token before doing anything else. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeApiResource {

    public record Me(long id, String email, boolean emailVerified, String timezone) {
    }

    @Inject
    CurrentOperator current;

    @GET
    public Me me() {
        Operator operator = current.get();
        return new Me(operator.id, operator.email, operator.emailVerified(), operator.timezone);
    }
}
