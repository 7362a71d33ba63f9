package io.hashdesk.web.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * The chart's axis for every shape of series. A flat series once made the tick loop step by less
 * than an ulp and never end: each build runs under a preemptive timeout so a hang fails the test
 * instead of the build (a correctness guard, not a speed target).
 */
class LineChartTest {

    private static final Duration HANG = Duration.ofSeconds(10);

    private static LineChart chart(double... ys) {
        double[] xs = new double[ys.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i;
        }
        return assertTimeoutPreemptively(HANG, () -> LineChart.builder("c", "Chart", "EH/s")
                .x(xs, i -> "d" + i).line("Daily", "s1", ys).build());
    }

    private static double[] labels(LineChart c) {
        return c.yTicks().stream().mapToDouble(t -> Double.parseDouble(t.label().replace(",", ""))).toArray();
    }

    @Test
    void aFlatNinetyDayHistoryGetsAnAxisAroundItsValue() {
        double[] flat = new double[90];
        Arrays.fill(flat, 615.0000000000001); // 615 EH/s every day, as a division by 1e18 leaves it
        LineChart c = chart(flat);
        assertFalse(c.empty());
        assertTrue(c.yTicks().size() >= 2 && c.yTicks().size() <= 12, "ticks: " + c.yTicks());
        double[] v = labels(c);
        assertTrue(v[0] <= 615 && v[v.length - 1] >= 615, "the value lies within the axis: " + Arrays.toString(v));
        // The line is drawn inside the plot, not on its edge.
        String d = c.series().get(0).path();
        double y = Double.parseDouble(d.substring(d.indexOf(',') + 1, d.indexOf('L')));
        assertTrue(y > c.top() && y < c.bottom(), "flat line at " + y);
    }

    @Test
    void aFlatSeriesOfHugeValuesEndsToo() {
        double[] flat = new double[90];
        Arrays.fill(flat, 6.15e20);
        LineChart c = chart(flat);
        assertTrue(c.yTicks().size() >= 2 && c.yTicks().size() <= 12, "ticks: " + c.yTicks().size());
    }

    @Test
    void aRangeOfOneUlpEnds() {
        double v = 615;
        LineChart c = chart(v, Math.nextUp(v), v, Math.nextUp(v));
        assertTrue(c.yTicks().size() >= 2 && c.yTicks().size() <= 12, "ticks: " + c.yTicks().size());
    }

    @Test
    void aSinglePointIsDrawnWithAnAxis() {
        LineChart c = chart(970);
        assertFalse(c.empty());
        assertEquals(1, c.xTicks().size());
        assertTrue(c.yTicks().size() >= 2, "ticks: " + c.yTicks());
        assertTrue(c.series().get(0).path().startsWith("M"));
    }

    @Test
    void anEmptySeriesIsAnEmptyChart() {
        LineChart c = chart();
        assertTrue(c.empty());
        assertEquals(0, c.yTicks().size());
        LineChart allGaps = chart(Double.NaN, Double.NaN);
        assertTrue(allGaps.empty());
    }

    @Test
    void anOrdinaryRangeGetsRoundTicks() {
        LineChart c = chart(900, 950, 1010);
        double[] v = labels(c);
        assertEquals(Arrays.toString(new double[] { 900, 950, 1000, 1050 }), Arrays.toString(v));
    }

    @Test
    void zeroIsKeptOnAProfitAxis() {
        LineChart c = assertTimeoutPreemptively(HANG, () -> LineChart.builder("p", "Profit", "USD")
                .x(new double[] { 0, 1 }, i -> "d" + i).line("Profit", "s1", new double[] { 0, 0 }).includeZero()
                .build());
        assertTrue(c.yTicks().size() >= 2 && c.yTicks().size() <= 12, "ticks: " + c.yTicks());
    }
}
