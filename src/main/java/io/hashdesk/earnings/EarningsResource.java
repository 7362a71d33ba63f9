package io.hashdesk.earnings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.account.SignedIn;
import io.hashdesk.network.NetworkService;
import io.hashdesk.web.CachedBody;
import io.hashdesk.web.LruCache;
import io.hashdesk.web.chart.LineChart;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Credited vs expected over the last 7, 30 or 90 closed UTC days ({@code ?days=}, 30 by default): every
 * account's standing, a chart and a table by UTC day summed over the accounts; {@code ?poolId=} shows one
 * account's days. Each view is cut from the operator's kept 90-day report ({@link EarningsReports}) and its
 * content is kept as bytes per report, period, account and network snapshot (the display currency's
 * rates), computed once when many views arrive together; the layout around it is rendered per request.
 */
@Path("/earnings")
@Produces(MediaType.TEXT_HTML)
public class EarningsResource {

    /** The overview: the accounts, the chart and the days summed over the accounts. */
    public record Overview(EarningsPeriod period, List<EarningsPeriod.AccountRow> accounts,
            List<EarningsPeriod.DaySum> days, LineChart chart, Reconciliation.Totals totals, Double uptime) {
    }

    /** One account's view: its standing, its chart and its days, newest first. */
    public record AccountView(EarningsPeriod period, EarningsPeriod.AccountRow row, List<Reconciliation.DayRow> days,
            LineChart chart, Reconciliation.Totals totals) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(String body);

        static native TemplateInstance body(Overview v);

        static native TemplateInstance account(AccountView v);
    }

    /** What a view's content shows: the report it is cut from, the period, the account (0: all), the rates. */
    private record BodyKey(long report, int days, long poolId, long snapshot) {
    }

    /** Rendered contents, by the bytes they hold: a 90-day view is some 50 KB. */
    private final LruCache<BodyKey, byte[]> bodies = LruCache.<BodyKey, byte[]> ofBytes(4L * 1024 * 1024,
            b -> b.length + 64L).freshFor(EarningsReports.FRESH);

    @Inject
    CurrentOperator current;

    @Inject
    EarningsReports reports;

    @Inject
    PoolService pools;

    @Inject
    NetworkService network;

    @GET
    public Response index(@QueryParam("days") String daysText, @QueryParam("poolId") String poolText) {
        int days = days(daysText);
        long poolId = poolId(poolText);
        SignedIn who = current.signedInOperator();
        EarningsReports.Kept kept = reports.get(reports.pageKey(who));
        if (poolId != 0 && kept.account(poolId) == null) {
            pools.account(current.get(), poolId); // another operator's or none: 404, like a missing one
            kept = reports.again(kept.key()); // made on another instance since the report was kept
            if (kept.account(poolId) == null) {
                throw new NotFoundException();
            }
        }
        EarningsReports.Kept from = kept;
        byte[] body = bodies.computeOnce(new BodyKey(kept.made(), days, poolId, network.latest().version()),
                k -> CachedBody.utf8(render(from, new EarningsPeriod(days, from.key().to()), poolId)));
        return Response.ok(CachedBody.page(Templates.index(CachedBody.SLOT), body), MediaType.TEXT_HTML + ";charset=UTF-8")
                .build();
    }

    /** The period asked for: 7, 30 or 90 days; nothing asked, 30. */
    static int days(String text) {
        if (text == null || text.isBlank()) {
            return EarningsPeriod.DEFAULT_DAYS;
        }
        for (int choice : EarningsPeriod.CHOICES) {
            if (text.strip().equals(Integer.toString(choice))) {
                return choice;
            }
        }
        throw new BadRequestException("The earnings page shows the last 7, 30 or 90 closed UTC days: ask for days=7,"
                + " days=30 or days=90.");
    }

    /** The account asked for, 0 for all; not a number: 404 like an account that is not the operator's. */
    static long poolId(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        if (!text.strip().matches("[1-9]\\d{0,17}")) {
            throw new NotFoundException();
        }
        return Long.parseLong(text.strip());
    }

    private String render(EarningsReports.Kept kept, EarningsPeriod period, long poolId) {
        Reconciliation.Report report = kept.report();
        Map<Long, List<Reconciliation.DayRow>> byAccount = EarningsPeriod.byAccount(report);
        if (poolId != 0) {
            EarningsReports.Account a = kept.account(poolId);
            List<Reconciliation.DayRow> rows = byAccount.getOrDefault(poolId, List.of());
            EarningsPeriod.AccountRow row = period.account(a, rows, report.nameplateThs().getOrDefault(poolId, 0.0));
            List<Reconciliation.DayRow> mine = period.within(rows);
            return Templates.account(new AccountView(period, row, EarningsPeriod.newestFirst(mine),
                    period.chart(mine, "this account"), Reconciliation.totals(mine))).render();
        }
        List<EarningsPeriod.AccountRow> rows = new ArrayList<>();
        for (EarningsReports.Account a : kept.accounts()) {
            rows.add(period.account(a, byAccount.getOrDefault(a.id(), List.of()),
                    report.nameplateThs().getOrDefault(a.id(), 0.0)));
        }
        List<Reconciliation.DayRow> inPeriod = period.within(report.days());
        return Templates.body(new Overview(period, rows, period.sums(inPeriod, kept.accounts().size()),
                period.chart(inPeriod, "all accounts"), Reconciliation.totals(inPeriod),
                EarningsPeriod.uptime(inPeriod, period.from()))).render();
    }
}
