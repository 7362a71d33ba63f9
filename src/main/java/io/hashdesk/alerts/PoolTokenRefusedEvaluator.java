package io.hashdesk.alerts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.hashdesk.earnings.PoolAccount;

/**
 * {@code pool-token-refused}: a pool account's state becomes "token-refused" (the pool refused its API
 * token: no day is fetched until a new token is saved). One subject per account ({@code poolId} null:
 * every account of the operator); evaluated after each pool fetch and network refresh, confirmed at once.
 */
@ApplicationScoped
public class PoolTokenRefusedEvaluator extends PoolRuleEvaluator {

    static final String REFUSED = "refused";
    static final String ACCEPTED = "accepted";

    @Override
    public AlertKind kind() {
        return AlertKind.POOL_TOKEN_REFUSED;
    }

    @Override
    public void evaluate(Rule rule, OperatorFacts f, List<Observation> out) {
        for (PoolFacts p : f.pools) {
            if (!covers(rule, p)) {
                continue;
            }
            String verdict = PoolAccount.TOKEN_REFUSED.equals(p.state()) ? REFUSED : ACCEPTED;
            out.add(new Observation(rule.id(), f.operatorId, kind().code, "pool:" + p.id(), verdict, 1,
                    (from, to) -> REFUSED.equals(to) ? refused(p) : null));
        }
    }

    static AlertMessage refused(PoolFacts p) {
        String subject = "Save a new token: the pool refuses the token of " + p.name();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("poolId", p.id());
        details.put("pool", p.name());
        details.put("state", p.state());
        return new AlertMessage(subject, subject + "\nNo earnings are fetched for this account until a new API token"
                + " is saved on /pools.", details);
    }
}
