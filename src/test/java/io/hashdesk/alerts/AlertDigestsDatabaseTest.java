package io.hashdesk.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.hashdesk.testing.MigratedDatabase;

/**
 * Quiet hours on both databases, with the real firing and release code: alerts fired during them are
 * held on every channel, and go out as one digest per channel when they end, once.
 */
class AlertDigestsDatabaseTest {

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgresql" })
    void alertsDuringQuietHoursGoOutAsOneDigestPerChannelWhenTheyEnd(String kind) throws Exception {
        MigratedDatabase db = AlertRacesDatabaseTest.database(kind);
        long operator = AlertRacesDatabaseTest.setUp(db);
        long rule;
        try (Connection c = db.open(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE alert_settings SET quiet_from = '22:00', quiet_to = '07:00' WHERE operator_id = "
                    + operator);
            rule = AlertRacesDatabaseTest.scalar(c, "SELECT id FROM alert_rule WHERE operator_id = " + operator);
        }
        StateMachine.State on = new StateMachine.State("on", "off", 1, AlertRacesDatabaseTest.T0, 0);
        List<Instant> firedAt = List.of(Instant.parse("2026-12-01T23:00:00Z"), Instant.parse("2026-12-01T23:30:00Z"),
                Instant.parse("2026-12-02T02:00:00Z"));
        for (int i = 0; i < firedAt.size(); i++) {
            Observation o = new Observation(rule, operator, "group-switch", "group:" + i, "off", 2, null);
            try (Connection c = db.open()) {
                assertThat(AlertFiring.change(c, "https://hashdesk.example", o, on, "off", firedAt.get(i),
                        firedAt.get(i), new AlertMessage("Switch off: group " + i, "Switch off: group " + i, Map.of())))
                        .isTrue();
            }
        }
        Instant end = Instant.parse("2026-12-02T07:00:00Z");
        try (Connection c = db.open()) {
            assertThat(AlertRacesDatabaseTest.scalar(c, "SELECT COUNT(*) FROM alert_delivery WHERE state = 'held'"))
                    .as("3 alerts x (email + webhook), held").isEqualTo(6);
            assertThat(AlertRacesDatabaseTest.scalar(c, "SELECT COUNT(*) FROM summary_outbox")).isZero();
            assertThat(AlertDigests.release(c, "https://hashdesk.example", end.minusSeconds(1))).isZero();
            assertThat(AlertDigests.release(c, "https://hashdesk.example", end)).as("one per channel").isEqualTo(2);
            assertThat(AlertDigests.release(c, "https://hashdesk.example", end.plusSeconds(60))).isZero();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT kind, subject FROM summary_outbox")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("alert-digest");
                assertThat(r.getString(2)).isEqualTo("3 alerts during your quiet hours");
                assertThat(r.next()).as("one mail").isFalse();
            }
            long lead;
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM alert_delivery WHERE channel = 'webhook'"
                    + " AND state = 'pending'"); ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                lead = r.getLong(1);
                assertThat(r.next()).as("one webhook call").isFalse();
            }
            AlertPayload digest = AlertPayload.of(AlertPayload.alertsOf(c, lead));
            assertThat(digest.kind()).isEqualTo("digest");
            assertThat(digest.text()).contains("Switch off: group 0").contains("Switch off: group 1")
                    .contains("Switch off: group 2");
            assertThat(AlertRacesDatabaseTest.scalar(c, "SELECT COUNT(*) FROM alert_delivery WHERE state = 'digested'"))
                    .isEqualTo(4);
        }
    }
}
