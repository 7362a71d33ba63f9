package io.hashdesk.summary;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hashdesk.HashdeskConfig;
import io.hashdesk.account.Operator;
import io.hashdesk.currency.CurrencyService;
import io.hashdesk.currency.Fx;
import io.hashdesk.economics.Money;
import io.hashdesk.economics.OperatingPolicy;
import io.hashdesk.economics.ProjectionResult;
import io.hashdesk.economics.Scenario;
import io.hashdesk.network.SnapshotStore;
import io.hashdesk.projection.FleetProjection;
import io.hashdesk.projection.ProjectionService;
import io.hashdesk.web.LruCache;
import io.hashdesk.web.Formats;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;

/**
 * Builds the weekly summary from the one service layer: the ledger for the past week and the
 * dashboard's own projection (same scenario, same cache) for what comes next; then renders it.
 */
@ApplicationScoped
public class SummaryBuilder {

    public static final int DAYS = 7;

    @CheckedTemplate(basePath = "mail")
    static class Mails {
        static native MailTemplateInstance weekly(WeeklySummary s);
    }

    /** A rendered mail, ready for the outbox. */
    public record Rendered(String subject, String html, String text) {
    }

    @Inject
    Ledger ledger;

    @Inject
    ProjectionService projections;

    @Inject
    SnapshotStore snapshots;

    @Inject
    UnsubscribeTokens tokens;

    @Inject
    HashdeskConfig config;

    @Inject
    CurrencyService currencies;

    @Inject
    PoolCredits credits;

    /** The same for every operator in a run: read once per minute. */
    private final LruCache<Instant, Optional<Double>> weekAgoHashprice =
            LruCache.ofCount(8);

    public WeeklySummary build(Operator owner, Instant now, boolean test) {
        Ledger.Span span = span(owner, now);
        return build(span, ledger.days(span.owner(), span.from(), span.to()), credits.read(List.of(span)), now, test);
    }

    /**
     * The weekly summaries of many operators (a chunk of the weekly run): their ledgers read at once,
     * then each built as {@link #build(Operator, Instant, boolean)} builds it.
     */
    public List<WeeklySummary> buildAll(List<Operator> owners, Instant now) {
        List<Ledger.Span> spans = owners.stream().map(o -> span(o, now)).toList();
        Map<Long, List<Ledger.Day>> days = ledger.days(spans);
        PoolCredits.Read credited = credits.read(spans);
        List<WeeklySummary> out = new ArrayList<>(owners.size());
        for (Ledger.Span span : spans) {
            out.add(build(span, days.get(span.owner().id), credited, now, false));
        }
        return out;
    }

    /** The past week of the operator's calendar: the 7 days before today. */
    private static Ledger.Span span(Operator owner, Instant now) {
        LocalDate today = now.atZone(Formats.zoneOf(owner.timezone)).toLocalDate();
        return new Ledger.Span(owner, today.minusDays(DAYS), today.minusDays(1));
    }

