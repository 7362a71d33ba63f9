package io.hashdesk.earnings;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.account.Operator;
import io.hashdesk.account.SignedIn;
import io.hashdesk.web.LruCache;
import io.hashdesk.web.chart.LineChart;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Credited vs expected over the last 30 closed UTC days: a chart, each account's realized %, flags. The
 * page's content is kept per operator, fleet version, pool version ({@link PoolVersions}), network
 * history version and UTC day for {@link Rendered#FRESH}, as the dashboard's card is: at 50 accounts it is
 * 1,500 reconciled rows, and a view should cost what a dashboard view does.
 */
@Path("/earnings")
@Produces(MediaType.TEXT_HTML)
public class EarningsResource {

    static final int DAYS = 30;
    /** An account is flagged when its realized % over this many last days is below its threshold. */
    static final int FLAG_DAYS = 3;

    /** One account's standing; percentages null when no day of the window has an expected side. */
    public record AccountRow(PoolAccount account, Double realized7, Double realized30, Double uptime30,
            Double realized3, boolean flagged, int daysWithoutHistory) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(String body);

        static native TemplateInstance body(List<AccountRow> accounts, LineChart chart,
                List<Reconciliation.DayRow> days, Map<Long, String> names, Reconciliation.Totals totals);
    }

    @Inject
    PoolService pools;

    @Inject
    Reconciliation reconciliation;

    @Inject
    CurrentOperator current;

    @Inject
    PoolVersions versions;

    @Inject
    NetworkHistory history;

    @Inject
    Rendered rendered;

    /** Page contents rendered lately, shared by every request. */
    @ApplicationScoped
    static class Rendered {
        static final Duration FRESH = Duration.ofMinutes(1);

        record Key(long operatorId, long fleetVersion, long poolVersion, long historyVersion, LocalDate today) {
        }

        final LruCache<Key, String> pages = LruCache.<Key, String> ofCount(1_000).freshFor(FRESH);
    }

    @GET
    public TemplateInstance index() {
        SignedIn who = current.signedInOperator();
        Rendered.Key key = new Rendered.Key(who.id(), who.fleetVersion(), versions.of(who.id()), history.version(),
                LocalDate.now(ZoneOffset.UTC));
        return Templates.index(rendered.pages.computeIfAbsent(key, k -> body(k.today())));
    }

    private String body(LocalDate today) {
        Operator owner = current.get();
        LocalDate to = today.minusDays(1);
        LocalDate from = to.minusDays(DAYS - 1L);
        List<PoolAccount> accounts = pools.accounts(owner);
        Reconciliation.Report report = reconciliation.report(accounts, from, to);
        List<AccountRow> rows = new ArrayList<>();
        Map<Long, String> names = new TreeMap<>();
        for (PoolAccount a : accounts) {
            names.put(a.id, a.name);
            List<Reconciliation.DayRow> mine = report.days().stream().filter(d -> d.poolId() == a.id).toList();
            Double r3 = realized(mine, to.minusDays(FLAG_DAYS - 1L), false);
            int missing = (int) mine.stream().filter(d -> d.expectedBtc() == null).count();
            rows.add(new AccountRow(a, realized(mine, to.minusDays(6), false), realized(mine, from, false),
                    realized(mine, from, true), r3, r3 != null && r3 < a.thresholdPercent, missing));
        }
        List<Reconciliation.DayRow> newestFirst = new ArrayList<>(report.days());
        java.util.Collections.reverse(newestFirst);
        return Templates.body(rows, chart(report, from), newestFirst, names, report.totals()).render();
    }

    /** Credited over expected (or over expected at full uptime) on the days from {@code since} with an expected side. */
    static Double realized(List<Reconciliation.DayRow> days, LocalDate since, boolean fullUptime) {
        double c = 0;
        double e = 0;
        for (Reconciliation.DayRow d : days) {
            if (!d.date().isBefore(since) && d.expectedBtc() != null) {
                c += d.creditedBtc();
                e += fullUptime ? d.creditedBtc() * 100 / d.effectiveUptimePercent() : d.expectedBtc();
            }
        }
        return e > 0 ? 100 * c / e : null;
    }

    private static LineChart chart(Reconciliation.Report report, LocalDate from) {
        Map<LocalDate, double[]> byDay = new TreeMap<>();
        for (Reconciliation.DayRow d : report.days()) {
            if (d.expectedBtc() != null) {
                double[] s = byDay.computeIfAbsent(d.date(), k -> new double[2]);
                s[0] += d.creditedBtc();
                s[1] += d.expectedBtc();
            }
        }
        double[] xs = new double[DAYS];
        double[] credited = new double[DAYS];
        double[] expected = new double[DAYS];
        for (int i = 0; i < DAYS; i++) {
            xs[i] = i;
            double[] s = byDay.get(from.plusDays(i));
            credited[i] = s == null ? Double.NaN : s[0];
            expected[i] = s == null ? Double.NaN : s[1];
        }
        DateTimeFormatter f = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
        LineChart.Builder b = LineChart.builder("earnings-chart", "Credited and expected per UTC day, all accounts", "BTC")
                .x(xs, i -> f.format(from.plusDays(i)))
                .yLabel(v -> String.format(Locale.ENGLISH, "%.5f", v));
        if (!byDay.isEmpty()) {
            b.line("Credited by the pools", "s1", credited).line("Expected by the model", "s2", expected).includeZero()
                    .describe("Credited and expected BTC per UTC day over the last " + DAYS
                            + " closed days, over the days with network history.");
        }
        return b.build();
    }
}
