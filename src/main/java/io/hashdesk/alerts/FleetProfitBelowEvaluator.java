package io.hashdesk.alerts;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** {@code fleet-profit-below}: the whole fleet's profit today (USD per day, at the live price) falls below the threshold. */
@ApplicationScoped
public class FleetProfitBelowEvaluator implements RuleEvaluator {

    static final String UNIT = "USD per day";

    @Override
    public AlertKind kind() {
        return AlertKind.FLEET_PROFIT_BELOW;
    }

    @Override
    public boolean needsFleet() {
        return true;
    }

    @Override
    public void evaluate(Rule rule, OperatorFacts f, List<Observation> out) {
        if (f.fleet == null || f.fleet.fleet().groups().isEmpty()) {
            return;
        }
        double profit = f.today(1).profitUsd();
        double t = rule.threshold();
        out.add(new Observation(rule.id(), f.operatorId, kind().code, "fleet",
                Thresholds.side(profit, t, rule.margin()), rule.confirmations(),
                (from, to) -> !Thresholds.BELOW.equals(to) ? null
                        : AlertMessages.threshold("Fleet profit below " + AlertMessages.usd(t) + " " + UNIT + ": "
                                + AlertMessages.usd(profit) + " " + UNIT, "At BTC " + AlertMessages.money(f.net.priceUsd())
                                        + " USD the fleet makes " + AlertMessages.usd(profit) + " " + UNIT + ".",
                                profit, t, UNIT)));
    }
}
