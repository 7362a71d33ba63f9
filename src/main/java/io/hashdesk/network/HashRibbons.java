package io.hashdesk.network;

import java.time.Instant;
import java.util.List;

/**
 * Hash ribbons: the 30- and 60-day moving averages of the daily network hashrate. When the 30-day
 * average falls below the 60-day one, miners are capitulating (switching machines off); the cross
 * back above has historically marked the end of it.
 *
 * @param ma30 30-day average per history day (NaN until 30 days are available)
 * @param ma60 60-day average per history day (NaN until 60 days are available)
 * @param capitulation true when the latest 30-day average is below the 60-day one
 * @param lastCross the day of the latest cross, or null if none within the history
 */
public record HashRibbons(double[] ma30, double[] ma60, boolean known, boolean capitulation, Instant lastCross) {

    public static HashRibbons of(List<HashratePoint> history) {
        int n = history.size();
        double[] ma30 = movingAverage(history, 30);
        double[] ma60 = movingAverage(history, 60);
        Instant lastCross = null;
        int previousSign = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(ma30[i]) || Double.isNaN(ma60[i])) {
                continue;
            }
            int sign = ma30[i] < ma60[i] ? -1 : 1;
            if (previousSign != 0 && sign != previousSign) {
                lastCross = history.get(i).day();
            }
            previousSign = sign;
        }
        boolean known = n > 0 && !Double.isNaN(ma60[n - 1]);
        return new HashRibbons(ma30, ma60, known, known && ma30[n - 1] < ma60[n - 1], lastCross);
    }

    private static double[] movingAverage(List<HashratePoint> history, int window) {
        double[] out = new double[history.size()];
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            sum += history.get(i).hashrate();
            if (i >= window) {
                sum -= history.get(i - window).hashrate();
            }
            out[i] = i >= window - 1 ? sum / window : Double.NaN;
        }
        return out;
    }
}
