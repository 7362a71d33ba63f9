package io.hashdesk.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hashdesk.HashdeskConfig;

/**
 * When quiet hours end, the deliveries held during them go out as one digest per operator and channel:
 * the first becomes the digest (a mail in the outbox, or a webhook call), the others are folded into it.
 * Done under row locks in one transaction, so two instances never release the same delivery twice.
 */
@ApplicationScoped
public class AlertDigests {

    @Inject
    DataSource dataSource;

    @Inject
    HashdeskConfig config;

    private record Held(long id, long alertId, String channel, Long webhookId) {
    }

    /** Releases every held delivery whose quiet hours are over; returns how many digests were made. */
    public int release(Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return release(c, config.baseUrl(), now);
        }
    }

    /** As above on a connection of the caller's (left in auto-commit). */
    static int release(Connection c, String baseUrl, Instant now) throws SQLException {
        c.setAutoCommit(false);
        try {
            List<Held> held = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, alert_id, channel, webhook_id FROM alert_delivery"
                    + " WHERE state = 'held' AND next_attempt_at <= ? FOR UPDATE SKIP LOCKED")) {
                s.setObject(1, AlertStates.odt(now));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long hook = r.getLong(4);
                        held.add(new Held(r.getLong(1), r.getLong(2), r.getString(3), r.wasNull() ? null : hook));
                    }
                }
            }
            if (held.isEmpty()) {
                c.commit();
                return 0;
            }
            Map<Long, Long> operatorOf = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT operator_id FROM alert WHERE id = ?")) {
                for (Held h : held) {
                    s.setLong(1, h.alertId());
                    try (ResultSet r = s.executeQuery()) {
                        if (r.next()) {
                            operatorOf.put(h.alertId(), r.getLong(1));
                        }
                    }
                }
            }
            Map<String, List<Held>> groups = new LinkedHashMap<>();
            held.stream().sorted((a, b) -> Long.compare(a.id(), b.id())).forEach(h -> groups
                    .computeIfAbsent(operatorOf.get(h.alertId()) + "/" + h.channel() + "/" + h.webhookId(),
                            k -> new ArrayList<>()).add(h));
            for (List<Held> g : groups.values()) {
                digest(c, baseUrl, operatorOf.get(g.get(0).alertId()), g, now);
            }
            c.commit();
            return groups.size();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void digest(Connection c, String baseUrl, long operatorId, List<Held> g, Instant now) throws SQLException {
        Held lead = g.get(0);
        try (PreparedStatement fold = c.prepareStatement(
                "UPDATE alert_delivery SET state = 'digested', digest_id = ? WHERE id = ?")) {
            for (Held h : g.subList(1, g.size())) {
                fold.setLong(1, lead.id());
                fold.setLong(2, h.id());
                fold.addBatch();
            }
            if (g.size() > 1) {
                fold.executeBatch();
            }
        }
        Long mail = null;
        String error = null;
        if (lead.channel().equals("email")) {
            String recipient = null;
            boolean verified = false;
            try (PreparedStatement s = c.prepareStatement("SELECT email, email_verified_at FROM operator WHERE id = ?")) {
                s.setLong(1, operatorId);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        recipient = r.getString(1);
                        verified = r.getObject(2, OffsetDateTime.class) != null;
                    }
                }
            }
            if (verified) {
                AlertPayload p = AlertPayload.of(AlertPayload.alertsOf(c, lead.id()));
                mail = AlertMail.insert(c, baseUrl, operatorId, recipient, lead.alertId(), g.size() > 1,
                        p.subject(), p.text(), now);
            } else {
                error = "Not sent: the address is not verified yet (see Settings).";
            }
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE alert_delivery SET state = ?, next_attempt_at = ?,"
                + " give_up_at = ?, outbox_id = ?, last_error = ? WHERE id = ?")) {
            s.setString(1, error == null ? "pending" : "failed");
            s.setObject(2, AlertStates.odt(now));
            s.setObject(3, AlertStates.odt(now.plus(AlertMail.RETRY_FOR)));
            AlertFiring.setLong(s, 4, mail);
            s.setString(5, error);
            s.setLong(6, lead.id());
            s.executeUpdate();
        }
    }
}
