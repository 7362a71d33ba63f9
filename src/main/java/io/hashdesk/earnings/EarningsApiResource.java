package io.hashdesk.earnings;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.account.Operator;
import io.hashdesk.currency.DisplayFx;
import io.hashdesk.currency.Fx;
import io.hashdesk.network.NetworkService;

/** Credited vs expected by UTC day and account, for scripts (the /earnings page's figures). */
@Path("/api/v1/earnings")
@Produces(MediaType.APPLICATION_JSON)
public class EarningsApiResource {

    /** The longest range one request may ask for. */
    static final int MAX_DAYS = 1_000;

    @Inject
    PoolService pools;

    @Inject
    Reconciliation reconciliation;

    @Inject
    CurrentOperator current;

    @Inject
    DisplayFx displayFx;

    @Inject
    NetworkService network;

    /** The report, with the display currency at the live rates (money stays in the ...Usd fields). */
    public record Body(List<Reconciliation.DayRow> days, Reconciliation.Totals totals, Fx fx) {
    }

    @GET
    public Response earnings(@QueryParam("from") String fromText, @QueryParam("to") String toText,
            @QueryParam("poolId") Long poolId, UriInfo uri) {
        String path = uri.getPath();
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        LocalDate to;
        LocalDate from;
        try {
            to = toText == null || toText.isBlank() ? yesterday : LocalDate.parse(toText.strip());
        } catch (DateTimeParseException e) {
            return EarningsProblems.badParameter(path, "to", "Give a UTC day as YYYY-MM-DD, e.g. 2026-11-30.");
        }
        try {
            from = fromText == null || fromText.isBlank() ? to.minusDays(29) : LocalDate.parse(fromText.strip());
        } catch (DateTimeParseException e) {
            return EarningsProblems.badParameter(path, "from", "Give a UTC day as YYYY-MM-DD, e.g. 2026-11-01.");
        }
        if (from.isAfter(to)) {
            return EarningsProblems.badParameter(path, "from", "The first day (" + from + ") is after the last (" + to + ").");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            return EarningsProblems.badParameter(path, "from", "Ask for at most " + MAX_DAYS + " days at a time.");
        }
        Operator owner = current.get();
        List<PoolAccount> accounts = poolId == null ? pools.accounts(owner) : List.of(pools.account(owner, poolId));
        Reconciliation.Report report = reconciliation.report(accounts, from, to);
        return Response.ok(new Body(report.days(), report.totals(), displayFx.at(network.latest()))).build();
    }
}
