package io.hashdesk.alerts;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.hashdesk.currency.Fx;

/**
 * {@code hashprice-below}: the network's hashprice (per PH/s per day, in the rule's currency at the
 * snapshot's rate) falls below the threshold. A rule whose currency has no rate there is not evaluated.
 */
@ApplicationScoped
public class HashpriceBelowEvaluator implements RuleEvaluator {

    @Override
    public AlertKind kind() {
        return AlertKind.HASHPRICE_BELOW;
    }

    @Override
    public void evaluate(Rule rule, OperatorFacts f, List<Observation> out) {
        Fx in = f.fx(rule.currencyCode());
        if (in == null) {
            return; // no rate for the rule's currency: nothing is decided (and /alerts says why)
        }
        double hashprice = f.net.hashpriceUsdPerPhDay();
        out.add(new Observation(rule.id(), f.operatorId, kind().code, "hashprice",
                Thresholds.side(in.fromUsd(hashprice), rule.threshold(), rule.margin()), rule.confirmations(),
                (from, to) -> !Thresholds.BELOW.equals(to) ? null
                        : AlertMessages.threshold(f, rule, in, "Hashprice below", hashprice,
                                "Your rule: alert when the hashprice falls below "
                                        + AlertMessages.ruleAmount(f, rule, in) + ".")));
    }
}
