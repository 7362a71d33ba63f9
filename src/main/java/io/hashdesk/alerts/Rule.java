package io.hashdesk.alerts;

/** An enabled rule as the evaluation reads it (one row of alert_rule). */
public record Rule(long id, long operatorId, AlertKind kind, Long rigId, Double threshold, int confirmations,
        double marginPercent, Integer hours, Long poolId) {

    public Rule(long id, long operatorId, AlertKind kind, Long rigId, Double threshold, int confirmations,
            double marginPercent, Integer hours) {
        this(id, operatorId, kind, rigId, threshold, confirmations, marginPercent, hours, null);
    }

    /** The margin as a fraction (1 % is 0.01). */
    public double margin() {
        return marginPercent / 100;
    }
}
