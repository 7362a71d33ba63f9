package io.hashdesk.earnings;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.account.SignedIn;
import io.hashdesk.web.LruCache;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * "Earned vs expected, last 7 days" on the dashboard ({@code inject:earningsCard.html}): credited BTC
 * and USD against expected and the realized %, per pool account and in total, naming accounts whose
 * token was refused or whose realized % is below their threshold. Empty for an operator without pool
 * accounts. Kept per operator, fleet version, pool version ({@link PoolVersions}: a fetch or an edit
 * shows at once) and UTC day, for {@link Rendered#FRESH} (another instance's fetch shows within that).
 */
@Named("earningsCard")
@RequestScoped
public class EarningsCard {

    public static final int DAYS = 7;

    /** One account's (or the total's) week; the expected side null when no day has network history. */
    public record Row(String name, double creditedBtc, Double creditedUsd, Double expectedBtc, Double expectedUsd,
            Double realizedPercent, int days) {
    }

    /** An account named below the figures, with why. */
    public record Flag(String name, String why) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance card(List<Row> rows, Row total, List<Flag> flags, LocalDate from, LocalDate to);
    }

    @Inject
    CurrentOperator current;

    @Inject
    PoolService pools;

    @Inject
    Reconciliation reconciliation;

    @Inject
    PoolVersions versions;

    @Inject
    Clock clock;

    @Inject
    Rendered rendered;

    /** Cards rendered lately, shared by every request. */
    @ApplicationScoped
    static class Rendered {
        static final Duration FRESH = Duration.ofMinutes(1);

        record Key(long operatorId, long fleetVersion, long poolVersion, LocalDate today) {
        }

        final LruCache<Key, String> cards = LruCache.<Key, String> ofCount(10_000).freshFor(FRESH);
    }

    public String getHtml() {
        SignedIn who = current.signedInOperator();
        Rendered.Key key = new Rendered.Key(who.id(), who.fleetVersion(), versions.of(who.id()),
                clock.instant().atZone(ZoneOffset.UTC).toLocalDate());
        return rendered.cards.computeIfAbsent(key, k -> render(k.today()));
    }

    private String render(LocalDate today) {
        List<PoolAccount> accounts = pools.accounts(current.get());
        if (accounts.isEmpty()) {
            return "";
        }
        LocalDate to = today.minusDays(1);
        LocalDate from = to.minusDays(DAYS - 1L);
        Reconciliation.Report report = reconciliation.report(accounts, from, to);
        List<Row> rows = new ArrayList<>();
        List<Flag> flags = new ArrayList<>();
        for (PoolAccount a : accounts) {
            List<Reconciliation.DayRow> mine = report.days().stream().filter(d -> d.poolId() == a.id).toList();
            rows.add(row(a.name, mine));
            if (PoolAccount.TOKEN_REFUSED.equals(a.state)) {
                flags.add(new Flag(a.name, "the pool refused its token; nothing is fetched until the token changes"));
            } else {
                Double r3 = EarningsPeriod.realized(mine, to.minusDays(EarningsPeriod.FLAG_DAYS - 1L));
                if (r3 != null && r3 < a.thresholdPercent) {
                    flags.add(new Flag(a.name, String.format(java.util.Locale.ENGLISH,
                            "realized %.2f %% over the last %d days, below its threshold of %.2f %%", r3,
                            EarningsPeriod.FLAG_DAYS, a.thresholdPercent)));
                }
            }
        }
        return Templates.card(rows, row("All accounts", report.days()), flags, from, to).render();
    }

    /** Sums over the days with an expected side; credited on days without history counts in neither. */
    static Row row(String name, List<Reconciliation.DayRow> days) {
        double cBtc = 0;
        double eBtc = 0;
        double cUsd = 0;
        double eUsd = 0;
        boolean usd = true;
        int n = 0;
        for (Reconciliation.DayRow d : days) {
            if (d.expectedBtc() == null) {
                continue;
            }
            n++;
            cBtc += d.creditedBtc();
            eBtc += d.expectedBtc();
            if (d.creditedUsd() != null && d.expectedUsd() != null) {
                cUsd += d.creditedUsd();
                eUsd += d.expectedUsd();
            } else {
                usd = false;
            }
        }
        if (n == 0) {
            return new Row(name, 0, null, null, null, null, 0);
        }
        return new Row(name, cBtc, usd ? cUsd : null, eBtc, usd ? eUsd : null, eBtc > 0 ? 100 * cBtc / eBtc : null, n);
    }
}
