package io.hashdesk.alerts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.hashdesk.earnings.RecentRealized;

/**
 * {@code pool-underpaid}: a pool account's realized % (credited over expected) over its last
 * {@link #DAYS} reconciled days falls below the rule's threshold (null: the account's own threshold),
 * beyond the rule's margin; it clears, silently, when the figure is back above the threshold beyond
 * the margin. One subject per account ({@code poolId} null: every account of the operator); an account
 * with fewer reconciled days in the last week is undecided. Evaluated after each pool fetch, network
 * refresh and on the timer, confirmed at once (a day's figure changes only when a pool reports).
 */
@ApplicationScoped
public class PoolUnderpaidEvaluator extends PoolRuleEvaluator {

    /** The reconciled days the realized % is taken over. */
    static final int DAYS = 3;
    static final String UNDERPAID = "underpaid";
    static final String PAID = "paid";

    @Override
    public AlertKind kind() {
        return AlertKind.POOL_UNDERPAID;
    }

    @Override
    public void evaluate(Rule rule, OperatorFacts f, List<Observation> out) {
        for (PoolFacts p : f.pools) {
            if (!covers(rule, p)) {
                continue;
            }
            double threshold = rule.threshold() != null ? rule.threshold() : p.thresholdPercent();
            RecentRealized.Realized r = p.realized();
            String side = r == null ? null : Thresholds.side(r.realizedPercent(), threshold, rule.margin());
            String verdict = side == null ? null : Thresholds.BELOW.equals(side) ? UNDERPAID : PAID;
            out.add(new Observation(rule.id(), f.operatorId, kind().code, "pool:" + p.id(), verdict, 1,
                    (from, to) -> UNDERPAID.equals(to) ? underpaid(p, r, threshold) : null));
        }
    }

    static AlertMessage underpaid(PoolFacts p, RecentRealized.Realized r, double threshold) {
        String subject = String.format(Locale.ENGLISH, "Check %s: credited %.1f %% of expected over %d days, below %s %%",
                p.name(), r.realizedPercent(), r.days(), plain(threshold));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("poolId", p.id());
        details.put("pool", p.name());
        details.put("realizedPercent", r.realizedPercent());
        details.put("thresholdPercent", threshold);
        details.put("days", r.days());
        details.put("from", r.from().toString());
        details.put("to", r.to().toString());
        details.put("creditedBtc", r.creditedBtc());
        details.put("expectedBtc", r.expectedBtc());
        String text = subject + String.format(Locale.ENGLISH, "\nFrom %s to %s (UTC days with network history) the pool"
                + " credited %.8f BTC against %.8f BTC expected at your sites' uptime and pool fee. Check the"
                + " workers' hashrate at the pool, the payout address and the pool fee; the days are on /earnings.",
                r.from(), r.to(), r.creditedBtc(), r.expectedBtc());
        return new AlertMessage(subject, text, details);
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ENGLISH, "%.1f", v);
    }
}
