package io.hashdesk.alerts;

/**
 * A rule about the operator's pool accounts (pool-underpaid, pool-token-refused): evaluated with the
 * pools' facts, on the timer as well as after refreshes and fetches, one observation per account the
 * rule covers.
 */
abstract class PoolRuleEvaluator implements RuleEvaluator {

    @Override
    public boolean needsPools() {
        return true;
    }

    @Override
    public boolean timed() {
        return true;
    }

    /** Whether the rule covers the account: its own {@code poolId}, or every account when that is null. */
    static boolean covers(Rule rule, PoolFacts p) {
        return rule.poolId() == null || rule.poolId() == p.id();
    }
}
