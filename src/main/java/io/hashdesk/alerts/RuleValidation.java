package io.hashdesk.alerts;

import java.util.Set;

import io.hashdesk.alerts.AlertJson.RuleJson;
import io.hashdesk.web.FormErrors;

/** What a rule may say, field by field; the defaults of what it leaves out. */
final class RuleValidation {

    /** The kinds about pool accounts (a {@code poolId} may name one). */
    static final Set<AlertKind> POOL_KINDS = Set.of(AlertKind.POOL_UNDERPAID, AlertKind.POOL_TOKEN_REFUSED);

    private RuleValidation() {
    }

    /** The rule's errors by field; {@code rigIds} are the operator's rig groups. */
    static FormErrors check(RuleJson in, Set<Long> rigIds, Set<Long> poolIds) {
        FormErrors errors = FormErrors.none();
        AlertKind kind = in.kind() == null ? null : AlertKind.of(in.kind().trim()).orElse(null);
        if (kind == null) {
            errors.add("kind", "Choose one of " + String.join(", ", AlertKind.codes()) + ".");
            return errors;
        }
        Double t = in.threshold();
        if (kind.needsThreshold) {
            if (t == null || !Double.isFinite(t)) {
                errors.add("threshold", "Enter the threshold in " + kind.unit + ".");
            } else if (kind != AlertKind.FLEET_PROFIT_BELOW && t <= 0) {
                errors.add("threshold", "Enter a threshold above 0 " + kind.unit + ".");
            } else if (Math.abs(t) > 1e12) {
                errors.add("threshold", "Enter a threshold below 1,000,000,000,000 " + kind.unit + ".");
            }
        } else if (kind == AlertKind.POOL_UNDERPAID) {
            if (t != null && (!Double.isFinite(t) || t <= 0 || t > 150)) {
                errors.add("threshold", "Enter a realized % above 0 and at most 150 %, or leave it empty for the"
                        + " account's own threshold.");
            }
        } else if (t != null) {
            errors.add("threshold", "A " + kind.code + " rule has no threshold; leave it empty.");
        }
        if (in.rigId() != null) {
            if (kind != AlertKind.GROUP_SWITCH) {
                errors.add("rigId", "Only a group-switch rule is about one rig group; leave it empty.");
            } else if (!rigIds.contains(in.rigId())) {
                errors.add("rigId", "No rig group of yours has this id.");
            }
        }
        if (in.poolId() != null) {
            if (!POOL_KINDS.contains(kind)) {
                errors.add("poolId", "Only a pool rule is about a pool account; leave it empty.");
            } else if (!poolIds.contains(in.poolId())) {
                errors.add("poolId", "No pool account of yours has this id.");
            }
        }
        if (in.confirmations() != null && (in.confirmations() < 1 || in.confirmations() > 100)) {
            errors.add("confirmations", "Enter 1 to 100 consecutive refreshes.");
        }
        if (in.marginPercent() != null && (!Double.isFinite(in.marginPercent()) || in.marginPercent() < 0
                || in.marginPercent() > 50)) {
            errors.add("marginPercent", "Enter a margin from 0 to 50 %.");
        }
        if (in.hours() != null) {
            if (kind != AlertKind.DATA_STALE) {
                errors.add("hours", "Only a data-stale rule counts hours; leave it empty.");
            } else if (in.hours() < 1 || in.hours() > 720) {
                errors.add("hours", "Enter 1 to 720 hours.");
            }
        }
        return errors;
    }

    /** Copies a valid input onto the rule, with the defaults for what it leaves out. */
    static void apply(RuleJson in, AlertRule r) {
        AlertKind kind = AlertKind.of(in.kind().trim()).orElseThrow();
        r.kind = kind.code;
        r.enabled = in.enabled() == null || in.enabled();
        r.rigId = in.rigId();
        r.poolId = POOL_KINDS.contains(kind) ? in.poolId() : null;
        r.threshold = in.threshold();
        r.confirmations = in.confirmations() == null ? AlertKind.DEFAULT_CONFIRMATIONS : in.confirmations();
        r.marginPercent = in.marginPercent() == null ? AlertKind.DEFAULT_MARGIN_PERCENT : in.marginPercent();
        r.hours = kind == AlertKind.DATA_STALE
                ? (in.hours() == null ? AlertKind.DEFAULT_STALE_HOURS : in.hours()) : null;
    }
}
