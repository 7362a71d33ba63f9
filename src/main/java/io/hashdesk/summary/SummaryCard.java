package io.hashdesk.summary;

import java.time.Clock;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.account.Operator;
import io.hashdesk.web.FormErrors;

/**
 * The "Weekly summary" card, for the settings page to include with one line
 * ({@code inject:weeklySummaryCard.html}), so that page's own template and resource stay as they are.
 */
@Named("weeklySummaryCard")
@RequestScoped
public class SummaryCard {

    @Inject
    CurrentOperator current;

    @Inject
    SummaryService summaries;

    @Inject
    Clock clock;

    public String getHtml() {
        return SummarySettingsResource.Templates.card(view(current.get(), null, false), FormErrors.none()).render();
    }

    SummaryView view(Operator operator, String message, boolean error) {
        return SummaryView.of(summaries.settings(operator.id), operator.timezone, summaries.delivery(operator.id),
                clock.instant(), message, error);
    }
}
