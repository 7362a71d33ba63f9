package io.hashdesk.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import io.hashdesk.economics.FleetToday;
import io.hashdesk.economics.GroupToday;
import io.hashdesk.economics.OperatingPolicy;
import io.hashdesk.economics.ProjectionResult;
import io.hashdesk.economics.Scenario;
import io.hashdesk.fleet.FleetService.OperatorFleet;
import io.hashdesk.fleet.RigGroup;
import io.hashdesk.fleet.Site;
import io.hashdesk.network.NetworkView;

/**
 * One operator's fleet against one network snapshot and one scenario: today's figures, the figures
 * after the next adjustment, and the day-by-day projection. Immutable, cached by {@link ProjectionService}.
 *
 * @param asOf the moment day 0 starts
 * @param afterAdjustment today's figures once the next difficulty adjustment has happened
 */
public record FleetProjection(Instant asOf, NetworkView network, Scenario scenario, OperatorFleet fleet,
        FleetToday today, FleetToday afterAdjustment, ProjectionResult result, List<SiteToday> sites,
        List<SwitchOff> switchOff, Object cacheKey) {

    /** One site's share of today's figures. */
    public record SiteToday(Site site, int groups, long units, double hashrateHs, double powerWatts,
            double revenueUsd, double powerCostUsd, double hostingUsd, double poolFeeUsd, double profitUsd) {
    }

    /** A group that loses money at the margin today, with the BTC price at which it earns its power back. */
    public record SwitchOff(RigGroup rig, GroupToday today) {
    }

    /** This projection under another scenario name (same assumptions: the results are shared). */
    FleetProjection withScenario(Scenario named) {
        return named.equals(scenario) ? this
                : new FleetProjection(asOf, network, named, fleet, today, afterAdjustment, result, sites, switchOff,
                        cacheKey);
    }

    /** Approximate heap size, bytes (the series dominate; fleet and today's figures about 1 KB a group). */
    long sizeBytes() {
        return result.sizeBytes() + 1024L * fleet.rigs().size() + 1024;
    }

    /** The operating policy of the projection (the dashboard and weekly summary: switch off when losing). */
    public OperatingPolicy policy() {
        return result.policy();
    }

    /** True when the next retarget's estimated date is already past at day 0: the estimate is overdue. */
    public boolean retargetOverdue() {
        return network.state().retargetOverdue(asOf);
    }

    /** Groups at curtailing sites that run only the cheap hours today (not switched off): "runs N h a day". */
    public List<PartTime> partTime() {
        List<PartTime> out = new ArrayList<>();
        for (int i = 0; i < today.groups().size(); i++) {
            GroupToday t = today.groups().get(i);
            if (t.partTime()) {
                out.add(new PartTime(fleet.rigs().get(i), t));
            }
        }
        return out;
    }

    /** A group curtailed in the dear hours that still earns in the cheap ones. */
    public record PartTime(RigGroup rig, GroupToday today) {
    }

    public boolean empty() {
        return fleet.rigs().isEmpty();
    }

    /** Today's figures summed per site. */
    static List<SiteToday> sites(OperatorFleet fleet, FleetToday today) {
        List<SiteToday> out = new ArrayList<>();
        for (int s = 0; s < fleet.sites().size(); s++) {
            Site site = fleet.sites().get(s);
            int groups = 0;
            long units = 0;
            double hs = 0, watts = 0, rev = 0, power = 0, hosting = 0, fee = 0, profit = 0;
            for (int g = 0; g < fleet.rigs().size(); g++) {
                if (fleet.fleet().groups().get(g).siteIndex() != s) {
                    continue;
                }
                RigGroup rig = fleet.rigs().get(g);
                GroupToday t = today.groups().get(g);
                groups++;
                units += rig.units;
                hs += t.hashrateHs();
                watts += t.energyKwh() / 24 * 1000;
                rev += t.revenueUsd();
                power += t.powerCostUsd();
                hosting += t.hostingUsd();
                fee += t.poolFeeUsd();
                profit += t.profitUsd();
            }
            out.add(new SiteToday(site, groups, units, hs, watts, rev, power, hosting, fee, profit));
        }
        return List.copyOf(out);
    }

    /** The groups that lose money at the margin today, the biggest losers first. */
    static List<SwitchOff> switchOff(OperatorFleet fleet, FleetToday today) {
        return IntStream.range(0, today.groups().size())
                .filter(i -> today.groups().get(i).switchOff())
                .mapToObj(i -> new SwitchOff(fleet.rigs().get(i), today.groups().get(i)))
                .sorted(Comparator.comparingDouble((SwitchOff s) -> s.today().profitUsd()))
                .toList();
    }

    /** How many switch-off rows the dashboard lists (the ones losing most); the rest are counted. */
    public static final int SWITCH_OFF_SHOWN = 20;

    public List<SwitchOff> switchOffShown() {
        List<SwitchOff> all = switchOff();
        return all.size() <= SWITCH_OFF_SHOWN ? all : all.subList(0, SWITCH_OFF_SHOWN);
    }

    /** Units in the groups to switch off. */
    public long switchOffUnits() {
        return switchOff().stream().mapToLong(s -> s.rig().units).sum();
    }

    /**
     * What the groups to switch off lose per day by running, USD (negative): their power against what they
     * earn after pool fees. Hosting is left out: it is paid whether they run or not, so switching off does not
     * save it.
     */
    public double switchOffProfitUsd() {
        return switchOff().stream().mapToDouble(s -> s.today().profitUsd() + s.today().hostingUsd()).sum();
    }

    /** Change of the fleet's daily profit caused by the next adjustment alone, USD/day. */
    public double adjustmentEffectUsd() {
        return afterAdjustment.profitUsd() - today.profitUsd();
    }

    /** Today's fleet profit per day under the projection's policy (the basis of the projected days). */
    public double profitTodayUsd() {
        return today.profitUsd(policy());
    }

    /** The same once the next adjustment has happened. */
    public double profitAfterAdjustmentUsd() {
        return afterAdjustment.profitUsd(policy());
    }

    /** Change of the fleet's daily profit under the projection's policy caused by the next adjustment alone. */
    public double policyAdjustmentEffectUsd() {
        return profitAfterAdjustmentUsd() - profitTodayUsd();
    }
}
