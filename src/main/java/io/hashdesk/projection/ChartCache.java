package io.hashdesk.projection;

import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hashdesk.HashdeskConfig;
import io.hashdesk.web.LruCache;
import io.hashdesk.web.chart.LineChart;

/**
 * Charts of projections, each built once per projection, chart and time zone (its labels are dates in
 * that zone), bounded by their estimated memory ({@code hashdesk.projection.cache-megabytes}).
 */
@ApplicationScoped
public class ChartCache {

    private record ChartKey(Object projection, String chart, String zone) {
    }

    private final LruCache<ChartKey, LineChart> charts;

    @Inject
    public ChartCache(HashdeskConfig config) {
        this.charts = LruCache.ofBytes(ProjectionService.cacheBudget(config.projection().cacheMegabytes(),
                Runtime.getRuntime().maxMemory()), ChartCache::sizeOf);
    }

    /** Approximate heap size of a chart: its SVG paths (two bytes a character) and labels. */
    static long sizeOf(LineChart chart) {
        long chars = 0;
        for (LineChart.Series s : chart.series()) {
            chars += s.path().length() + 64;
        }
        for (LineChart.Band b : chart.bands() == null ? List.<LineChart.Band>of() : chart.bands()) {
            chars += b.path().length() + 64;
        }
        int labels = chart.xTicks().size() + chart.yTicks().size() + (chart.markers() == null ? 0 : chart.markers().size());
        return 2 * chars + 160L * labels + 1024;
    }

    /** A chart of a projection, built once per projection, chart and time zone. */
    public LineChart chart(FleetProjection p, String chart, String zone, Function<FleetProjection, LineChart> build) {
        return charts.computeOnce(new ChartKey(p.cacheKey(), chart, zone), k -> build.apply(p));
    }

    /** Forgets every chart (tests). */
    public void clear() {
        charts.clear();
    }
}
