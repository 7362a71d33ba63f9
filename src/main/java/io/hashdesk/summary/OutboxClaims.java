package io.hashdesk.summary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox's SQL, on a plain JDBC connection (the same on H2 2.4 and PostgreSQL): claim due rows
 * under row locks in a short transaction, then mark each sent or schedule its retry. A claim sets the
 * row to "sending" with a lease ({@code next_attempt_at}); another sender takes it over only once the
 * lease has run out (the claimer died mid-send), and only the claimer can mark it.
 */
public final class OutboxClaims {

    /** First retry within a minute, then doubling, at most an hour apart. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);

    private OutboxClaims() {
    }

    /** A claimed row: what to send and how many attempts it has had (this one included). */
    public record Claimed(long id, long operatorId, String kind, String recipient, String subject, String html,
            String text, String messageId, String unsubscribeUrl, int attempts, Instant giveUpAt) {
    }

    private record Row(long id, long operatorId, String kind, String recipient, String subject, String messageId,
            String unsubscribeUrl, int attempts, Instant giveUpAt) {
    }

    /** What became of a failed attempt. */
    public record Retry(boolean failed, Instant nextAttemptAt) {
    }

    /**
     * Claims up to {@code max} due rows for {@code claimer}. Rows another transaction holds are skipped
     * (no waiting). No ORDER BY: H2 applies a sort before skipping locked rows and would then return
     * nothing while another sender holds the first rows.
     */
    public static List<Claimed> claim(Connection c, Instant now, int max, Duration lease, String claimer)
            throws SQLException {
        return claim(c, now, max, lease, claimer, null);
    }

    /** As {@link #claim(Connection, Instant, int, Duration, String)}, limited to one row when {@code onlyId} is given. */
    public static List<Claimed> claim(Connection c, Instant now, int max, Duration lease, String claimer, Long onlyId)
            throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            // The small columns under row locks first; the bodies (a table of their own) once claimed.
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id, operator_id, kind, recipient, subject, message_id, unsubscribe_url, attempts, give_up_at"
                            + " FROM summary_outbox WHERE status IN ('pending', 'sending') AND next_attempt_at <= ?"
                            + (onlyId != null ? " AND id = ?" : "")
                            + " FETCH FIRST " + Math.max(1, max) + " ROWS ONLY FOR UPDATE SKIP LOCKED")) {
                select.setObject(1, odt(now));
                if (onlyId != null) {
                    select.setLong(2, onlyId);
                }
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        rows.add(new Row(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5),
                                r.getString(6), r.getString(7), r.getInt(8) + 1,
                                r.getObject(9, OffsetDateTime.class).toInstant()));
                    }
                }
            }
            List<Claimed> out = new ArrayList<>();
            if (!rows.isEmpty()) {
                try (PreparedStatement update = c.prepareStatement("UPDATE summary_outbox SET status = 'sending',"
                        + " claimed_by = ?, attempts = attempts + 1, next_attempt_at = ? WHERE id = ?")) {
                    for (Row row : rows) {
                        update.setString(1, claimer);
                        update.setObject(2, odt(now.plus(lease)));
                        update.setLong(3, row.id());
                        update.addBatch();
                    }
                    update.executeBatch();
                }
                Map<Long, String[]> bodies = new HashMap<>();
                try (PreparedStatement select = c.prepareStatement("SELECT mail_id, body_html, body_text"
                        + " FROM summary_outbox_body WHERE mail_id IN (" + "?, ".repeat(rows.size() - 1) + "?)")) {
                    for (int i = 0; i < rows.size(); i++) {
                        select.setLong(i + 1, rows.get(i).id());
                    }
                    try (ResultSet r = select.executeQuery()) {
                        while (r.next()) {
                            bodies.put(r.getLong(1), new String[] { r.getString(2), r.getString(3) });
                        }
                    }
                }
                for (Row row : rows) {
                    String[] body = bodies.get(row.id());
                    if (body == null) {
                        // Cannot happen: a mail and its bodies are inserted in one transaction (foreign key).
                        throw new SQLException("summary mail " + row.id() + " has no body");
                    }
                    out.add(new Claimed(row.id(), row.operatorId(), row.kind(), row.recipient(), row.subject(),
                            body[0], body[1], row.messageId(), row.unsubscribeUrl(), row.attempts(), row.giveUpAt()));
                }
            }
            c.commit();
            return out;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** Marks a claimed row sent; false when the claim was lost (its lease ran out and another took it). */
    public static boolean markSent(Connection c, long id, String claimer, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE summary_outbox SET status = 'sent', sent_at = ?,"
                + " last_error = NULL, claimed_by = NULL WHERE id = ? AND claimed_by = ? AND status = 'sending'")) {
            s.setObject(1, odt(at));
            s.setLong(2, id);
            s.setString(3, claimer);
            return commit(c, s.executeUpdate() == 1);
        }
    }

    /** When to try a row again after {@code attempts} failed attempts. */
    static Duration backoff(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 20));
        Duration d = FIRST_RETRY.multipliedBy(1L << doublings);
        return d.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : d;
    }

    /**
     * Records a failed attempt: retried with backoff until {@code giveUpAt} (a last attempt then), and
     * marked failed when an attempt at or after it fails.
     */
    public static Retry markAttemptFailed(Connection c, Claimed m, String claimer, Instant at, String error)
            throws SQLException {
        String reason = error == null ? "unknown error" : error.length() > 500 ? error.substring(0, 500) : error;
        if (!at.isBefore(m.giveUpAt())) {
            try (PreparedStatement s = c.prepareStatement("UPDATE summary_outbox SET status = 'failed', failed_at = ?,"
                    + " last_error = ?, claimed_by = NULL WHERE id = ? AND claimed_by = ? AND status = 'sending'")) {
                s.setObject(1, odt(at));
                s.setString(2, reason);
                s.setLong(3, m.id());
                s.setString(4, claimer);
                return new Retry(commit(c, s.executeUpdate() == 1), null);
            }
        }
        Instant next = at.plus(backoff(m.attempts()));
        if (next.isAfter(m.giveUpAt())) {
            next = m.giveUpAt();
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE summary_outbox SET status = 'pending', next_attempt_at = ?,"
                + " last_error = ?, claimed_by = NULL WHERE id = ? AND claimed_by = ? AND status = 'sending'")) {
            s.setObject(1, odt(next));
            s.setString(2, reason);
            s.setLong(3, m.id());
            s.setString(4, claimer);
            s.executeUpdate();
            commit(c, true);
            return new Retry(false, next);
        }
    }

    private static boolean commit(Connection c, boolean result) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
        return result;
    }

    static OffsetDateTime odt(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
