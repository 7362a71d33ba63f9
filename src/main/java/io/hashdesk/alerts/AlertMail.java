package io.hashdesk.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import io.hashdesk.summary.OutboxMail;
import io.hashdesk.summary.OutboxSender;

/**
 * An alert's mail, stored in the weekly summary's outbox (which sends it exactly once, retries it and
 * never loses it) in the alert's own transaction. Its key is the alert: one mail per alert, and a
 * digest is keyed by its first alert.
 */
final class AlertMail {

    /** Retried for a day, as webhooks are. */
    static final Duration RETRY_FOR = Duration.ofDays(1);

    private AlertMail() {
    }

    static long insert(Connection c, String baseUrl, long operatorId, String recipient, long alertId, boolean digest,
            String subject, String text, Instant now) throws SQLException {
        long id;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO summary_outbox (operator_id, kind, recipient, subject,"
                + " message_id, unsubscribe_url, status, attempts, next_attempt_at, give_up_at, created_at, alert_id)"
                + " VALUES (?, ?, ?, ?, ?, '', 'pending', 0, ?, ?, ?, ?)", new String[] { "id" })) {
            s.setLong(1, operatorId);
            s.setString(2, digest ? OutboxMail.ALERT_DIGEST : OutboxMail.ALERT);
            s.setString(3, recipient);
            s.setString(4, subject.length() > 300 ? subject.substring(0, 299) + "\u2026" : subject);
            s.setString(5, OutboxSender.messageId(baseUrl, "alert-" + alertId));
            s.setObject(6, AlertStates.odt(now));
            s.setObject(7, AlertStates.odt(now.plus(RETRY_FOR)));
            s.setObject(8, AlertStates.odt(now));
            s.setLong(9, alertId);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        String footer = "Change or stop these alerts: " + baseUrl + "/alerts";
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO summary_outbox_body (mail_id, body_html, body_text) VALUES (?, ?, ?)")) {
            s.setLong(1, id);
            s.setString(2, html(text, baseUrl));
            s.setString(3, text + "\n\n" + footer + "\n");
            s.executeUpdate();
        }
        return id;
    }

    static String html(String text, String baseUrl) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        boolean first = true;
        for (String line : text.split("\n")) {
            b.append(first ? "<p><strong>" : "<p>").append(escape(line)).append(first ? "</strong></p>" : "</p>");
            first = false;
        }
        b.append("<p style=\"color:#666\"><a href=\"").append(escape(baseUrl)).append("/alerts\">Change or stop these alerts</a></p>");
        return b.append("</body></html>").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
