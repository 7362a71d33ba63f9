package io.hashdesk.web.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntFunction;

/**
 * A line chart computed on the server and drawn by {@code tags/linechart.html} as SVG: no chart
 * script in the browser. Coordinates are precomputed here; the template only places them. Every chart
 * carries a title, a unit and a one-sentence text alternative for screen readers.
 */
public record LineChart(String id, String title, String unit, String description, int width, int height,
        int left, int top, int right, int bottom, List<Series> series, List<Tick> xTicks, List<Tick> yTicks,
        List<Marker> markers, Double zeroY, List<Band> bands) {

    /** A shaded range between a lower and an upper series (e.g. P10 to P90), drawn under the lines. */
    public record Band(String name, String cssClass, String path) {
    }

    /** One line; {@code cssClass} chooses its colour in app.css. */
    public record Series(String name, String cssClass, String path) {
    }

    public record Tick(double pos, String label) {
        public String at() {
            return fmt(pos);
        }
    }

    /** A vertical line at an event (a retarget, a halving); {@code label} may be empty, {@code title} shows on hover. */
    public record Marker(double x, String label, String title, String cssClass) {
        public String at() {
            return fmt(x);
        }
    }

    public String zeroAt() {
        return zeroY == null ? null : fmt(zeroY);
    }

    public boolean empty() {
        return series.isEmpty();
    }

    public static Builder builder(String id, String title, String unit) {
        return new Builder(id, title, unit);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** More ticks than this never fit on an axis; a guard for ranges the rounding could stretch. */
    static final int MAX_TICKS = 20;

    public static final class Builder {
        private final String id;
        private final String title;
        private final String unit;
        private int width = 720;
        private int height = 260;
        private double[] xs;
        private IntFunction<String> xLabel = i -> Integer.toString(i);
        private DoubleFunction<String> yLabel = v -> String.format(Locale.ROOT, "%,.0f", v);
        private final List<String[]> names = new ArrayList<>();
        private final List<double[]> values = new ArrayList<>();
        private final List<double[]> markerXs = new ArrayList<>();
        private final List<String[]> markerLabels = new ArrayList<>();
        private final List<String[]> bandNames = new ArrayList<>();
        private final List<double[][]> bandValues = new ArrayList<>();
        private boolean includeZero;
        private String description = "";

        private Builder(String id, String title, String unit) {
            this.id = id;
            this.title = title;
            this.unit = unit;
        }

        public Builder size(int w, int h) {
            this.width = w;
            this.height = h;
            return this;
        }

        /** The x value of each point (e.g. day numbers) and how the tick at point {@code i} reads. */
        public Builder x(double[] xs, IntFunction<String> label) {
            this.xs = xs;
            this.xLabel = label;
            return this;
        }

        public Builder yLabel(DoubleFunction<String> label) {
            this.yLabel = label;
            return this;
        }

        /** A line; NaN values leave a gap. */
        public Builder line(String name, String cssClass, double[] ys) {
            names.add(new String[] { name, cssClass });
            values.add(ys);
            return this;
        }

        /** A shaded band from {@code lo} to {@code hi} at each point (both finite to be drawn). */
        public Builder band(String name, String cssClass, double[] lo, double[] hi) {
            bandNames.add(new String[] { name, cssClass });
            bandValues.add(new double[][] { lo, hi });
            return this;
        }

        public Builder marker(double x, String label, String title, String cssClass) {
            markerXs.add(new double[] { x });
            markerLabels.add(new String[] { label, title, cssClass });
            return this;
        }

        /** Keep zero on the axis (profit charts: above or below zero is the point). */
        public Builder includeZero() {
            this.includeZero = true;
            return this;
        }

        public Builder describe(String text) {
            this.description = text;
            return this;
        }

        public LineChart build() {
            int left = 72, right = 16, top = 14, bottom = 30;
            double plotW = width - left - right, plotH = height - top - bottom;
            double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
            int n = xs == null ? 0 : xs.length;
            for (int i = 0; i < n; i++) {
                minX = Math.min(minX, xs[i]);
                maxX = Math.max(maxX, xs[i]);
            }
            for (double[] ys : values) {
                for (int i = 0; i < Math.min(n, ys.length); i++) {
                    if (Double.isFinite(ys[i])) {
                        minY = Math.min(minY, ys[i]);
                        maxY = Math.max(maxY, ys[i]);
                    }
                }
            }
            for (double[][] band : bandValues) {
                for (double[] ys : band) {
                    for (int i = 0; i < Math.min(n, ys.length); i++) {
                        if (Double.isFinite(ys[i])) {
                            minY = Math.min(minY, ys[i]);
                            maxY = Math.max(maxY, ys[i]);
                        }
                    }
                }
            }
            if (n == 0 || minY > maxY) {
                return new LineChart(id, title, unit, description, width, height, left, top, width - right,
                        height - bottom, List.of(), List.of(), List.of(), List.of(), null, List.of());
            }
            if (includeZero) {
                minY = Math.min(0, minY);
                maxY = Math.max(0, maxY);
            }
            if (isFlat(minY, maxY)) {
                // A flat series (or one whose values differ by a rounding error): centre it in a range of +-10 %.
                double mid = minY / 2 + maxY / 2;
                double pad = Math.abs(mid) > 0 ? Math.abs(mid) * 0.1 : 1;
                minY = mid - pad;
                maxY = mid + pad;
            }
            double step = niceStep((maxY - minY) / 4);
            double lo = Math.floor(minY / step) * step;
            double hi = Math.ceil(maxY / step) * step;
            // Ticks are counted with an integer: adding a step below an ulp of the value would never end.
            int tickCount = (int) Math.min(MAX_TICKS, Math.max(1, Math.round((hi - lo) / step))) + 1;
            if (maxX == minX) {
                maxX = minX + 1;
            }
            final double x0 = minX, xSpan = maxX - minX, y0 = lo, ySpan = hi - lo;
            DoubleUnaryOperator px = x -> left + (x - x0) / xSpan * plotW;
            DoubleUnaryOperator py = y -> top + (1 - (y - y0) / ySpan) * plotH;

            List<Series> series = new ArrayList<>();
            for (int s = 0; s < values.size(); s++) {
                double[] ys = values.get(s);
                StringBuilder d = new StringBuilder();
                boolean pen = false;
                for (int i = 0; i < Math.min(n, ys.length); i++) {
                    if (!Double.isFinite(ys[i])) {
                        pen = false;
                        continue;
                    }
                    d.append(pen ? 'L' : 'M').append(fmt(px.applyAsDouble(xs[i]))).append(',')
                            .append(fmt(py.applyAsDouble(ys[i])));
                    pen = true;
                }
                series.add(new Series(names.get(s)[0], names.get(s)[1], d.toString()));
            }
            List<Band> bands = new ArrayList<>();
            for (int b = 0; b < bandValues.size(); b++) {
                bands.add(new Band(bandNames.get(b)[0], bandNames.get(b)[1],
                        bandPath(bandValues.get(b)[0], bandValues.get(b)[1], n, px, py)));
            }
            List<Tick> yTicks = new ArrayList<>();
            for (int k = 0; k < tickCount; k++) {
                double v = lo + k * step;
                double value = Math.abs(v) < step / 1e6 ? 0 : v;
                yTicks.add(new Tick(py.applyAsDouble(value), yLabel.apply(value)));
            }
            List<Tick> xTicks = new ArrayList<>();
            int count = Math.min(n, 6);
            for (int k = 0; k < count; k++) {
                int i = count == 1 ? 0 : (int) Math.round(k * (n - 1) / (double) (count - 1));
                xTicks.add(new Tick(px.applyAsDouble(xs[i]), xLabel.apply(i)));
            }
            List<Marker> markers = new ArrayList<>();
            for (int m = 0; m < markerXs.size(); m++) {
                double x = markerXs.get(m)[0];
                if (x >= minX && x <= maxX) {
                    String[] l = markerLabels.get(m);
                    markers.add(new Marker(px.applyAsDouble(x), l[0], l[1], l[2]));
                }
            }
            Double zero = lo < 0 && hi > 0 ? py.applyAsDouble(0) : null;
            return new LineChart(id, title, unit, description, width, height, left, top, width - right,
                    height - bottom, List.copyOf(series), List.copyOf(xTicks), List.copyOf(yTicks),
                    List.copyOf(markers), zero, List.copyOf(bands));
        }

        /** The outline of a band: along the upper series, back along the lower one (points where both are finite). */
        private String bandPath(double[] lo, double[] hi, int n, DoubleUnaryOperator px,
                DoubleUnaryOperator py) {
            int m = Math.min(n, Math.min(lo.length, hi.length));
            StringBuilder d = new StringBuilder();
            int last = -1;
            for (int i = 0; i < m; i++) {
                if (Double.isFinite(lo[i]) && Double.isFinite(hi[i])) {
                    d.append(d.length() == 0 ? 'M' : 'L').append(fmt(px.applyAsDouble(xs[i]))).append(',')
                            .append(fmt(py.applyAsDouble(hi[i])));
                    last = i;
                }
            }
            for (int i = last; i >= 0; i--) {
                if (Double.isFinite(lo[i]) && Double.isFinite(hi[i])) {
                    d.append('L').append(fmt(px.applyAsDouble(xs[i]))).append(',').append(fmt(py.applyAsDouble(lo[i])));
                }
            }
            return d.length() == 0 ? "" : d.append('Z').toString();
        }

        /** True when the range is too small to divide into ticks (a few ulps, or none). */
        static boolean isFlat(double min, double max) {
            return max - min <= Math.max(Math.abs(min), Math.abs(max)) * 1e-9;
        }

        static double niceStep(double raw) {
            if (!(raw > 0) || !Double.isFinite(raw)) {
                return 1;
            }
            double mag = Math.pow(10, Math.floor(Math.log10(raw)));
            double r = raw / mag;
            double nice = r <= 1 ? 1 : r <= 2 ? 2 : r <= 2.5 ? 2.5 : r <= 5 ? 5 : 10;
            return nice * mag;
        }
    }
}
