package io.hashdesk.alerts;

/** An enabled rule as the evaluation reads it (one row of alert_rule). */
public record Rule(long id, long operatorId, AlertKind kind, Long rigId, Double threshold, int confirmations,
        double marginPercent, Integer hours) {

    /** The margin as a fraction (1 % is 0.01). */
    public double margin() {
        return marginPercent / 100;
    }
}
