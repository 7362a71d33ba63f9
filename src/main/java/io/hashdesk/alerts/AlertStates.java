package io.hashdesk.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.hashdesk.currency.CurrencyService;
import io.hashdesk.earnings.RecentRealized;
import io.hashdesk.web.Database;

/**
 * The evaluation's SQL on a plain JDBC connection (the same on H2 and PostgreSQL): the enabled rules,
 * their states, the default rule of operators seen for the first time, and the state writes that fire
 * nothing. Only what changes is written: an evaluation where nothing moves writes no row.
 */
final class AlertStates {

    private AlertStates() {
    }

    /** The enabled rules (of the given kinds), with each operator's fleet version and display currency. */
    record Loaded(List<Rule> rules, Map<Long, Long> fleetVersions, Map<Long, String> displayCurrencies) {
    }

    static Loaded rules(Connection c, List<AlertKind> kinds) throws SQLException {
        List<Rule> rules = new ArrayList<>();
        Map<Long, Long> versions = new HashMap<>();
        Map<Long, String> displays = new HashMap<>();
        StringBuilder in = new StringBuilder();
        for (AlertKind k : kinds) {
            in.append(in.length() == 0 ? "'" : ", '").append(k.code).append('\'');
        }
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT r.id, r.operator_id, r.kind, r.rig_id, r.threshold, r.confirmations, r.margin_percent, r.hours,"
                        + " o.fleet_version, r.pool_id, r.threshold_currency, o.display_currency"
                        + " FROM alert_rule r JOIN operator o ON o.id = r.operator_id"
                        + " WHERE r.enabled = TRUE AND r.kind IN (" + in + ")")) {
            while (r.next()) {
                AlertKind kind = AlertKind.of(r.getString(3)).orElse(null);
                if (kind == null) {
                    continue;
                }
                long rig = r.getLong(4);
                Long rigId = r.wasNull() ? null : rig;
                double t = r.getDouble(5);
                Double threshold = r.wasNull() ? null : t;
                int h = r.getInt(8);
                Integer hours = r.wasNull() ? null : h;
                long pool = r.getLong(10);
                Long poolId = r.wasNull() ? null : pool;
                rules.add(new Rule(r.getLong(1), r.getLong(2), kind, rigId, threshold, r.getInt(6), r.getDouble(7),
                        hours, poolId, r.getString(11)));
                versions.put(r.getLong(2), r.getLong(9));
                displays.put(r.getLong(2), r.getString(12));
            }
        }
        return new Loaded(rules, versions, displays);
    }

    /** The rates the given operators entered (those without any left out). */
    static Map<Long, List<CurrencyService.Entered>> entered(Connection c, java.util.Set<Long> operators)
            throws SQLException {
        Map<Long, List<CurrencyService.Entered>> out = new HashMap<>();
        if (operators.isEmpty()) {
            return out;
        }
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT operator_id, code, per_usd, as_of FROM operator_rate ORDER BY operator_id, code")) {
            while (r.next()) {
                if (operators.contains(r.getLong(1))) {
                    out.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(new CurrencyService.Entered(
                            r.getString(2), r.getDouble(3), r.getObject(4, java.time.LocalDate.class)));
                }
            }
        }
        return out;
    }

    /**
     * The pool accounts of the given operators: operator id, then its accounts; with the realized % of
     * the last {@code days} reconciled days before {@code today} for the accounts of {@code realizedOf}.
     */
    static Map<Long, List<PoolFacts>> pools(Connection c, java.util.Set<Long> operators, java.util.Set<Long> realizedOf,
            java.time.LocalDate today, int days) throws SQLException {
        Map<Long, List<PoolFacts>> out = new HashMap<>();
        if (operators.isEmpty()) {
            return out;
        }
        Map<Long, RecentRealized.Realized> realized = RecentRealized.of(c, realizedOf, today, days);
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT id, operator_id, name, state, threshold_percent FROM pool_account ORDER BY id")) {
            while (r.next()) {
                if (operators.contains(r.getLong(2))) {
                    out.computeIfAbsent(r.getLong(2), k -> new ArrayList<>()).add(new PoolFacts(r.getLong(1),
                            r.getString(3), r.getString(4), r.getDouble(5), realized.get(r.getLong(1))));
                }
            }
        }
        return out;
    }

    /** The stored states of enabled rules: rule id, then subject. */
    static Map<Long, Map<String, StateMachine.State>> states(Connection c) throws SQLException {
        Map<Long, Map<String, StateMachine.State>> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT s.rule_id, s.subject, s.state, s.pending, s.pending_count, s.observed_at, s.changes"
                        + " FROM alert_state s JOIN alert_rule r ON r.id = s.rule_id WHERE r.enabled = TRUE")) {
            while (r.next()) {
                out.computeIfAbsent(r.getLong(1), k -> new HashMap<>()).put(r.getString(2),
                        new StateMachine.State(r.getString(3), r.getString(4), r.getInt(5),
                                r.getObject(6, OffsetDateTime.class).toInstant(), r.getLong(7)));
            }
        }
        return out;
    }

    /**
     * Operators seen for the first time get their channel settings (email on) and the default rule
     * (group-switch for every group). The settings row's key makes it once across instances.
     */
    static int ensureDefaults(Connection c, Instant now) throws SQLException {
        List<Long> fresh = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT o.id FROM operator o WHERE NOT EXISTS"
                + " (SELECT 1 FROM alert_settings a WHERE a.operator_id = o.id)")) {
            while (r.next()) {
                fresh.add(r.getLong(1));
            }
        }
        int n = 0;
        for (Long id : fresh) {
            if (ensureDefaults(c, id, now)) {
                n++;
            }
        }
        return n;
    }

    /** As above for one operator; false when it had them already (or another instance just made them). */
    static boolean ensureDefaults(Connection c, long operatorId, Instant now) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement settings = c.prepareStatement("INSERT INTO alert_settings (operator_id, email, updated_at)"
                + " SELECT ?, TRUE, ? FROM operator WHERE id = ? AND NOT EXISTS"
                + " (SELECT 1 FROM alert_settings WHERE operator_id = ?)");
                PreparedStatement rule = c.prepareStatement("INSERT INTO alert_rule (operator_id, kind, enabled,"
                        + " confirmations, margin_percent, created_at) VALUES (?, ?, TRUE, ?, ?, ?)")) {
            settings.setLong(1, operatorId);
            settings.setObject(2, odt(now));
            settings.setLong(3, operatorId);
            settings.setLong(4, operatorId);
            if (settings.executeUpdate() == 0) {
                c.rollback();
                return false;
            }
            rule.setLong(1, operatorId);
            rule.setString(2, AlertKind.GROUP_SWITCH.code);
            rule.setInt(3, AlertKind.DEFAULT_CONFIRMATIONS);
            rule.setDouble(4, AlertKind.DEFAULT_MARGIN_PERCENT);
            rule.setObject(5, odt(now));
            rule.executeUpdate();
            c.commit();
            return true;
        } catch (SQLException e) {
            c.rollback();
            if (Database.uniqueViolation(e)) {
                return false;
            }
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** A state write that fires nothing: first sight, a pending count, or a settled unknown. */
    record Write(long ruleId, String subject, StateMachine.Step step, Instant at) {
    }

    /**
     * Writes the steps: first sights inserted (a row another instance inserted first is left as it is),
     * the others updated only if no later evaluation got there first.
     */
    static void write(Connection c, List<Write> writes) throws SQLException {
        if (writes.isEmpty()) {
            return;
        }
        List<Write> inserts = writes.stream().filter(w -> w.step().action() == StateMachine.Action.INSERT).toList();
        List<Write> updates = writes.stream().filter(w -> w.step().action() != StateMachine.Action.INSERT).toList();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try {
                insert(c, inserts, true);
                c.commit();
            } catch (SQLException e) {
                // Another instance inserted some of them first: one by one, each its own commit.
                c.rollback();
                c.setAutoCommit(true);
                insert(c, inserts, false);
                c.setAutoCommit(false);
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE alert_state SET state = ?, pending = ?,"
                    + " pending_count = ?, observed_at = ? WHERE rule_id = ? AND subject = ? AND observed_at < ?")) {
                for (Write w : updates) {
                    StateMachine.Step s = w.step();
                    update.setString(1, s.state());
                    update.setString(2, s.pending());
                    update.setInt(3, s.pendingCount());
                    update.setObject(4, odt(w.at()));
                    update.setLong(5, w.ruleId());
                    update.setString(6, w.subject());
                    update.setObject(7, odt(w.at()));
                    update.addBatch();
                }
                if (!updates.isEmpty()) {
                    update.executeBatch();
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** First sights: in one batch, or one by one leaving alone a row another instance inserted first. */
    private static void insert(Connection c, List<Write> inserts, boolean batch) throws SQLException {
        if (inserts.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO alert_state (rule_id, subject, state,"
                + " pending_count, observed_at, changes) SELECT ?, ?, ?, 0, ?, 0 FROM alert_rule r WHERE r.id = ?"
                + " AND NOT EXISTS (SELECT 1 FROM alert_state s WHERE s.rule_id = ? AND s.subject = ?)")) {
            for (Write w : inserts) {
                insert.setLong(1, w.ruleId());
                insert.setString(2, w.subject());
                insert.setString(3, w.step().state());
                insert.setObject(4, odt(w.at()));
                insert.setLong(5, w.ruleId());
                insert.setLong(6, w.ruleId());
                insert.setString(7, w.subject());
                if (batch) {
                    insert.addBatch();
                    continue;
                }
                try {
                    insert.executeUpdate();
                } catch (SQLException e) {
                    if (!Database.uniqueViolation(e)) {
                        throw e;
                    }
                }
            }
            if (batch) {
                insert.executeBatch();
            }
        }
    }

    static OffsetDateTime odt(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
