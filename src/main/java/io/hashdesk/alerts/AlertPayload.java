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

/**
 * What a delivery carries: one alert, or the digest of the alerts held during quiet hours (the lead
 * delivery's alert and those of the deliveries folded into it). As a webhook's JSON body
 * {@code {id, kind, firedAt, subject, text, details}} and as a mail's subject and text.
 */
record AlertPayload(long id, String kind, String firedAt, String subject, String text, Object details) {

    /** One stored alert. */
    record Stored(long id, String kind, String firedAt, String subject, String text, JsonNode details) {
    }

    static AlertPayload of(List<Stored> alerts) {
        if (alerts.size() == 1) {
            Stored a = alerts.get(0);
            return new AlertPayload(a.id(), a.kind(), a.firedAt(), a.subject(), a.text(), a.details());
        }
        Stored lead = alerts.get(0);
        String subject = alerts.size() + " alerts during your quiet hours";
        StringBuilder text = new StringBuilder(subject);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Stored a : alerts) {
            text.append("\n- ").append(a.firedAt()).append(": ").append(a.subject());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.id());
            m.put("kind", a.kind());
            m.put("firedAt", a.firedAt());
            m.put("subject", a.subject());
            m.put("text", a.text());
            m.put("details", a.details());
            list.add(m);
        }
        return new AlertPayload(lead.id(), "digest", alerts.get(alerts.size() - 1).firedAt(), subject, text.toString(),
                Map.of("alerts", list));
    }

    byte[] json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("kind", kind);
        m.put("firedAt", firedAt);
        m.put("subject", subject);
        m.put("text", text);
        m.put("details", details);
        try {
            return AlertFiring.JSON.writeValueAsBytes(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alert payload not serialisable", e);
        }
    }

    /** The alerts a delivery carries: its own, then those of the deliveries folded into it, oldest first. */
    static List<Stored> alertsOf(Connection c, long deliveryId) throws SQLException {
        List<Stored> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT a.id, a.kind, a.fired_at, a.subject, a.text, a.details"
                + " FROM alert a JOIN alert_delivery d ON d.alert_id = a.id WHERE d.id = ? OR d.digest_id = ?"
                + " ORDER BY a.fired_at, a.id")) {
            s.setLong(1, deliveryId);
            s.setLong(2, deliveryId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    JsonNode details;
                    try {
                        details = AlertFiring.JSON.readTree(r.getString(6));
                    } catch (JsonProcessingException e) {
                        details = AlertFiring.JSON.createObjectNode();
                    }
                    out.add(new Stored(r.getLong(1), r.getString(2),
                            r.getObject(3, OffsetDateTime.class).toInstant().toString(), r.getString(4), r.getString(5),
                            details));
                }
            }
        }
        return out;
    }
}
