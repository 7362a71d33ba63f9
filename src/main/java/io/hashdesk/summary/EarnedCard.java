package io.hashdesk.summary;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.account.Operator;
import io.hashdesk.web.Formats;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * "What the fleet earned": the last 30 days of the ledger, for the dashboard to include with one line
 * ({@code inject:earnedCard.html}) beside its projection. Rendered per request (it changes once a day
 * and is a single query), outside the dashboard's cached body.
 */
@Named("earnedCard")
@RequestScoped
public class EarnedCard {

    public static final int DAYS = 30;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance card(List<Ledger.Day> days, WeeklySummary.Totals total, String zone);
    }

    @Inject
    CurrentOperator current;

    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    public String getHtml() {
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
                owner.timezone).render();
    }
}
