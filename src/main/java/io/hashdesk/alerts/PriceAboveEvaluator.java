package io.hashdesk.alerts;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** {@code price-above}: the BTC price rises above the threshold (USD) beyond the margin. */
@ApplicationScoped
public class PriceAboveEvaluator implements RuleEvaluator {

    @Override
    public AlertKind kind() {
        return AlertKind.PRICE_ABOVE;
    }

    @Override
    public void evaluate(Rule rule, OperatorFacts f, List<Observation> out) {
        double price = f.net.priceUsd();
        double t = rule.threshold();
        out.add(new Observation(rule.id(), f.operatorId, kind().code, "price", Thresholds.side(price, t, rule.margin()),
                rule.confirmations(), (from, to) -> !Thresholds.ABOVE.equals(to) ? null
                        : AlertMessages.threshold("BTC price above " + AlertMessages.money(t) + " USD: "
                                + AlertMessages.money(price) + " USD", "Your rule: alert when the price rises above "
                                        + AlertMessages.money(t) + " USD.", price, t, "USD")));
    }
}
