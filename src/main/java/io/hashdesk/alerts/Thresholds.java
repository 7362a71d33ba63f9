package io.hashdesk.alerts;

/** "below" or "above" a threshold beyond a margin of it, or null (undecided) inside the margin. */
final class Thresholds {

    static final String BELOW = "below";
    static final String ABOVE = "above";

    private Thresholds() {
    }

    static String side(double value, double threshold, double margin) {
        double band = Math.abs(threshold) * margin;
        if (!Double.isFinite(value)) {
            return null;
        }
        if (value < threshold - band) {
            return BELOW;
        }
        if (value > threshold + band) {
            return ABOVE;
        }
        return null;
    }
}
