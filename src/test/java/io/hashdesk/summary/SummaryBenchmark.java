package io.hashdesk.summary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.hashdesk.fleet.Site;
import io.hashdesk.network.NetworkService;
import io.hashdesk.testing.Networks;
import io.hashdesk.testing.Smtp;
import io.hashdesk.testing.Snapshots;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Benchmark, not a test (surefire does not pick it up by name; nothing is asserted on time):
 * 10,000 operators with 10 rig groups each (two sites, one flat and one time-of-use). Times the
 * ledger day, the summaries rendered and stored, and the mails handed to a local SMTP server (a
 * bare one, {@link SmtpSink}). Writes one of the mails to target/mail-samples/. Run it with
 *
 * <pre>./mvnw test -Dtest=SummaryBenchmark</pre>
 */
@QuarkusTest
class SummaryBenchmark {

    static final int OPERATORS = Integer.getInteger("bench.operators", 10_000);
    static final int GROUPS = 10;

    @Inject
    DataSource dataSource;

    @Inject
    NetworkService network;

    @Inject
    Ledger ledger;

    @Inject
    Outbox outbox;

    @Inject
    OutboxSender sender;

    @Test
    void tenThousandOperators() throws Exception {
        Networks.startWorked(network, 71_000, -5, 3);
        ZoneId utc = ZoneId.of("UTC");
        Instant due = Outbox.due(Outbox.weekStart(Instant.now(), utc), utc, DayOfWeek.MONDAY, 7);
        if (due.isAfter(Instant.now())) {
            due = due.minus(Duration.ofDays(7));
        }
        Instant now = due.plusSeconds(30);
        LocalDate day = now.atZone(utc).toLocalDate().minusDays(1);
        long t0 = System.nanoTime();
        fleets(now.minus(Duration.ofDays(30)));
        Snapshots.stored(day.atTime(12, 0).toInstant(ZoneOffset.UTC), 71_000, 1.355e14);
        Snapshots.stored(day.plusDays(1).atTime(0, 5).toInstant(ZoneOffset.UTC), 71_200, 1.355e14);
        System.out.printf(Locale.ROOT, "setup: %d operators x %d rig groups in %.1f s%n", OPERATORS, GROUPS,
                (System.nanoTime() - t0) / 1e9);

        // A bare SMTP server on the test SMTP port instead of GreenMail, which would spend more CPU parsing
        // the mails than hashdesk spends sending them.
        Smtp.refuse();
        SmtpSink sink = new SmtpSink(Smtp.port());
        long t1 = System.nanoTime(), c1 = cpu();
        int days = ledger.recordDue(now);
        long t2 = System.nanoTime(), c2 = cpu();
        int stored = outbox.enqueueDue(now);
        long t3 = System.nanoTime(), c3 = cpu();
        int sent = sender.sendDue(now);
        long t4 = System.nanoTime(), c4 = cpu();
        int received = sink.received.get();
        OutboxMail sample = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(
                () -> OutboxMail.<OutboxMail>find("kind = 'weekly' order by id desc").firstResult());
        Files.createDirectories(Path.of("target/mail-samples"));
        Files.writeString(Path.of("target/mail-samples/bench-weekly.html"), sample.bodyHtml);
        Files.writeString(Path.of("target/mail-samples/bench-weekly.txt"), sample.bodyText);
        sink.close();
        System.out.printf(Locale.ROOT, "load average before: %.1f (2 cores shared with other work)%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "ledger day:        %6d rows     %6.1f s wall %6.1f s CPU%n", days,
                (t2 - t1) / 1e9, (c2 - c1) / 1e9);
        System.out.printf(Locale.ROOT, "summaries stored:  %6d mails    %6.1f s wall %6.1f s CPU (rendered html + text)%n",
                stored, (t3 - t2) / 1e9, (c3 - c2) / 1e9);
        System.out.printf(Locale.ROOT, "handed to SMTP:    %6d mails    %6.1f s wall %6.1f s CPU (%d received)%n", sent,
                (t4 - t3) / 1e9, (c4 - c3) / 1e9, received);
        System.out.printf(Locale.ROOT, "total:                             %6.1f s wall %6.1f s CPU%n", (t4 - t1) / 1e9,
                (c4 - c1) / 1e9);
        // (GreenMail stays stopped: the sink's port may still be held by closing connections.)
    }

