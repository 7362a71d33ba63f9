package io.hashdesk.fleet;

import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.account.Operator;

/** {@code GET /rigs.csv}: the operator's rig groups as a CSV file (see {@link RigCsv}). */
@Path("/rigs.csv")
public class RigsCsvResource {

    @Inject
    FleetService fleet;

    @Inject
    CurrentOperator current;

    @GET
    @Produces("text/csv; charset=UTF-8")
    public Response export() {
        Operator owner = current.get();
        String day = LocalDate.now(ZoneId.of("UTC")).toString();
        return Response.ok(RigCsv.write(fleet.rigs(owner)))
                .header("Content-Disposition", "attachment; filename=\"hashdesk-rigs-" + day + ".csv\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
