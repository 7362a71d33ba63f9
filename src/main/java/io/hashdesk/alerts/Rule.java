package io.hashdesk.alerts;

/**
 * An enabled rule as the evaluation reads it (one row of alert_rule).
 *
 * @param threshold for a money kind, the amount in {@code currency} as entered
 * @param currency a money kind's currency (ISO 4217; null read as USD); null for the other kinds
 */
public record Rule(long id, long operatorId, AlertKind kind, Long rigId, Double threshold, int confirmations,
        double marginPercent, Integer hours, Long poolId, String currency) {

    public Rule(long id, long operatorId, AlertKind kind, Long rigId, Double threshold, int confirmations,
            double marginPercent, Integer hours) {
        this(id, operatorId, kind, rigId, threshold, confirmations, marginPercent, hours, null, null);
    }

    /** The margin as a fraction (1 % is 0.01). */
    public double margin() {
        return marginPercent / 100;
    }

    /** The currency of a money rule's threshold: USD unless it says otherwise. */
    public String currencyCode() {
        return currency == null ? "USD" : currency;
    }
}
