package io.hashdesk.earnings;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every pool account's realized % over its last reconciled days, for many operators at once, on a plain
 * JDBC connection (the alerts' evaluation reads it in bulk: four queries, whatever the number of
 * operators). A reconciled day is a closed UTC day with a credit stored and the network history of the
 * day stored; days without history are left out, never invented, and nothing is fetched from the
 * network here. The figures are those of {@link Reconciliation}: credited over expected at the covered
 * sites' uptime and pool fee.
 */
public final class RecentRealized {

    /** How far back reconciled days are looked for: older days say nothing about the pool today. */
    public static final int LOOKBACK_DAYS = 7;

    private RecentRealized() {
    }

    /** One account's last {@code days} reconciled days: credited and expected BTC summed, the realized %. */
    public record Realized(long poolId, int days, double creditedBtc, double expectedBtc, double realizedPercent,
            LocalDate from, LocalDate to) {
    }

    /** An account as read here: owner, site (null: the whole fleet), its own threshold. */
    private record Account(long id, long operatorId, Long siteId) {
    }

    /**
     * The accounts of {@code operators} with at least {@code days} reconciled days among the
     * {@link #LOOKBACK_DAYS} closed days before {@code today}; the others are left out.
     */
    public static Map<Long, Realized> of(Connection c, Set<Long> operators, LocalDate today, int days)
            throws SQLException {
        Map<Long, Realized> out = new HashMap<>();
        if (operators.isEmpty()) {
            return out;
        }
        LocalDate to = today.minusDays(1);
        LocalDate from = today.minusDays(LOOKBACK_DAYS);
        Map<Long, Account> accounts = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, operator_id, site_id FROM pool_account");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                long id = r.getLong(1);
                long operator = r.getLong(2);
                long site = r.getLong(3);
                Long siteId = r.wasNull() ? null : site;
                if (operators.contains(operator)) {
                    accounts.put(id, new Account(id, operator, siteId));
                }
            }
        }
        if (accounts.isEmpty()) {
            return out;
        }
        Map<Long, TreeMap<LocalDate, Double>> credited = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT pool_id, earning_date, credited_btc FROM pool_earning_day"
                + " WHERE earning_date BETWEEN ? AND ?")) {
            s.setDate(1, Date.valueOf(from));
            s.setDate(2, Date.valueOf(to));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (accounts.containsKey(r.getLong(1))) {
                        credited.computeIfAbsent(r.getLong(1), k -> new TreeMap<>())
                                .put(r.getDate(2).toLocalDate(), r.getDouble(3));
                    }
                }
            }
        }
        Map<LocalDate, NetworkHistory.Day> network = network(c, from, to);
        Map<Long, List<Expectations.Covered>> groups = covered(c, accounts.values().stream()
                .filter(a -> credited.containsKey(a.id())).map(Account::operatorId).distinct().toList());
        Map<String, Map<LocalDate, Expectations.Expected>> expectedBy = new HashMap<>();
        for (Map.Entry<Long, TreeMap<LocalDate, Double>> e : credited.entrySet()) {
            Account a = accounts.get(e.getKey());
            Map<LocalDate, Expectations.Expected> expected = expectedBy.computeIfAbsent(a.operatorId() + ":" + a.siteId(),
                    k -> Expectations.expected(groups.getOrDefault(a.operatorId(), List.of()).stream()
                            .filter(g -> a.siteId() == null || a.siteId() == g.siteId()).toList(), network));
            double c1 = 0;
            double e1 = 0;
            int n = 0;
            LocalDate first = null;
            for (Map.Entry<LocalDate, Double> day : e.getValue().descendingMap().entrySet()) {
                Expectations.Expected x = expected.get(day.getKey());
                if (x == null) {
                    continue;
                }
                c1 += day.getValue();
                e1 += x.btc();
                first = day.getKey();
                if (++n == days) {
                    break;
                }
            }
            if (n == days && e1 > 0) {
                out.put(a.id(), new Realized(a.id(), n, c1, e1, 100 * c1 / e1, first, e.getValue().lastKey()));
            }
        }
        return out;
    }

    /** The stored network days from {@code from} to {@code to} that have fees (as {@link NetworkHistory} reads them). */
    static Map<LocalDate, NetworkHistory.Day> network(Connection c, LocalDate from, LocalDate to) throws SQLException {
        Map<LocalDate, NetworkHistory.Day> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT network_date, difficulty, retarget_at, difficulty_after,"
                + " height, fees_per_block_btc, price_usd FROM network_day WHERE network_date BETWEEN ? AND ?"
                + " AND fees_per_block_btc IS NOT NULL")) {
            s.setDate(1, Date.valueOf(from));
            s.setDate(2, Date.valueOf(to));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Object at = r.getObject(3);
                    double after = r.getDouble(4);
                    boolean noAfter = r.wasNull();
                    double price = r.getDouble(7);
                    boolean noPrice = r.wasNull();
                    out.put(r.getDate(1).toLocalDate(), new NetworkHistory.Day(r.getDouble(2),
                            at == null ? null : r.getObject(3, OffsetDateTime.class).toInstant(),
                            noAfter ? null : after, r.getLong(5), r.getDouble(6), noPrice ? null : price));
                }
            }
        }
        return out;
    }

    /** The rig groups of the operators with their site's uptime and pool fee, by operator (a chunk at a time). */
    private static Map<Long, List<Expectations.Covered>> covered(Connection c, Collection<Long> operators)
            throws SQLException {
        Map<Long, List<Expectations.Covered>> out = new HashMap<>();
        List<Long> ids = new ArrayList<>(operators);
        for (int i = 0; i < ids.size(); i += 500) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
            StringBuilder in = new StringBuilder();
            for (Long id : chunk) {
                in.append(in.length() == 0 ? "" : ", ").append(id.longValue());
            }
            try (PreparedStatement s = c.prepareStatement("SELECT r.operator_id, r.site_id, r.units, r.terahash_per_unit,"
                    + " s.uptime_percent, s.pool_fee_percent FROM rig_group r JOIN site s ON s.id = r.site_id"
                    + " WHERE r.operator_id IN (" + in + ")"); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(new Expectations.Covered(r.getLong(2),
                            r.getLong(3) * r.getDouble(4), r.getDouble(5), r.getDouble(6)));
                }
            }
        }
        return out;
    }
}
