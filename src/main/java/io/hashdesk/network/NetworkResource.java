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
                HashRibbons ribbons);

        static native TemplateInstance index$figures(NetworkView net, String zone, String age, LineChart chart,
                HashRibbons ribbons);
    }

    @Inject
    NetworkService network;

    @Inject
    CurrentOperator operator;

    @Inject
    Clock clock;

    @GET
    public TemplateInstance index() {
        NetworkView net = network.latest();
        String zone = operator.get().timezone;
        return Templates.index(net, zone, net.ageText(clock.instant()), hashrateChart(net, zone), net.ribbons());
    }

    /** The figures alone, for htmx to refresh in place. */
    @GET
    @Path("figures")
    public TemplateInstance figures() {
        NetworkView net = network.latest();
        String zone = operator.get().timezone;
        return Templates.index$figures(net, zone, net.ageText(clock.instant()), hashrateChart(net, zone),
                net.ribbons());
    }

    static LineChart hashrateChart(NetworkView net, String zone) {
        List<HashratePoint> history = net.history();
        int n = history.size();
        double[] xs = new double[n];
        double[] daily = new double[n];
        HashRibbons ribbons = net.ribbons();
        double[] ma30 = new double[n];
        double[] ma60 = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i;
            daily[i] = history.get(i).hashrate() / 1e18;
            ma30[i] = ribbons.ma30()[i] / 1e18;
            ma60[i] = ribbons.ma60()[i] / 1e18;
        }
        ZoneId z = zoneOf(zone);
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

    private static ZoneId zoneOf(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