    /** CPU time of this whole JVM (app, H2, the SMTP sink), ns. */
    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Operators, sites and rig groups by JDBC batches (registering through the pages would time bcrypt). */
    void fleets(Instant createdAt) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long firstOperator;
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT COALESCE(MAX(id), 0) FROM operator")) {
                r.next();
                firstOperator = r.getLong(1) + 1_000_000;
            }
            var ts = createdAt.atOffset(ZoneOffset.UTC);
            try (PreparedStatement op = c.prepareStatement("INSERT INTO operator (id, email, password_hash, role,"
                    + " timezone, created_at, email_verified_at) VALUES (?, ?, 'x', 'operator', 'UTC', ?, ?)");
                    PreparedStatement site = c.prepareStatement("INSERT INTO site (id, operator_id, name, tariff_type,"
                            + " flat_usd_per_kwh, pool_fee_percent, hosting_usd_per_month, power_overhead, uptime_percent,"
                            + " curtail, timezone, created_at, updated_at, name_key)"
                            + " VALUES (?, ?, ?, ?, ?, 2, 500, 1.1, 97, ?, ?, ?, ?, ?)");
                    PreparedStatement band = c.prepareStatement("INSERT INTO site_tariff_band (site_id, band_index, days,"
                            + " from_hour, to_hour, usd_per_kwh) VALUES (?, ?, 'Mon-Sun', ?, ?, ?)");
                    PreparedStatement rig = c.prepareStatement("INSERT INTO rig_group (operator_id, site_id, model,"
                            + " units, terahash_per_unit, watts_per_unit, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < OPERATORS; i++) {
                    long id = firstOperator + i;
                    op.setLong(1, id);
                    op.setString(2, "bench-" + id + "@example.com");
                    op.setObject(3, ts);
                    op.setObject(4, ts); // confirmed addresses: summaries go only to those
                    op.addBatch();
                    for (int s = 0; s < 2; s++) {
                        long siteId = id * 2 + s;
                        site.setLong(1, siteId);
                        site.setLong(2, id);
                        String siteName = s == 0 ? "Flat site" : "Time-of-use site";
                        site.setString(3, siteName);
                        site.setString(10, Site.nameKey(siteName));
                        site.setString(4, s == 0 ? "flat" : "tou");
                        if (s == 0) {
                            site.setDouble(5, 0.045 + (i % 5) * 0.01);
                        } else {
                            site.setNull(5, java.sql.Types.DOUBLE);
                            band.setLong(1, siteId);
                            band.setInt(2, 0);
                            band.setInt(3, 0);
                            band.setInt(4, 8);
                            band.setDouble(5, 0.03);
                            band.addBatch();
                            band.setLong(1, siteId);
                            band.setInt(2, 1);
                            band.setInt(3, 8);
                            band.setInt(4, 24);
                            band.setDouble(5, 0.11);
                            band.addBatch();
                        }
                        site.setBoolean(6, s == 1);
                        site.setString(7, s == 0 ? "UTC" : "America/Chicago");
                        site.setObject(8, ts);
                        site.setObject(9, ts);
                        site.addBatch();
                    }
                    for (int g = 0; g < GROUPS; g++) {
                        rig.setLong(1, id);
                        rig.setLong(2, id * 2 + g % 2);
                        rig.setString(3, "Bench model " + g);
                        rig.setLong(4, 10 + g * 7);
                        rig.setDouble(5, 100 + g * 25);
                        rig.setDouble(6, 3000 + g * 150);
                        rig.setObject(7, ts);
                        rig.setObject(8, ts);
                        rig.addBatch();
                    }
                    if (i % 500 == 499) {
                        op.executeBatch();
                        site.executeBatch();
                        band.executeBatch();
                        rig.executeBatch();
                    }
                }
                op.executeBatch();
                site.executeBatch();
                band.executeBatch();
                rig.executeBatch();
            }
            c.commit();
        }
    }
}
