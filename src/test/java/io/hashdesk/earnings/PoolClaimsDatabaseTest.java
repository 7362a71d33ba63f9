package io.hashdesk.earnings;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
 * The pool fetch claim on both databases it runs on, on plain JDBC connections as two instances sharing
 * one database would: every due account is fetched by exactly one of them, an account is not due again
 * the same UTC day, a lease that ran out lets another instance take over, a refused token is never due.
 * PostgreSQL runs in a schema of its own: {@code <pg.schema>_pools} (default hashdesk_it_pools).
 */
class PoolClaimsDatabaseTest {

    static final String PG_SCHEMA = System.getProperty("pg.schema", "hashdesk_it") + "_pools";
    static final Instant NOW = Instant.parse("2026-11-23T13:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(10);
    static final Duration RETRY = Duration.ofHours(1);

    static MigratedDatabase database(String kind) {
        return MigratedDatabase.fresh(kind, "pool-claims", PG_SCHEMA);
    }

    /** An operator with {@code n} new Braiins accounts and one whose token was refused; the new ones' ids. */
    static List<Long> accounts(MigratedDatabase db, int n) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = db.open(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO operator (email, password_hash, role, timezone, created_at)"
                    + " VALUES ('pools@example.com', 'x', 'operator', 'UTC', CURRENT_TIMESTAMP)");
            long operator;
            try (ResultSet r = s.executeQuery("SELECT id FROM operator WHERE email = 'pools@example.com'")) {
                r.next();
                operator = r.getLong(1);
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO pool_account (operator_id, name, kind,"
                    + " token_sealed, threshold_percent, state, created_at, updated_at)"
                    + " VALUES (?, ?, 'braiins', 'v1.x.y', 90, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
                for (int i = 0; i <= n; i++) {
                    p.setLong(1, operator);
                    p.setString(2, "account " + i);
                    p.setString(3, i == n ? "token-refused" : "new");
                    p.executeUpdate();
                }
            }
            try (ResultSet r = s.executeQuery("SELECT id FROM pool_account WHERE state = 'new' ORDER BY id")) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        return ids;
    }

    /** What a fetch leaves behind: fetched now, state ok, claim released. */
    static void fetched(Connection c, long id, String claimer, Instant at) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE pool_account SET state = 'ok', last_fetch_at = ? WHERE id = ?")) {
            p.setObject(1, at.atOffset(ZoneOffset.UTC));
            p.setLong(2, id);
            p.executeUpdate();
        }
        assertThat(PoolClaims.release(c, id, claimer)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgresql" })
    void twoInstancesFetchEveryDueAccountExactlyOnce(String kind) throws Exception {
        MigratedDatabase db = database(kind);
        List<Long> ids = accounts(db, 40);
        Map<Long, String> fetchedBy = new ConcurrentHashMap<>();
        AtomicInteger twice = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> runs = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            String instance = "instance-" + k;
            Callable<Void> run = () -> {
                start.await();
                try (Connection c = db.open()) {
                    while (true) {
                        List<Long> batch = PoolClaims.claim(c, NOW, 3, LEASE, RETRY, instance, null);
                        if (batch.isEmpty()) {
                            return null;
                        }
                        for (long id : batch) {
                            if (fetchedBy.putIfAbsent(id, instance) != null) {
                                twice.incrementAndGet();
                            }
                            fetched(c, id, instance, NOW);
                        }
                    }
                }
            };
            runs.add(pool.submit(run));
        }
        start.countDown();
        for (Future<?> f : runs) {
            f.get();
        }
        pool.shutdown();
        assertThat(twice).hasValue(0);
        assertThat(fetchedBy.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        try (Connection c = db.open()) {
            assertThat(PoolClaims.claim(c, NOW.plus(Duration.ofHours(2)), 100, LEASE, RETRY, "later", null))
                    .as("fetched today: not due again until a day has closed").isEmpty();
            assertThat(PoolClaims.claim(c, NOW.plus(Duration.ofDays(1)), 100, LEASE, RETRY, "tomorrow", null))
                    .as("due again the next UTC day; the refused token never").containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgresql" })
    void aClaimWhoseLeaseRanOutIsTakenOverAndOnlyTheClaimerReleases(String kind) throws Exception {
        MigratedDatabase db = database(kind);
        List<Long> ids = accounts(db, 1);
        try (Connection c = db.open()) {
            assertThat(PoolClaims.claim(c, NOW, 10, LEASE, RETRY, "died", null)).containsExactlyElementsOf(ids);
            assertThat(PoolClaims.claim(c, NOW.plusSeconds(60), 10, LEASE, RETRY, "other", null)).isEmpty();
            assertThat(PoolClaims.claim(c, NOW.plus(LEASE).plusSeconds(1), 10, LEASE, RETRY, "other", null))
                    .containsExactlyElementsOf(ids);
            assertThat(PoolClaims.release(c, ids.get(0), "died")).isFalse();
            assertThat(PoolClaims.release(c, ids.get(0), "other")).isTrue();
        }
    }
}
