package io.hashdesk.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.LongFunction;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.hashdesk.economics.Consensus;

/**
 * {@code adjustment}: two subjects per rule. "retarget-due" is {@code due:<height>} from a day before
 * the estimated retarget (and {@code far} from 36 hours before: the 12 hours between are undecided, so
 * an estimate that moves by a few hours does not fire twice), and a change to {@code due} fires the
 * estimate. "retarget-landed" is the height of the last retarget the chain crossed; when it moves (the
 * snapshot's difficulty changed at a retarget height), the realized change fires against the last
 * estimate stored for that retarget. Both confirmed at once; the bundled sample fires nothing.
 */
@ApplicationScoped
public class AdjustmentEvaluator implements RuleEvaluator {

    private static final Logger LOG = Logger.getLogger(AdjustmentEvaluator.class);

    static final String FAR = "far";
    static final Duration DUE = Duration.ofHours(24);
    static final Duration FAR_FROM = Duration.ofHours(36);

    @Inject
    DataSource dataSource;

    /** The last stored estimate (percent) for the retarget at a height, or null; a query unless a test sets it. */
    LongFunction<Double> lastEstimate = this::storedEstimate;

    @Override
    public AlertKind kind() {
        return AlertKind.ADJUSTMENT;
    }

    @Override
    public boolean needsFleet() {
        return true;
    }

    @Override
    public void evaluate(Rule rule, OperatorFacts f, List<Observation> out) {
        if (f.net.bundled() || f.net.estimatedRetargetDate() == null) {
            return;
        }
        long next = f.net.nextRetargetHeight();
        Duration left = Duration.between(f.now, f.net.estimatedRetargetDate());
        String due = left.compareTo(DUE) <= 0 ? "due:" + next : left.compareTo(FAR_FROM) > 0 ? FAR : null;
        out.add(new Observation(rule.id(), f.operatorId, kind().code, "retarget-due", due, 1,
                (from, to) -> to.startsWith("due:") ? AdjustmentMessages.estimate(f) : null));
        long landed = next - Consensus.EPOCH_BLOCKS;
        out.add(new Observation(rule.id(), f.operatorId, kind().code, "retarget-landed", "h:" + landed, 1,
                (from, to) -> AdjustmentMessages.landed(f, landed, lastEstimate.apply(landed))));
    }

    private Double storedEstimate(long height) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select next_change_percent from network_snapshot"
                        + " where next_retarget_height = ? order by fetched_at desc")) {
            ps.setLong(1, height);
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getDouble(1) : null;
            }
        } catch (SQLException e) {
            LOG.warnf(e, "alerts: the last estimate for the retarget at %d could not be read", height);
            return null;
        }
    }
}
