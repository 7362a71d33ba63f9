package io.hashdesk.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The webhook deliveries' SQL (H2 and PostgreSQL alike): claim due rows under row locks (SKIP LOCKED)
 * with a lease, then mark each sent, retried with backoff for a day, or failed. Only the claimer marks.
 */
final class WebhookDeliveries {

    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);
    static final Duration LEASE = Duration.ofMinutes(2);

    private WebhookDeliveries() {
    }

    record Claimed(long id, long alertId, long webhookId, int attempts, Instant giveUpAt) {
    }

    static List<Claimed> claim(Connection c, Instant now, int max, String claimer) throws SQLException {
        return claim(c, now, max, claimer, null);
    }

    /** The same for one alert's deliveries only ({@code alertId} null: every alert's). */
    static List<Claimed> claim(Connection c, Instant now, int max, String claimer, Long alertId) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            List<Claimed> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, alert_id, webhook_id, attempts, give_up_at"
                    + " FROM alert_delivery WHERE channel = 'webhook' AND state IN ('pending', 'sending')"
                    + " AND next_attempt_at <= ?" + (alertId == null ? "" : " AND alert_id = ?")
                    + " FETCH FIRST " + Math.max(1, max) + " ROWS ONLY FOR UPDATE SKIP LOCKED")) {
                s.setObject(1, AlertStates.odt(dueBy(now)));
                if (alertId != null) {
                    s.setLong(2, alertId);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.add(new Claimed(r.getLong(1), r.getLong(2), r.getLong(3), r.getInt(4) + 1,
                                r.getObject(5, OffsetDateTime.class).toInstant()));
                    }
                }
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE alert_delivery SET state = 'sending', claimed_by = ?,"
                    + " attempts = attempts + 1, next_attempt_at = ? WHERE id = ?")) {
                for (Claimed row : rows) {
                    u.setString(1, claimer);
                    u.setObject(2, AlertStates.odt(now.plus(LEASE)));
                    u.setLong(3, row.id());
                    u.addBatch();
                }
                if (!rows.isEmpty()) {
                    u.executeBatch();
                }
            }
            c.commit();
            return rows;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * {@code now} rounded up to the microsecond: the database keeps times to the microsecond and rounds
     * (H2 and PostgreSQL alike), so a delivery made due at {@code now} in the same pass could be stored a
     * fraction of a microsecond later than {@code now} and be left for the next pass (30 s later).
     */
    static Instant dueBy(Instant now) {
        Instant micros = now.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return micros.equals(now) ? now : micros.plusNanos(1_000);
    }

    static Duration backoff(int attempts) {
        Duration d = FIRST_RETRY.multipliedBy(1L << Math.max(0, Math.min(attempts - 1, 20)));
        return d.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : d;
    }

    /**
     * Records an attempt: {@code error} null is delivery; otherwise a retry with backoff until the day
     * is over, or failed at once when {@code permanent}. {@code status} is what the webhook's last
     * attempt shows on /alerts. Returns the state the delivery is in now.
     */
    static String mark(Connection c, Claimed d, String claimer, Instant at, String error, boolean permanent,
            String status) throws SQLException {
        String state;
        Instant next = null;
        if (error == null) {
            state = "sent";
        } else if (permanent || !at.isBefore(d.giveUpAt())) {
            state = "failed";
        } else {
            state = "pending";
            next = at.plus(backoff(d.attempts()));
            if (next.isAfter(d.giveUpAt())) {
                next = d.giveUpAt();
            }
        }
        String reason = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
        try (PreparedStatement s = c.prepareStatement("UPDATE alert_delivery SET state = ?, last_error = ?,"
                + " claimed_by = NULL, delivered_at = ?, next_attempt_at = COALESCE(?, next_attempt_at)"
                + " WHERE id = ? AND claimed_by = ? AND state = 'sending'");
                PreparedStatement w = c.prepareStatement(
                        "UPDATE alert_webhook SET last_status = ?, last_attempt_at = ? WHERE id = ?")) {
            s.setString(1, state);
            s.setString(2, reason);
            setTime(s, 3, error == null ? at : null);
            setTime(s, 4, next);
            s.setLong(5, d.id());
            s.setString(6, claimer);
            s.executeUpdate();
            w.setString(1, status.length() > 200 ? status.substring(0, 200) : status);
            w.setObject(2, AlertStates.odt(at));
            w.setLong(3, d.webhookId());
            w.executeUpdate();
        }
        return state;
    }

    static void setTime(PreparedStatement s, int index, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(index, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(index, AlertStates.odt(value));
        }
    }
}