    private WeeklySummary build(Ledger.Span span, List<Ledger.Day> days, PoolCredits.Read credited, Instant now,
            boolean test) {
        Operator owner = span.owner();
        String zone = Formats.zoneOf(owner.timezone).getId();
        LocalDate from = span.from();
        LocalDate to = span.to();
        Map<Long, LedgerSite> sites = new LinkedHashMap<>();
        for (Ledger.Day d : days) {
            if (d.recorded() == null) {
                continue;
            }
            for (LedgerSite s : d.sites()) {
                sites.merge(s.siteId(), s, (a, b) -> a.plus(b).withName(b.name()));
            }
        }
        WeeklySummary.Totals past = WeeklySummary.Totals.of(days);

        // The policy the operator runs (the projection's default, "switch off when losing") is the basis of both
        // the past week (the ledger records it) and the next; kept running is the comparison.
        FleetProjection p = projections.project(owner, Scenario.base(Scenario.DEFAULT_DAYS));
        List<WeeklySummary.NextDay> next = new ArrayList<>();
        WeeklySummary.Totals nextTotals = new WeeklySummary.Totals(0, 0, 0, 0, 0, 0, 0);
        double nextSaves = 0;
        ZoneId z = Formats.zoneOf(zone);
        if (!p.empty()) {
            ProjectionResult r = p.result();
            ProjectionResult running = projections.project(owner, Scenario.base(Scenario.DEFAULT_DAYS)
                    .withPolicy(OperatingPolicy.KEEP_RUNNING)).result();
            int n = Math.min(DAYS, r.days());
            for (int d = 0; d < n; d++) {
                Instant start = p.asOf().plus(Duration.ofDays(d));
                LocalDate date = dateOf(start, z);
                nextSaves += r.profitUsd()[d] - running.profitUsd()[d];
                next.add(new WeeklySummary.NextDay(start, date, r.btc()[d], r.revenueUsd()[d],
                        r.powerCostUsd()[d], r.hostingUsd()[d], r.poolFeeUsd()[d], r.profitUsd()[d]));
            }
            Money m = r.money(0, n);
            nextTotals = new WeeklySummary.Totals(n, m.btc(), m.revenueUsd(), m.powerCostUsd(), m.hostingUsd(),
                    m.poolFeeUsd(), m.profitUsd());
        }
        Double weekAgo = p.network().bundled() ? null
                : weekAgoHashprice.computeIfAbsent(now.truncatedTo(ChronoUnit.MINUTES),
                        at -> Optional.ofNullable(snapshots.hashpriceNear(at.minus(Duration.ofDays(DAYS)))))
                        .orElse(null);
        String base = baseUrl();
        Fx fx = currencies.display(owner, p.network());
        LedgerMoney money = LedgerMoney.of(days, fx);
        return new WeeklySummary(test, owner.email, zone, now, from, to, days, past, List.copyOf(sites.values()),
                p, List.copyOf(next), nextTotals, weekAgo, base + "/dashboard", base + "/settings",
                unsubscribeUrl(owner.id), WeeklySummary.savedUsd(days), nextSaves, fx, money,
                credited.earned(owner.id, days, money, z));
    }

    /**
     * The operator's date that holds most of the 24 hours from {@code start} (its middle): day 0 starts at the
     * top of the current UTC hour, which in a :30 or :45 zone at send hour 0 is the evening before.
     */
    static LocalDate dateOf(Instant start, ZoneId zone) {
        return start.plus(Duration.ofHours(12)).atZone(zone).toLocalDate();
    }

    public String unsubscribeUrl(long operatorId) {
        return baseUrl() + "/unsubscribe?token=" + tokens.tokenFor(operatorId);
    }

    private String baseUrl() {
        String base = config.baseUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public Rendered render(WeeklySummary s) {
        TemplateInstance mail = Mails.weekly(s).templateInstance();
        String html = null, text = null;
        @SuppressWarnings("unchecked")
        List<Variant> variants = (List<Variant>) mail.getAttribute(TemplateInstance.VARIANTS);
        for (Variant v : variants) {
            mail.setAttribute(TemplateInstance.SELECTED_VARIANT, v);
            if (Variant.TEXT_HTML.equals(v.getContentType())) {
                html = mail.render();
            } else if (Variant.TEXT_PLAIN.equals(v.getContentType())) {
                text = mail.render();
            }
        }
        if (html == null || text == null) {
            throw new IllegalStateException("templates/mail/weekly needs an .html and a .txt variant");
        }
        return new Rendered(subject(s), html, text);
    }

    static String subject(WeeklySummary s) {
        String prefix = s.test() ? "[Test] " : "";
        String week = SummaryFormats.weekday(s.from()) + " – " + SummaryFormats.weekday(s.to());
        if (!s.hasFleet()) {
            return prefix + "hashdesk weekly summary, " + week + ": add your fleet to see what it earns";
        }
        String past = !s.pastRecorded() ? "no history yet"
                : s.earned() == null ? "earned " + s.ledger().money0(s.ledger().profit())
                : "earned " + s.ledger().money0(s.earned().total()) + " (" + s.earned().counts() + ")";
        return prefix + "hashdesk weekly summary, " + week + ": " + past + "; next 7 days "
                + s.fx().money0(s.next().profitUsd());
    }
}
