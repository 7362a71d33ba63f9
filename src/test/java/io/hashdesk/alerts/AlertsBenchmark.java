package io.hashdesk.alerts;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;

import io.hashdesk.economics.Fleet;
import io.hashdesk.economics.RigGroupSpec;
import io.hashdesk.economics.SiteTerms;
import io.hashdesk.network.NetworkView;

/**
 * The alerts' evaluation of 10,000 operators with 10 rig groups each (the default group-switch rule,
 * 100,000 states) on an H2 file database, as after each refresh: the first evaluation (every state seen
 * for the first time, inserted), then evaluations where nothing changes (the steady state: rules and
 * states read, every group's figures at the price and at the margins, nothing written), then one where
 * a tenth of the operators' groups are pending a change. Fleets come from memory, as the evaluation's
 * fleet cache holds them between refreshes. Not run by surefire:
 * {@code ./mvnw -B test-compile exec:java -Dexec.mainClass=io.hashdesk.alerts.AlertsBenchmark -Dexec.classpathScope=test}.
 */
public final class AlertsBenchmark {

    static final int OPERATORS = 10_000;
    static final int GROUPS = 10;
    /** Embedded H2 runs in the caller's thread: its CPU time is the evaluation's, whatever the machine's load. */
    static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private AlertsBenchmark() {
    }

    static NetworkView network(Instant at, double price) {
        return new NetworkView(1, "mempool", at, false, false, at, price, 1.355e14, 935_000, 0.03, 9.7e20, 600, -5, 1,
                50, 1000, 935_424, at.plus(Duration.ofDays(3)), List.of(), null);
    }

    public static void main(String[] args) throws Exception {
        // DB_CLOSE_DELAY=-1: the database stays open between connections, as the app's connection pool
        // keeps it. Without it every evaluation closed and reopened the H2 file twice (the last connection
        // closing closes the database): a third of the evaluation's samples, and most of its wall time.
        String url = "jdbc:h2:file:./target/bench-data/alerts-" + UUID.randomUUID() + ";WRITE_DELAY=0;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        AlertEvaluator.Connections db = () -> DriverManager.getConnection(url, "sa", "");
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        try (Connection c = db.open()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO operator (email, password_hash, role, timezone, created_at)"
                        + " SELECT 'bench-' || X || '@example.com', 'x', 'operator', 'UTC', CURRENT_TIMESTAMP"
                        + " FROM SYSTEM_RANGE(1, " + OPERATORS + ")");
            }
            c.commit();
        }
        try (Connection c = db.open()) {
            long started = System.nanoTime();
            int n = AlertStates.ensureDefaults(c, t0);
            System.out.printf("defaults for %d operators: %d ms%n", n, (System.nanoTime() - started) / 1_000_000);
        }
        // Every operator: one flat site, ten groups of different efficiency (some near their switch-off price).
        Map<Long, FleetFacts> fleets = new HashMap<>();
        Map<Long, Long> ids = new HashMap<>();
        try (Connection c = db.open(); Statement s = c.createStatement();
                var r = s.executeQuery("SELECT id FROM operator")) {
            while (r.next()) {
                ids.put(r.getLong(1), r.getLong(1));
            }
        }
        long rig = 1;
        for (long operator : ids.keySet()) {
            List<RigGroupSpec> specs = new ArrayList<>();
            List<String> models = new ArrayList<>();
            List<String> sites = new ArrayList<>();
            List<Boolean> curtail = new ArrayList<>();
            for (int g = 0; g < GROUPS; g++) {
                specs.add(new RigGroupSpec(rig++, 0, 10, 100, 2000 + 300 * g + operator % 97, null));
                models.add("Model " + g);
                sites.add("Site");
                curtail.add(false);
            }
            fleets.put(operator, new FleetFacts(0, new Fleet(List.of(SiteTerms.flat(0.05)), specs), models, sites,
                    curtail));
        }
        Map<AlertKind, RuleEvaluator> evaluators = new EnumMap<>(AlertKind.class);
        for (RuleEvaluator e : List.of(new GroupSwitchEvaluator(), new PriceBelowEvaluator(), new PriceAboveEvaluator(),
                new HashpriceBelowEvaluator(), new FleetProfitBelowEvaluator(), new DataStaleEvaluator())) {
            evaluators.put(e.kind(), e);
        }
        AlertEvaluator.Changes changes = (o, s, to, at, now, m) -> {
            try (Connection c = db.open()) {
                return AlertFiring.change(c, "https://hashdesk.example", o, s, to, at, now, m);
            }
        };
        double price = 71_000;
        for (int run = 0; run < 8; run++) {
            Instant at = t0.plus(Duration.ofMinutes(5L * (run + 1)));
            // Run 6: the price moves so that some groups cross their switch-off price (a pending change).
            double p = run == 6 ? price * 0.9 : price;
            long cpu = CPU.getCurrentThreadCpuTime();
            AlertEvaluator.Result r = AlertEvaluator.evaluate(db, evaluators, v -> fleets, changes, network(at, p),
                    Map.of("USD", 1.0, "EUR", 0.925), at, false);
            cpu = CPU.getCurrentThreadCpuTime() - cpu;
            System.out.printf("run %d at %,.0f USD: %d rules, %d observations, %d states written, %d fired: %d ms wall,"
                    + " %d ms CPU, load %.1f%n", run + 1, p, r.rules(), r.observations(), r.written(), r.fired(),
                    r.millis(), cpu / 1_000_000, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        try (Connection c = db.open(); PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM alert_state");
                var r = s.executeQuery()) {
            r.next();
            System.out.printf("states stored: %d%n", r.getLong(1));
        }
    }
}
