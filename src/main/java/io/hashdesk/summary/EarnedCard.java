package io.hashdesk.summary;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.account.Operator;
import io.hashdesk.account.SignedIn;
import io.hashdesk.currency.DisplayFx;
import io.hashdesk.web.Formats;
import io.hashdesk.web.LruCache;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * "What the fleet earned": the last 30 days of the ledger, for the dashboard to include with one line
 * ({@code inject:earnedCard.html}) beside its projection, outside the dashboard's cached body. The ledger
 * gains a day once a day, so the card is kept per operator, fleet version, time zone and local day for
 * {@link Rendered#FRESH} (a day recorded meanwhile shows within that): reading it took four queries, which
 * cost the dashboard most of its speed.
 */
@Named("earnedCard")
@RequestScoped
public class EarnedCard {

    public static final int DAYS = 30;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance card(List<Ledger.Day> days, WeeklySummary.Totals total, String zone, LedgerMoney m);
    }

    @Inject
    CurrentOperator current;

    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    @Inject
    Rendered rendered;

    @Inject
    DisplayFx fx;

    /** Cards rendered lately, shared by every request. */
    @ApplicationScoped
    static class Rendered {
        static final Duration FRESH = Duration.ofMinutes(1);

        record Key(long operatorId, long fleetVersion, String zone, LocalDate today) {
        }

        final LruCache<Key, String> cards = LruCache.<Key, String> ofCount(10_000).freshFor(FRESH);
    }

    public String getHtml() {
        SignedIn who = current.signedInOperator();
        String zone = Formats.zoneOf(who.timezone()).getId();
        Rendered.Key key = new Rendered.Key(who.id(), who.fleetVersion(), zone,
                clock.instant().atZone(Formats.zoneOf(zone)).toLocalDate());
        return rendered.cards.computeIfAbsent(key, k -> render());
    }

    private String render() {
        Operator owner = current.get();
        LocalDate today = clock.instant().atZone(Formats.zoneOf(owner.timezone)).toLocalDate();
        List<Ledger.Day> days = ledger.days(owner, today.minusDays(DAYS), today.minusDays(1));
        WeeklySummary.Totals totals = WeeklySummary.Totals.of(days);
        if (totals.days() == 0 && days.stream().allMatch(Ledger.Day::beforeFleet)) {
            return "";
        }
        List<Ledger.Day> newestFirst = new ArrayList<>(days);
        Collections.reverse(newestFirst);
        return Templates.card(newestFirst, totals,
                owner.timezone, LedgerMoney.of(days, fx.get())).render();
    }
}
