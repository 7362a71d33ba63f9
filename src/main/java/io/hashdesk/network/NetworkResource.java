package io.hashdesk.network;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.web.LruCache;
import io.hashdesk.web.Formats;
import io.hashdesk.web.chart.LineChart;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The /network page: where the network stands, where the data comes from and how old it is. */
@Path("/network")
@Produces(MediaType.TEXT_HTML)
public class NetworkResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(NetworkView net, String zone, String age, LineChart chart,
                HashRibbons ribbons, List<NetworkService.Refusal> refusals);

        static native TemplateInstance index$figures(NetworkView net, String zone, String age, LineChart chart,
                HashRibbons ribbons, List<NetworkService.Refusal> refusals);
    }

    @Inject
    NetworkService network;

    @Inject
    CurrentOperator operator;

    @Inject
    Clock clock;

    /** The chart depends only on the snapshot and the reader's zone; the page polls it every minute. */
    private record ChartKey(long snapshot, String zone) {
    }

    private final LruCache<ChartKey, LineChart> charts = LruCache.ofCount(64);

    @GET
    public TemplateInstance index() {
        return page(false);
    }

    /** The figures alone, for htmx to refresh in place. */
    @GET
    @Path("figures")
    public TemplateInstance figures() {
        return page(true);
    }

    private TemplateInstance page(boolean fragment) {
        NetworkView net = network.latest();
        String zone = operator.get().timezone;
        HashRibbons ribbons = net.ribbons();
        LineChart chart = charts.computeIfAbsent(new ChartKey(net.version(), zone),
                k -> hashrateChart(net, ribbons, zone));
        String age = net.ageText(clock.instant());
        List<NetworkService.Refusal> refusals = network.refusals();
        return fragment ? Templates.index$figures(net, zone, age, chart, ribbons, refusals)
                : Templates.index(net, zone, age, chart, ribbons, refusals);
    }

    static LineChart hashrateChart(NetworkView net, HashRibbons ribbons, String zone) {
        List<HashratePoint> history = net.history();
        int n = history.size();
        double[] xs = new double[n];
        double[] daily = new double[n];
        double[] ma30 = new double[n];
        double[] ma60 = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i;
            daily[i] = history.get(i).hashrate() / 1e18;
            ma30[i] = ribbons.ma30()[i] / 1e18;
            ma60[i] = ribbons.ma60()[i] / 1e18;
        }
        ZoneId z = Formats.zoneOf(zone);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
        String description = n == 0 ? "No hashrate history yet."
                : String.format(Locale.ENGLISH,
                        "Daily network hashrate over %d days, from %.0f EH/s on %s to %.0f EH/s on %s; peak %.0f EH/s. %s",
                        n, daily[0], day.format(history.get(0).day().atZone(z)), daily[n - 1],
                        day.format(history.get(n - 1).day().atZone(z)), net.peakHashrate() / 1e18,
                        ribbons.known() ? (ribbons.capitulation()
                                ? "The 30-day average is below the 60-day average: miners are capitulating."
                                : "The 30-day average is above the 60-day average.") : "");
        return LineChart.builder("hashrate-chart", "Network hashrate, last " + n + " days", "EH/s")
                .x(xs, i -> day.format(history.get(i).day().atZone(z)))
                .yLabel(v -> String.format(Locale.ENGLISH, "%,.0f", v))
                .line("Daily", "s1", daily)
                .line("30-day average", "s2", ma30)
                .line("60-day average", "s4", ma60)
                .describe(description)
                .build();
    }

}
