package io.hashdesk.earnings;

import java.time.LocalDate;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.currency.DisplayFx;
import io.hashdesk.currency.Fx;
import io.hashdesk.network.NetworkService;
import io.hashdesk.network.NetworkView;
import io.hashdesk.web.LruCache;

/**
 * Credited vs expected by UTC day and account, for scripts (the /earnings page's figures), answered from
 * the report {@link EarningsReports} keeps for the range: the page's 90 days and a script's repeated range
 * are reconciled once while nothing changes. The answer itself is kept as JSON bytes per report, account
 * and network snapshot (the display currency's rates): 90 days of 50 accounts are 1.2 MB of JSON, whose
 * writing cost more than the reconciliation once the report was kept.
 */
@Path("/api/v1/earnings")
@Produces(MediaType.APPLICATION_JSON)
public class EarningsApiResource {

    /** The longest range one request may ask for. */
    static final int MAX_DAYS = 1_000;

    @Inject
    PoolService pools;

    @Inject
    EarningsReports reports;

    @Inject
    CurrentOperator current;

    @Inject
    DisplayFx displayFx;

    @Inject
    NetworkService network;

    /** The report, with the display currency at the live rates (money stays in the ...Usd fields). */
    public record Body(List<Reconciliation.DayRow> days, Reconciliation.Totals totals, Fx fx) {
    }

    /** What an answer shows: the report, the account (null: all), the snapshot whose rates price it. */
    private record AnswerKey(long report, Long poolId, long snapshot) {
    }

    /** Answers kept as JSON, by their bytes (4 MB: a few 90-day answers of 50 accounts). */
    private final LruCache<AnswerKey, byte[]> answers = LruCache.<AnswerKey, byte[]> ofBytes(4L * 1024 * 1024,
            b -> b.length + 64L).freshFor(EarningsReports.FRESH);

    @Inject
    ObjectMapper mapper;

    @GET
    public Response earnings(@QueryParam("from") String fromText, @QueryParam("to") String toText,
            @QueryParam("poolId") Long poolId, UriInfo uri) {
        String path = uri.getPath();
        LocalDate yesterday = reports.lastClosedDay();
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
        EarningsReports.Kept kept = reports.get(reports.key(current.signedInOperator(), from, to));
        if (poolId != null && kept.account(poolId) == null) {
            pools.account(current.get(), poolId); // another operator's or none: 404, like a missing one
            kept = reports.again(kept.key()); // made on another instance since the report was kept
        }
        NetworkView view = network.latest();
        EarningsReports.Kept report = kept;
        byte[] json = answers.computeOnce(new AnswerKey(kept.made(), poolId, view.version()), k -> json(report, poolId, view));
        return Response.ok(json, MediaType.APPLICATION_JSON + ";charset=UTF-8").build();
    }

    private byte[] json(EarningsReports.Kept kept, Long poolId, NetworkView view) {
        List<Reconciliation.DayRow> days = poolId == null ? kept.report().days()
                : kept.report().days().stream().filter(d -> d.poolId() == poolId).toList();
        Reconciliation.Totals totals = poolId == null ? kept.report().totals() : Reconciliation.totals(days);
        try {
            return mapper.writeValueAsBytes(new Body(days, totals, displayFx.at(view)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The earnings answer could not be written as JSON", e);
        }
    }
}
