package io.hashdesk.alerts;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.hashdesk.currency.Fx;

/**
 * {@code price-below}: the BTC price, in the rule's currency at the snapshot's rate, falls below the
 * threshold beyond the margin. A rule whose currency has no rate at the snapshot is not evaluated.
 */
@ApplicationScoped
public class PriceBelowEvaluator implements RuleEvaluator {

    @Override
    public AlertKind kind() {
        return AlertKind.PRICE_BELOW;
    }

    @Override
    public void evaluate(Rule rule, OperatorFacts f, List<Observation> out) {
        Fx in = f.fx(rule.currencyCode());
        if (in == null) {
            return; // no rate for the rule's currency: nothing is decided (and /alerts says why)
        }
        double price = f.net.priceUsd();
        out.add(new Observation(rule.id(), f.operatorId, kind().code, "price",
                Thresholds.side(in.fromUsd(price), rule.threshold(), rule.margin()), rule.confirmations(),
                (from, to) -> !Thresholds.BELOW.equals(to) ? null
                        : AlertMessages.threshold(f, rule, in, "BTC price below", price,
                                "Your rule: alert when the price falls below " + AlertMessages.ruleAmount(f, rule, in)
                                        + ".")));
    }
}
