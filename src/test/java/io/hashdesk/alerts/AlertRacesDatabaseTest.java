package io.hashdesk.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.hashdesk.testing.MigratedDatabase;

/**
 * Two instances on one database (two JDBC connections each, as separate processes would hold): the
 * real schema (every migration) and the real firing and claim code, on H2 and PostgreSQL. Each
 * confirmed change fires one alert, one mail and one webhook delivery; each delivery is claimed once.
 * PostgreSQL runs in a schema of its own: {@code <pg.schema>_alerts_pg}.
 */
class AlertRacesDatabaseTest {

    static final String PG_SCHEMA = System.getProperty("pg.schema", "hashdesk_it") + "_alerts_pg";
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant T1 = T0.plusSeconds(300);
    static final int SUBJECTS = 20;

    static MigratedDatabase database(String kind) {
        return MigratedDatabase.fresh(kind, "alert-races", PG_SCHEMA);
    }

    static long scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** A verified operator with the default rule, a webhook, and {@code SUBJECTS} groups' states "on" as of T0. */
    static long setUp(MigratedDatabase db) throws SQLException {
        try (Connection c = db.open(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO operator (email, password_hash, role, timezone, created_at, email_verified_at)"
                    + " VALUES ('race@example.com', 'x', 'operator', 'UTC', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            long operator = scalar(c, "SELECT id FROM operator WHERE email = 'race@example.com'");
            assertThat(AlertStates.ensureDefaults(c, T0)).isEqualTo(1);
            assertThat(AlertStates.ensureDefaults(c, operator, T0)).as("once").isFalse();
            s.executeUpdate("INSERT INTO alert_webhook (operator_id, url, secret_sealed, created_at) VALUES ("
                    + operator + ", 'https://hooks.example.com/x', 'sealed', CURRENT_TIMESTAMP)");
            long rule = scalar(c, "SELECT id FROM alert_rule WHERE operator_id = " + operator);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO alert_state (rule_id, subject, state,"
                    + " pending_count, observed_at, changes) VALUES (?, ?, 'on', 0, ?, 0)")) {
                for (int i = 0; i < SUBJECTS; i++) {
                    p.setLong(1, rule);
                    p.setString(2, "group:" + i);
                    p.setObject(3, AlertStates.odt(T0));
                    p.executeUpdate();
                }
            }
            return operator;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgresql" })
    void twoInstancesConfirmingTheSameChangesFireEachOnce(String kind) throws Exception {
        MigratedDatabase db = database(kind);
        long operator = setUp(db);
        long rule;
        try (Connection c = db.open()) {
            rule = scalar(c, "SELECT id FROM alert_rule WHERE operator_id = " + operator);
        }
        StateMachine.State on = new StateMachine.State("on", "off", 1, T0, 0);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Map<String, Integer> made = new ConcurrentHashMap<>();
        try {
            for (int i = 0; i < SUBJECTS; i++) {
                String subject = "group:" + i;
                Observation o = new Observation(rule, operator, "group-switch", subject, "off", 2, null);
                AlertMessage m = new AlertMessage("Switch off: " + subject, "Switch off: " + subject, Map.of());
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> both = new ArrayList<>();
                for (int instance = 0; instance < 2; instance++) {
                    both.add(pool.submit(() -> {
                        try (Connection c = db.open()) {
                            start.await();
                            return AlertFiring.change(c, "https://hashdesk.example", o, on, "off", T1, T1, m);
                        }
                    }));
                }
                start.countDown();
                int n = 0;
                for (Future<Boolean> f : both) {
                    n += f.get() ? 1 : 0;
                }
                made.put(subject, n);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(made.values()).as("exactly one instance made each change").containsOnly(1);
        try (Connection c = db.open()) {
            assertThat(scalar(c, "SELECT COUNT(*) FROM alert")).isEqualTo(SUBJECTS);
            assertThat(scalar(c, "SELECT COUNT(*) FROM summary_outbox WHERE kind = 'alert'")).isEqualTo(SUBJECTS);
            assertThat(scalar(c, "SELECT COUNT(*) FROM alert_delivery WHERE channel = 'webhook'")).isEqualTo(SUBJECTS);
            assertThat(scalar(c, "SELECT COUNT(*) FROM alert_state WHERE state = 'off' AND changes = 1"))
                    .isEqualTo(SUBJECTS);
        }
        // The same change again (a restarted instance with the old state in memory) changes nothing.
        try (Connection c = db.open()) {
            Observation o = new Observation(rule, operator, "group-switch", "group:0", "off", 2, null);
            assertThat(AlertFiring.change(c, "https://x", o, on, "off", T1.plusSeconds(300), T1,
                    new AlertMessage("s", "t", Map.of()))).isFalse();
            assertThat(scalar(c, "SELECT COUNT(*) FROM alert")).isEqualTo(SUBJECTS);
        }

        // Two senders claiming the webhook deliveries at once: each claimed by one of them.
        Set<Long> claimed = ConcurrentHashMap.newKeySet();
        List<Long> all = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Long>>> both = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (int instance = 0; instance < 2; instance++) {
                String claimer = "instance-" + instance;
                both.add(senders.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    start.await();
                    try (Connection c = db.open()) {
                        List<WebhookDeliveries.Claimed> batch;
                        while (!(batch = WebhookDeliveries.claim(c, T1.plusSeconds(1), 3, claimer)).isEmpty()) {
                            batch.forEach(d -> mine.add(d.id()));
                        }
                    }
                    return mine;
                }));
            }
            start.countDown();
            for (Future<List<Long>> f : both) {
                all.addAll(f.get());
            }
        } finally {
            senders.shutdownNow();
        }
        claimed.addAll(all);
        assertThat(all).hasSize(SUBJECTS);
        assertThat(new HashSet<>(all)).hasSize(SUBJECTS);
    }
}
