package io.hashdesk.alerts;

import java.util.Map;
import java.util.Set;

import io.hashdesk.alerts.AlertJson.RuleJson;
import io.hashdesk.currency.Currencies;
import io.hashdesk.currency.Fx;
import io.hashdesk.web.FormErrors;

/** What a rule may say, field by field; the defaults of what it leaves out. */
final class RuleValidation {

    /** The kinds about pool accounts (a {@code poolId} may name one). */
    static final Set<AlertKind> POOL_KINDS = Set.of(AlertKind.POOL_UNDERPAID, AlertKind.POOL_TOKEN_REFUSED);

    private RuleValidation() {
    }

    /**
     * The rule's errors by field; {@code rigIds} and {@code poolIds} are the operator's, {@code rates} the
     * currencies usable at the latest snapshot (the operator's own rates included).
     */
    static FormErrors check(RuleJson in, Set<Long> rigIds, Set<Long> poolIds, Map<String, Fx> rates) {
        FormErrors errors = FormErrors.none();
        AlertKind kind = in.kind() == null ? null : AlertKind.of(in.kind().trim()).orElse(null);
        if (kind == null) {
            errors.add("kind", "Choose one of " + String.join(", ", AlertKind.codes()) + ".");
            return errors;
        }
        Double t = in.threshold();
        if (kind.money) {
            money(kind, in, rates, errors);
        } else {
            if (given(in.currency())) {
                errors.add("currency", MONEY_ONLY + "have a currency; leave it empty.");
            }
            if (in.amount() != null) {
                errors.add("amount", MONEY_ONLY + "have an amount; leave it empty.");
            }
        }
        if (kind == AlertKind.POOL_UNDERPAID) {
            if (t != null && (!Double.isFinite(t) || t <= 0 || t > 150)) {
                errors.add("threshold", "Enter a realized % above 0 and at most 150 %, or leave it empty for the"
                        + " account's own threshold.");
            }
        } else if (!kind.money && t != null) {
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

    private static final String MONEY_ONLY = "Only price-below, price-above, hashprice-below and fleet-profit-below"
            + " rules ";

    private static boolean given(String text) {
        return text != null && !text.isBlank();
    }

    /** A money rule's threshold as it is kept: the amount in its currency. */
    record Money(String currency, double amount) {
    }

    /**
     * A money rule's threshold from the input, or null with the problem added by field: {@code amount} in
     * {@code currency} (blank: USD); or {@code threshold} alone, in USD as before currencies, kept in
     * {@code currency} when one is given (converted at the latest snapshot's rate). Beside an amount in USD,
     * a threshold must say the same; beside an amount in another currency it is ignored (an answer's
     * threshold is the amount at a rate that has moved since).
     */
    static Money money(AlertKind kind, RuleJson in, Map<String, Fx> rates, FormErrors errors) {
        String code = "USD";
        if (given(in.currency())) {
            code = Currencies.code(in.currency());
            if (code == null) {
                errors.add("currency", "Choose a currency by its ISO 4217 code, e.g. USD, EUR or NOK.");
                return null;
            }
        }
        Fx fx = code.equals("USD") ? Fx.USD : rates.get(code);
        if (fx == null) {
            errors.add("currency", Currencies.live(code)
                    ? code + " has no rate in the latest network reading: try again after the next one, or choose"
                            + " another currency."
                    : code + " has no rate: enter a rate for " + code + " on /settings first (Currency), or choose one of "
                            + String.join(", ", Currencies.LIVE) + ".");
            return null;
        }
        Double t = in.threshold();
        if (in.amount() == null) {
            if (t == null) {
                errors.add(given(in.currency()) ? "amount" : "threshold", "Enter the threshold in " + kind.unit(code) + ".");
                return null;
            }
            return limits(kind, "threshold", t, "USD", errors) ? new Money(code, fx.fromUsd(t)) : null;
        }
        if (fx.usd() && t != null && Math.abs(t - in.amount()) > 1e-9 * Math.max(1, Math.abs(t))) {
            errors.add("amount", "Differs from threshold (the same amount in USD): send one of them, or both alike.");
            return null;
        }
        return limits(kind, "amount", in.amount(), code, errors) ? new Money(code, in.amount()) : null;
    }

    /** False with the problem added under {@code field} when the value is not a believable threshold. */
    private static boolean limits(AlertKind kind, String field, double value, String code, FormErrors errors) {
        if (!Double.isFinite(value)) {
            errors.add(field, "Enter the threshold in " + kind.unit(code) + ".");
        } else if (kind != AlertKind.FLEET_PROFIT_BELOW && value <= 0) {
            errors.add(field, "Enter a threshold above 0 " + kind.unit(code) + ".");
        } else if (Math.abs(value) > 1e12) {
            errors.add(field, "Enter a threshold below 1,000,000,000,000 " + kind.unit(code) + ".");
        } else {
            return true;
        }
        return false;
    }

    /** Copies a valid input onto the rule, with the defaults for what it leaves out. */
    static void apply(RuleJson in, AlertRule r, Map<String, Fx> rates) {
        AlertKind kind = AlertKind.of(in.kind().trim()).orElseThrow();
        r.kind = kind.code;
        r.enabled = in.enabled() == null || in.enabled();
        r.rigId = in.rigId();
        r.poolId = POOL_KINDS.contains(kind) ? in.poolId() : null;
        Money money = kind.money ? money(kind, in, rates, FormErrors.none()) : null;
        r.threshold = kind.money ? Double.valueOf(money.amount()) : in.threshold();
        r.thresholdCurrency = kind.money ? money.currency() : null;
        r.confirmations = in.confirmations() == null ? AlertKind.DEFAULT_CONFIRMATIONS : in.confirmations();
        r.marginPercent = in.marginPercent() == null ? AlertKind.DEFAULT_MARGIN_PERCENT : in.marginPercent();
        r.hours = kind == AlertKind.DATA_STALE
                ? (in.hours() == null ? AlertKind.DEFAULT_STALE_HOURS : in.hours()) : null;
    }
}
