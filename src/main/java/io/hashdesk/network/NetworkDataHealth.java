package io.hashdesk.network;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * How old the network data is, for whoever watches the instances: a readiness entry and the gauge
 * {@code hashdesk_network_data_age_seconds}. It is information only and always UP: when mempool and
 * esplora are down every instance is equally affected, and the pages already say the data is stale,
 * so taking instances out of the load balancer would only turn stale figures into no figures.
 */
@Readiness
@ApplicationScoped
public class NetworkDataHealth implements HealthCheck {

    static final String NAME = "Network data";
    static final String AGE_GAUGE = "hashdesk.network.data.age";

    @Inject
    NetworkService network;

    @Inject
    Clock clock;

    void registerGauge(@Observes StartupEvent event, MeterRegistry registry) {
        Gauge.builder(AGE_GAUGE, this, NetworkDataHealth::ageSeconds)
                .description("Seconds since the network data shown on every page was fetched "
                        + "(the bundled sample counts from its own date)")
                .baseUnit("seconds")
                .register(registry);
    }

    double ageSeconds() {
        try {
            return network.latest().age(clock.instant()).toMillis() / 1000.0;
        } catch (RuntimeException e) {
            return Double.NaN; // the database is unreachable: the datasource check says so
        }
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        try {
            NetworkView view = network.latest();
            return response.withData("source", view.source())
                    .withData("fetchedAt", view.fetchedAt().toString())
                    .withData("ageSeconds", view.age(clock.instant()).toSeconds())
                    .withData("stale", view.stale())
                    .withData("sample", view.bundled())
                    .build();
        } catch (RuntimeException e) {
            // Still UP: the database check reports the database, this entry is information only.
            return response.withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
