package io.hashdesk.earnings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Which instance fetches which pool account, on a plain JDBC connection (the same SQL on H2 and
 * PostgreSQL), as the summary outbox claims its mails: due accounts are claimed under row locks in a
 * short transaction and given a lease ({@code fetch_lease_until}); another instance takes an account
 * over only once the lease has run out (the claimer died mid-fetch), and only the claimer releases it.
 * <p>
 * An account is due when it is new (never fetched, or its token just changed), when it was last fetched before the start of the
 * current UTC day (a day has closed since), or when its last fetch failed at least {@code retryAfter}
 * ago. An account whose token was refused is never due: it waits for a new token.
 */
public final class PoolClaims {

    private PoolClaims() {
    }

    /**
     * Claims up to {@code max} due Braiins accounts for {@code claimer} (only {@code onlyId}, due or not,
     * when given). Rows another transaction holds are skipped. No ORDER BY (H2 sorts before skipping
     * locked rows).
     */
    public static List<Long> claim(Connection c, Instant now, int max, Duration lease, Duration retryAfter,
            String claimer, Long onlyId) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            List<Long> ids = new ArrayList<>();
            String due = onlyId != null ? " AND id = ?"
                    : " AND (state = 'new' OR last_fetch_at IS NULL OR last_fetch_at < ? OR (state = 'error' AND last_fetch_at <= ?))";
            try (PreparedStatement select = c.prepareStatement("SELECT id FROM pool_account WHERE kind = 'braiins'"
                    + " AND state <> 'token-refused' AND (fetch_lease_until IS NULL OR fetch_lease_until <= ?)" + due
                    + " FETCH FIRST " + Math.max(1, max) + " ROWS ONLY FOR UPDATE SKIP LOCKED")) {
                select.setObject(1, odt(now));
                if (onlyId != null) {
                    select.setLong(2, onlyId);
                } else {
                    select.setObject(2, odt(now.atOffset(ZoneOffset.UTC).toLocalDate().atStartOfDay()
                            .toInstant(ZoneOffset.UTC)));
                    select.setObject(3, odt(now.minus(retryAfter)));
                }
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getLong(1));
                    }
                }
            }
            if (!ids.isEmpty()) {
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE pool_account SET fetch_claimed_by = ?, fetch_lease_until = ? WHERE id = ?")) {
                    for (long id : ids) {
                        update.setString(1, claimer);
                        update.setObject(2, odt(now.plus(lease)));
                        update.setLong(3, id);
                        update.addBatch();
                    }
                    update.executeBatch();
                }
            }
            c.commit();
            return ids;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** Ends {@code claimer}'s claim on the account; false when it was lost (the lease ran out, another took it). */
    public static boolean release(Connection c, long id, String claimer) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE pool_account SET fetch_claimed_by = NULL,"
                + " fetch_lease_until = NULL WHERE id = ? AND fetch_claimed_by = ?")) {
            s.setLong(1, id);
            s.setString(2, claimer);
            boolean released = s.executeUpdate() == 1;
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return released;
        }
    }

    static OffsetDateTime odt(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
