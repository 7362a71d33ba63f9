package io.hashdesk.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.hashdesk.testing.MigratedDatabase;

/**
 * The outbox's claim SQL on both databases it runs on, on plain JDBC connections (as two instances
 * sharing one database would): the real schema (every Flyway migration), the real claim and mark
 * code. PostgreSQL runs in a schema of its own: {@code <pg.schema>_pg} (default hashdesk_it_pg).
 */
class OutboxClaimsDatabaseTest {

    static final String PG_SCHEMA = System.getProperty("pg.schema", "hashdesk_it") + "_pg";
    static final Instant NOW = Instant.parse("2026-11-23T13:00:00Z");

    static MigratedDatabase database(String kind) {
        return MigratedDatabase.fresh(kind, "outbox-claims", PG_SCHEMA);
    }

    /** An operator and {@code n} due test mails; their ids. */
    static List<Long> rows(MigratedDatabase db, int n) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = db.open(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO operator (email, password_hash, role, timezone, created_at)"
                    + " VALUES ('race@example.com', 'x', 'operator', 'UTC', CURRENT_TIMESTAMP)");
            long operator;
            try (ResultSet r = s.executeQuery("SELECT id FROM operator WHERE email = 'race@example.com'")) {
                r.next();
                operator = r.getLong(1);
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO summary_outbox (operator_id, kind, week_start,"
                    + " recipient, subject, message_id, unsubscribe_url, status, attempts,"
                    + " next_attempt_at, give_up_at, created_at) VALUES (?, 'test', NULL, 'race@example.com', ?,"
                    + " ?, 'u', 'pending', 0, ?, ?, ?)")) {
                for (int i = 0; i < n; i++) {
                    p.setLong(1, operator);
                    p.setString(2, "mail " + i);
                    p.setString(3, "<m" + i + "@x>");
                    p.setObject(4, OutboxClaims.odt(NOW.minusSeconds(i)));
                    p.setObject(5, OutboxClaims.odt(NOW.plus(Duration.ofDays(1))));
                    p.setObject(6, OutboxClaims.odt(NOW));
                    p.executeUpdate();
                }
            }
            try (ResultSet r = s.executeQuery("SELECT id FROM summary_outbox ORDER BY id")) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
            s.executeUpdate("INSERT INTO summary_outbox_body (mail_id, body_html, body_text)"
                    + " SELECT id, 'h' || subject, 't' || subject FROM summary_outbox");
        }
        return ids;
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgresql" })
    void rowsLockedByOneSenderAreSkippedByAnotherWithoutWaiting(String kind) throws Exception {
        MigratedDatabase db = database(kind);
        List<Long> ids = rows(db, 6);
        try (Connection holder = db.open(); Connection other = db.open()) {
            // One sender's claim transaction still open, holding the first three rows.
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.executeQuery("SELECT id FROM summary_outbox WHERE id IN (" + ids.get(0) + ", " + ids.get(1) + ", "
                        + ids.get(2) + ") FOR UPDATE").close();
            }
            long started = System.nanoTime();
            List<OutboxClaims.Claimed> claimed = OutboxClaims.claim(other, NOW, 10, Duration.ofMinutes(10), "b");
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0, "no waiting");
            Set<Long> got = new HashSet<>();
            claimed.forEach(m -> got.add(m.id()));
            assertEquals(Set.of(ids.get(3), ids.get(4), ids.get(5)), got, "the locked rows are skipped");
            for (OutboxClaims.Claimed m : claimed) {
                // Each claimed mail comes with its own bodies (stored in a table of their own).
                assertEquals("h" + m.subject(), m.html());
                assertEquals("t" + m.subject(), m.text());
            }
            holder.rollback();
            // Claimed rows are leased: nobody else gets them while the lease runs.
            List<OutboxClaims.Claimed> rest = OutboxClaims.claim(holder, NOW, 10, Duration.ofMinutes(10), "a");
            assertEquals(3, rest.size());
            assertTrue(OutboxClaims.claim(other, NOW.plusSeconds(60), 10, Duration.ofMinutes(10), "c").isEmpty());
            // Only the claimer marks a row sent.
            assertFalse(OutboxClaims.markSent(other, rest.get(0).id(), "b", NOW));
            assertTrue(OutboxClaims.markSent(holder, rest.get(0).id(), "a", NOW));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgresql" })
    void twoConnectionsRacingSendEveryRowExactlyOnce(String kind) throws Exception {
        MigratedDatabase db = database(kind);
        List<Long> ids = rows(db, 60);
        Map<Long, AtomicInteger> sends = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> senders = new ArrayList<>();
            for (String claimer : List.of("a", "b")) {
                senders.add(pool.submit(() -> {
                    int mine = 0;
                    try (Connection c = db.open()) {
                        go.await();
                        while (true) {
                            List<OutboxClaims.Claimed> batch = OutboxClaims.claim(c, NOW, 3, Duration.ofMinutes(10), claimer);
                            if (batch.isEmpty()) {
                                return mine;
                            }
                            for (OutboxClaims.Claimed m : batch) {
                                sends.computeIfAbsent(m.id(), k -> new AtomicInteger()).incrementAndGet();
                                Thread.sleep(1); // the SMTP conversation
                                assertTrue(OutboxClaims.markSent(c, m.id(), claimer, NOW));
                                mine++;
                            }
                        }
                    }
                }));
            }
            go.countDown();
            int a = senders.get(0).get();
            int b = senders.get(1).get();
            assertEquals(60, a + b);
            assertTrue(a > 0 && b > 0, "both senders took part: " + a + " and " + b);
        } finally {
            pool.shutdown();
        }
        assertEquals(new HashSet<>(ids), sends.keySet());
        sends.forEach((id, n) -> assertEquals(1, n.get(), "row " + id));
        try (Connection c = db.open(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM summary_outbox WHERE status = 'sent'")) {
            r.next();
            assertEquals(60, r.getLong(1));
        }
    }
}
