package io.hashdesk.summary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * The outbox's backlog for operators: mails due now and mails given up on, as Micrometer gauges and
 * as information in the readiness check (never a reason to take an instance out of rotation: the
 * backlog is the SMTP server's problem, and any instance can work it off).
 */
@ApplicationScoped
public class OutboxMetrics {

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        Gauge.builder("hashdesk.summary.outbox.due", this, m -> m.due())
                .description("Summary mails waiting to be sent whose time has come").register(registry);
        Gauge.builder("hashdesk.summary.outbox.failed", this, m -> m.failed())
                .description("Summary mails given up on (kept in the outbox)").register(registry);
    }

    /** Mails waiting whose next attempt is due now (-1 when the database does not answer). */
    public long due() {
        return count("SELECT COUNT(*) FROM summary_outbox WHERE status IN ('pending', 'sending') AND next_attempt_at <= ?",
                true);
    }

    public long failed() {
        return count("SELECT COUNT(*) FROM summary_outbox WHERE status = 'failed'", false);
    }

    private long count(String sql, boolean withNow) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (withNow) {
                s.setObject(1, OutboxClaims.odt(clock.instant()));
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    /** Readiness: always up; the backlog is shown as data. */
    @Readiness
    @ApplicationScoped
    static class Check implements HealthCheck {

        @Inject
        OutboxMetrics metrics;

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("weekly summary outbox").up()
                    .withData("due", metrics.due()).withData("failed", metrics.failed()).build();
        }
    }
}
