package io.hashdesk.alerts;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** {@code hashprice-below}: the network's hashprice (USD per PH/s per day) falls below the threshold. */
@ApplicationScoped
public class HashpriceBelowEvaluator implements RuleEvaluator {

    static final String UNIT = "USD per PH/s per day";

    @Override
    public AlertKind kind() {
        return AlertKind.HASHPRICE_BELOW;
    }

    @Override
    public void evaluate(Rule rule, OperatorFacts f, List<Observation> out) {
        double hashprice = f.net.hashpriceUsdPerPhDay();
        double t = rule.threshold();
        out.add(new Observation(rule.id(), f.operatorId, kind().code, "hashprice",
                Thresholds.side(hashprice, t, rule.margin()), rule.confirmations(),
                (from, to) -> !Thresholds.BELOW.equals(to) ? null
                        : AlertMessages.threshold("Hashprice below " + AlertMessages.usd(t) + " " + UNIT + ": "
                                + AlertMessages.usd(hashprice), "Your rule: alert when the hashprice falls below "
                                        + AlertMessages.usd(t) + " " + UNIT + ".", hashprice, t, UNIT)));
    }
}
