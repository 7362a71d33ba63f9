package io.hashdesk.alerts;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code data-stale}: no live network data for {@code hours} (default 2); and again when it is back.
 * Evaluated on a timer too, since a refresh that fails stores nothing. Confirmed at once.
 */
@ApplicationScoped
public class DataStaleEvaluator implements RuleEvaluator {

    static final String STALE = "stale";
    static final String FRESH = "fresh";

    @Override
    public AlertKind kind() {
        return AlertKind.DATA_STALE;
    }

    @Override
    public boolean timed() {
        return true;
    }

    @Override
    public void evaluate(Rule rule, OperatorFacts f, List<Observation> out) {
        int hours = rule.hours() == null ? AlertKind.DEFAULT_STALE_HOURS : rule.hours();
        boolean stale = f.net.bundled() || Duration.between(f.net.fetchedAt(), f.now).compareTo(Duration.ofHours(hours)) > 0;
        out.add(new Observation(rule.id(), f.operatorId, kind().code, "data", stale ? STALE : FRESH, 1,
                (from, to) -> STALE.equals(to) ? AlertMessages.stale(f.net.fetchedAt(), f.net.bundled(), hours, f.now)
                        : AlertMessages.fresh(f.net.fetchedAt())));
    }
}
