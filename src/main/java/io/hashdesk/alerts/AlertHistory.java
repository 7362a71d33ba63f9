package io.hashdesk.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.hashdesk.alerts.AlertJson.AlertEntry;
import io.hashdesk.alerts.AlertJson.DeliveryJson;

/**
 * An operator's alerts, newest first, each with its deliveries: a mail's state is its outbox row's
 * (pending, sending, sent, failed), a webhook's its own; "held" waits for quiet hours to end,
 * "digested" went out in the digest when they ended.
 */
final class AlertHistory {

    /** The most /alerts and the API list. */
    static final int MAX = 100;

    private AlertHistory() {
    }

    static List<AlertEntry> of(Connection c, long operatorId, int limit) throws SQLException {
        Map<Long, AlertEntry> alerts = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, kind, rule_id, fired_at, subject, text, details"
                + " FROM alert WHERE operator_id = ? ORDER BY fired_at DESC, id DESC FETCH FIRST "
                + Math.max(1, Math.min(MAX, limit)) + " ROWS ONLY")) {
            s.setLong(1, operatorId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long rule = r.getLong(3);
                    Long ruleId = r.wasNull() ? null : rule;
                    JsonNode details;
                    try {
                        details = AlertFiring.JSON.readTree(r.getString(7));
                    } catch (JsonProcessingException e) {
                        details = AlertFiring.JSON.createObjectNode();
                    }
                    alerts.put(r.getLong(1), new AlertEntry(r.getLong(1), r.getString(2), ruleId,
                            r.getObject(4, OffsetDateTime.class).toInstant(), r.getString(5), r.getString(6), details,
                            new ArrayList<>()));
                }
            }
        }
        if (alerts.isEmpty()) {
            return List.of();
        }
        StringBuilder in = new StringBuilder();
        for (Long id : alerts.keySet()) {
            in.append(in.length() == 0 ? "" : ", ").append(id);
        }
        try (PreparedStatement s = c.prepareStatement("SELECT d.alert_id, d.channel, d.webhook_id, d.state, d.attempts,"
                + " d.last_error, m.status, m.attempts, m.last_error FROM alert_delivery d"
                + " LEFT JOIN summary_outbox m ON m.id = d.outbox_id WHERE d.alert_id IN (" + in + ") ORDER BY d.id")) {
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long hook = r.getLong(3);
                    String channel = r.wasNull() ? r.getString(2) : "webhook " + hook;
                    String state = r.getString(4);
                    int attempts = r.getInt(5);
                    String error = r.getString(6);
                    String mailState = r.getString(7);
                    if (mailState != null) {
                        state = mailState;
                        attempts = r.getInt(8);
                        error = r.getString(9);
                    }
                    alerts.get(r.getLong(1)).deliveries().add(new DeliveryJson(channel, state, attempts, error));
                }
            }
        }
        return List.copyOf(alerts.values());
    }
}
