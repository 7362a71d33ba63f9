package io.hashdesk.earnings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.hashdesk.fleet.Site;

/**
 * {@code uptime=measured} (docs/economics.md, "Measured uptime"): each site's effective uptime over
 * its last {@link #DAYS} reconciled days, for a projection to use instead of its configured uptime.
 * A day counts when a pool reported it and its network history is stored (read, never fetched: a
 * projection does not wait on mempool), within the last {@link #LOOK_BACK} closed UTC days. A site's
 * own accounts measure it (several are added: a site split between pools); a site without one takes
 * the whole-fleet accounts' figure. With fewer than {@link #MIN_DAYS} days the configured uptime stays.
 * Five queries per operator whatever the number of accounts and days.
 */
@ApplicationScoped
public class MeasuredUptime {

    public static final int DAYS = 30;
    public static final int MIN_DAYS = 7;
    static final int LOOK_BACK = 90;

    public static final String MEASURED = "measured";
    public static final String CONFIGURED = "configured";

    @Inject
    Expectations expectations;

    @Inject
    Clock clock;

    /**
     * What one site's projection used.
     *
     * @param uptime {@link #MEASURED} or {@link #CONFIGURED}
     * @param uptimePercent the uptime used
     * @param measuredUptimePercent the effective uptime measured (null without any reconciled day)
     * @param days how many reconciled days it was measured from (0 to 30)
     * @param source "site account", "whole-fleet account" or null (no pool account covers it)
     * @param note why, in the operator's words
     */
    public record SiteUptime(long siteId, String name, String uptime, double uptimePercent,
            double configuredUptimePercent, Double measuredUptimePercent, int days, String source, String note) {
    }

    /** @param uptimeBySite the sites whose uptime is replaced (site id to percent), for the projection */
    public record Calibration(Map<Long, Double> uptimeBySite, List<SiteUptime> sites) {
    }

    /** The operator's sites, each with the uptime a measured projection uses. */
    @Transactional
    public Calibration calibrate(long operatorId) {
        List<Site> sites = Site.<Site>list("operatorId = ?1 order by lower(name), id", operatorId);
        List<PoolAccount> accounts = PoolAccount.<PoolAccount>list("operatorId", operatorId);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<EarningDays.Day> credited = EarningDays.between(accounts.stream().map(a -> a.id).toList(),
                today.minusDays(LOOK_BACK), today.minusDays(1));
        Set<LocalDate> dates = new HashSet<>();
        credited.forEach(d -> dates.add(d.date()));
        Map<LocalDate, NetworkHistory.Day> network = dates.isEmpty() ? Map.of() : NetworkHistory.read(dates);
        List<Expectations.Covered> groups = expectations.covered(operatorId, null);

        Map<Long, Long> siteOf = new HashMap<>();
        accounts.forEach(a -> siteOf.put(a.id, a.siteId));
        // credited BTC per covered site (null key: the whole fleet) and day
        Map<Long, Map<LocalDate, Double>> creditedBySite = new HashMap<>();
        for (EarningDays.Day d : credited) {
            if (network.containsKey(d.date())) {
                creditedBySite.computeIfAbsent(siteOf.get(d.poolId()), k -> new TreeMap<>())
                        .merge(d.date(), d.creditedBtc(), Double::sum);
            }
        }
        Measured fleet = measure(creditedBySite.get(null), groups, network);
        Map<Long, Double> used = new HashMap<>();
        List<SiteUptime> out = new ArrayList<>(sites.size());
        for (Site s : sites) {
            Map<LocalDate, Double> own = creditedBySite.get(s.id);
            String source = own != null ? "site account" : fleet != null ? "whole-fleet account" : null;
            Measured m = own != null
                    ? measure(own, groups.stream().filter(g -> g.siteId() == s.id).toList(), network)
                    : fleet;
            SiteUptime u = describe(s, m, source);
            if (MEASURED.equals(u.uptime())) {
                used.put(s.id, u.uptimePercent());
            }
            out.add(u);
        }
        return new Calibration(Collections.unmodifiableMap(used), List.copyOf(out));
    }

    /** Effective uptime over the last reconciled days: credited over expected at 100 % uptime, both summed. */
    record Measured(double percent, int days) {
    }

    static Measured measure(Map<LocalDate, Double> credited, List<Expectations.Covered> groups,
            Map<LocalDate, NetworkHistory.Day> network) {
        if (credited == null) {
            return null;
        }
        Map<LocalDate, NetworkHistory.Day> days = new HashMap<>();
        credited.keySet().forEach(d -> days.put(d, network.get(d)));
        Map<LocalDate, Expectations.Expected> expected = Expectations.expected(groups, days);
        List<LocalDate> newestFirst = new ArrayList<>(credited.keySet());
        newestFirst.sort(Collections.reverseOrder());
        double c = 0;
        double full = 0;
        int n = 0;
        for (LocalDate d : newestFirst) {
            Expectations.Expected e = expected.get(d);
            if (e == null || !(e.fullUptimeBtc() > 0)) {
                continue;
            }
            c += credited.get(d);
            full += e.fullUptimeBtc();
            if (++n == DAYS) {
                break;
            }
        }
        return n == 0 ? new Measured(Double.NaN, 0) : new Measured(100 * c / full, n);
    }

    static SiteUptime describe(Site s, Measured m, String source) {
        double configured = s.uptimePercent;
        if (m == null) {
            return new SiteUptime(s.id, s.name, CONFIGURED, configured, configured, null, 0, null,
                    "no pool account covers this site: configured uptime kept");
        }
        Double measured = m.days() == 0 ? null : m.percent();
        if (m.days() < MIN_DAYS) {
            return new SiteUptime(s.id, s.name, CONFIGURED, configured, configured, measured, m.days(), source,
                    "only " + m.days() + " reconciled day" + (m.days() == 1 ? "" : "s") + " (at least " + MIN_DAYS
                            + " needed): configured uptime kept");
        }
        double used = Math.min(100, m.percent());
        String note = "measured over " + m.days() + " reconciled days from the " + source
                + (m.percent() > 100 ? " (above 100 %: 100 % used)" : "");
        return new SiteUptime(s.id, s.name, MEASURED, used, configured, measured, m.days(), source, note);
    }
}
