package io.hashdesk.alerts;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.hashdesk.currency.Fx;

/**
 * {@code fleet-profit-below}: the whole fleet's profit today (per day, at the live price, in the rule's
 * currency at the snapshot's rate) falls below the threshold. A rule whose currency has no rate there is
 * not evaluated.
 */
@ApplicationScoped
public class FleetProfitBelowEvaluator implements RuleEvaluator {

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
        Fx in = f.fx(rule.currencyCode());
        if (in == null) {
            return; // no rate for the rule's currency: nothing is decided (and /alerts says why)
        }
        double profit = f.today(1).profitUsd();
        out.add(new Observation(rule.id(), f.operatorId, kind().code, "fleet",
                Thresholds.side(in.fromUsd(profit), rule.threshold(), rule.margin()), rule.confirmations(),
                (from, to) -> !Thresholds.BELOW.equals(to) ? null
                        : AlertMessages.threshold(f, rule, in, "Fleet profit below", profit, "At BTC "
                                + f.display().money0(f.net.priceUsd()) + " the fleet makes "
                                + f.display().money(profit) + " per day. Your rule: alert below "
                                + AlertMessages.ruleAmount(f, rule, in) + ".")));
    }
}
