package io.hashdesk.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hashdesk.HashdeskConfig;
import io.hashdesk.web.Database;
import io.hashdesk.web.Formats;

/**
 * Fires alerts: a confirmed change of a rule's state, its alert and the alert's deliveries (the mail
 * in the outbox, a row per webhook) in one transaction. The state row's change counter decides which
 * instance makes the change (the others update no row), and the alert's unique key makes it once even so.
 */
@ApplicationScoped
public class AlertFiring {

    static final ObjectMapper JSON = new ObjectMapper();
    public static final String TEST_KIND = "test";

    @Inject
    DataSource dataSource;

    @Inject
    HashdeskConfig config;

    /** Refused: a test alert on this channel was sent moments ago. */
    public static class TooSoon extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooSoon() {
            super("A test alert went to this channel moments ago; try again in a minute.");
        }
    }

    /** Where an alert goes: every channel of the operator (quiet hours apply), or one (a test, sent now). */
    record Target(boolean all, boolean email, Long webhookId) {
        static final Target ALL = new Target(true, true, null);
    }

    /**
     * Makes a confirmed change (from the stored state {@code s} to {@code to}) and fires its alert when
     * {@code message} is not null. False when another evaluation made this change first.
     */
    public boolean change(Observation o, StateMachine.State s, String to, Instant observedAt, Instant now,
            AlertMessage message) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return change(c, config.baseUrl(), o, s, to, observedAt, now, message);
        }
    }

    /** As above on a connection of the caller's (which this leaves in auto-commit). */
    static boolean change(Connection c, String baseUrl, Observation o, StateMachine.State s, String to,
            Instant observedAt, Instant now, AlertMessage message) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (PreparedStatement u = c.prepareStatement("UPDATE alert_state SET state = ?, pending = NULL,"
                    + " pending_count = 0, observed_at = ?, changes = changes + 1"
                    + " WHERE rule_id = ? AND subject = ? AND changes = ? AND observed_at < ?")) {
                u.setString(1, to);
                u.setObject(2, AlertStates.odt(observedAt));
                u.setLong(3, o.ruleId());
                u.setString(4, o.subject());
                u.setLong(5, s.changes());
                u.setObject(6, AlertStates.odt(observedAt));
                if (u.executeUpdate() != 1) {
                    c.rollback();
                    return false;
                }
            }
            if (message != null) {
                long id = insertAlert(c, o.operatorId(), o.ruleId(), o.kind(),
                        "rule:" + o.ruleId() + ":" + o.subject() + ":" + (s.changes() + 1), now, message);
                deliver(c, baseUrl, id, o.operatorId(), now, message, Target.ALL);
            }
            c.commit();
            return true;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            if (Database.uniqueViolation(e)) {
                return false;
            }
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** A test alert to one channel (email when {@code webhookId} is null), at most one per channel a minute. */
    public long test(long operatorId, Long webhookId, Instant now) throws SQLException {
        String channel = webhookId == null ? "email" : "webhook " + webhookId;
        AlertMessage m = new AlertMessage("Test alert from hashdesk",
                "Test alert from hashdesk\nThis " + channel + " receives your alerts. Nothing needs doing.",
                java.util.Map.of("channel", channel));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                // One a minute: none in the last 60 s (and the minute in the key settles two requests at once).
                try (PreparedStatement recent = c.prepareStatement("SELECT COUNT(*) FROM alert WHERE operator_id = ?"
                        + " AND kind = ? AND event_key LIKE ? AND fired_at > ?")) {
                    recent.setLong(1, operatorId);
                    recent.setString(2, TEST_KIND);
                    recent.setString(3, "test:" + channel + ":%");
                    recent.setObject(4, AlertStates.odt(now.minusSeconds(60)));
                    try (ResultSet r = recent.executeQuery()) {
                        r.next();
                        if (r.getLong(1) > 0) {
                            c.rollback();
                            throw new TooSoon();
                        }
                    }
                }
                long id = insertAlert(c, operatorId, null, TEST_KIND,
                        "test:" + channel + ":" + now.getEpochSecond() / 60, now, m);
                deliver(c, config.baseUrl(), id, operatorId, now, m, new Target(false, webhookId == null, webhookId));
                c.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                if (Database.uniqueViolation(e)) {
                    throw new TooSoon();
                }
                throw e;
            }
        }
    }

    private static long insertAlert(Connection c, long operatorId, Long ruleId, String kind, String key, Instant now,
            AlertMessage m) throws SQLException {
        String details;
        try {
            details = JSON.writeValueAsString(m.details());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alert details not serialisable", e);
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO alert (operator_id, rule_id, kind, event_key,"
                + " fired_at, subject, text, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" })) {
            s.setLong(1, operatorId);
            setLong(s, 2, ruleId);
            s.setString(3, kind);
            s.setString(4, key);
            s.setObject(5, AlertStates.odt(now));
            s.setString(6, m.subject().length() > 300 ? m.subject().substring(0, 299) + "\u2026" : m.subject());
            s.setString(7, m.text().length() > 4000 ? m.text().substring(0, 3999) + "\u2026" : m.text());
            s.setString(8, details);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The alert's deliveries: held until the quiet hours end, or due now (the mail stored in the outbox). */
    private static void deliver(Connection c, String baseUrl, long alertId, long operatorId, Instant now, AlertMessage m, Target target)
            throws SQLException {
        String recipient = null;
        boolean verified = false;
        boolean email = true;
        Instant heldUntil = null;
        try (PreparedStatement s = c.prepareStatement("SELECT o.email, o.email_verified_at, o.timezone, a.email,"
                + " a.quiet_from, a.quiet_to FROM operator o LEFT JOIN alert_settings a ON a.operator_id = o.id"
                + " WHERE o.id = ?")) {
            s.setLong(1, operatorId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return;
                }
                recipient = r.getString(1);
                verified = r.getObject(2, OffsetDateTime.class) != null;
                boolean on = r.getBoolean(4);
                email = r.wasNull() || on;
                LocalTime from = QuietHours.parse(r.getString(5));
                LocalTime to = QuietHours.parse(r.getString(6));
                if (target.all() && from != null && to != null) {
                    heldUntil = new QuietHours(from, to).endAround(now, Formats.zoneOf(r.getString(3)));
                }
            }
        }
        if (target.email() && (email || !target.all())) {
            if (!verified) {
                insertDelivery(c, alertId, "email", null, "failed", now, null,
                        "Not sent: the address is not verified yet (see Settings).");
            } else if (heldUntil != null) {
                insertDelivery(c, alertId, "email", null, "held", heldUntil, null, null);
            } else {
                long mail = AlertMail.insert(c, baseUrl, operatorId, recipient, alertId, false, m.subject(),
                        m.text(), now);
                insertDelivery(c, alertId, "email", null, "pending", now, mail, null);
            }
        }
        List<Long> hooks = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM alert_webhook WHERE operator_id = ?")) {
            s.setLong(1, operatorId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    hooks.add(r.getLong(1));
                }
            }
        }
        for (Long hook : hooks) {
            if (target.all() || hook.equals(target.webhookId())) {
                insertDelivery(c, alertId, "webhook", hook, heldUntil != null ? "held" : "pending",
                        heldUntil != null ? heldUntil : now, null, null);
            }
        }
    }

    static void insertDelivery(Connection c, long alertId, String channel, Long webhookId, String state, Instant next,
            Long outboxId, String error) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO alert_delivery (alert_id, channel, webhook_id, state,"
                + " attempts, next_attempt_at, give_up_at, outbox_id, last_error) VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?)")) {
            s.setLong(1, alertId);
            s.setString(2, channel);
            setLong(s, 3, webhookId);
            s.setString(4, state);
            s.setObject(5, AlertStates.odt(next));
            s.setObject(6, AlertStates.odt(next.plus(AlertMail.RETRY_FOR)));
            setLong(s, 7, outboxId);
            s.setString(8, error);
            s.executeUpdate();
        }
    }

    static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, java.sql.Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }
}
