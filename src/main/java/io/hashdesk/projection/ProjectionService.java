package io.hashdesk.projection;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hashdesk.HashdeskConfig;
import io.hashdesk.account.Operator;
import io.hashdesk.account.SignedIn;
import io.hashdesk.economics.FleetToday;
import io.hashdesk.economics.GroupToday;
import io.hashdesk.economics.NetworkState;
import io.hashdesk.economics.OperatingPolicy;
import io.hashdesk.economics.PriceRisk;
import io.hashdesk.economics.Projection;
import io.hashdesk.economics.Projection.GroupDetail;
import io.hashdesk.economics.ProjectionResult;
import io.hashdesk.economics.RigEconomics;
import io.hashdesk.economics.Scenario;
import io.hashdesk.fleet.FleetService.OperatorFleet;
import io.hashdesk.fleet.FleetService;
import io.hashdesk.fleet.RigGroup;
import io.hashdesk.fleet.Site;
import io.hashdesk.network.NetworkService;
import io.hashdesk.network.NetworkView;
import io.hashdesk.web.LruCache;
import io.hashdesk.web.Formats;
import io.hashdesk.web.chart.LineChart;

/**
 * The operator's fleet + the latest network snapshot + a scenario -> the economics. Pages, JSON and
 * the weekly mail all come through here, so a figure is computed in one place. Results are cached
 * by (operator, fleet version, snapshot, the scenario's assumptions, start hour): a repeated page view
 * costs a lookup, and two scenarios with the same assumptions under different names are computed once.
 * Each group's daily series are kept only for the callers that ask for them ({@link GroupDetail#DAILY}:
 * a rig group's page, {@code groups=daily}); a projection with them also answers a request without them.
 * The projection and price-risk caches are bounded by the estimated memory of their entries
 * ({@code hashdesk.projection.cache-megabytes} each).
 */
@ApplicationScoped
public class ProjectionService {

    /** Sensitivity grid axes: BTC price change and next-adjustment change, in percent. */
    public static final int[] PRICE_STEPS = { -40, -30, -20, -10, 0, 10, 20, 30, 40 };
    public static final int[] ADJUSTMENT_STEPS = { -20, -15, -10, -5, 0, 5, 10, 15, 20 };

    @Inject
    FleetService fleets;

    @Inject
    NetworkService network;

    @Inject
    Clock clock;

    private final LruCache<DetailKey, FleetProjection> cache;
    private final LruCache<RiskKey, PriceRisk.Result> riskCache;

    @Inject
    public ProjectionService(HashdeskConfig config) {
        long budget = cacheBudget(config.projection().cacheMegabytes(), Runtime.getRuntime().maxMemory());
        this.cache = LruCache.ofBytes(budget, FleetProjection::sizeBytes);
        this.riskCache = LruCache.ofBytes(budget, PriceRisk.Result::sizeBytes);
        this.fleetCache = LruCache.ofBytes(budget, ProjectionService::sizeOf);
        this.chartCache = LruCache.ofBytes(budget, ProjectionService::sizeOf);
    }

    /** @param scenario the scenario's assumptions only ({@link Scenario#assumptions()}), never its name */
    private record Key(long operatorId, long fleetVersion, long snapshot, Instant asOf, Scenario scenario) {
    }

    private record RiskKey(Key projection, PriceRisk.Options options) {
    }

    /** A projection in the cache: with or without each group's daily series (charts and the grid share {@link Key}). */
    private record DetailKey(Key projection, GroupDetail detail) {
    }

    /** Fleets (20,000 rig groups are about 20 MB) and charts (a few KB to a few hundred), bounded by memory too. */
    private final LruCache<Long, OperatorFleet> fleetCache;
    private final LruCache<Key, Sensitivity> sensitivityCache = LruCache.ofCount(256);
    private final LruCache<ChartKey, LineChart> chartCache;

    /** Each of the four caches' bytes: as configured, but at most an eighth of the heap (half of it for all four). */
    static long cacheBudget(long configuredMegabytes, long maxHeapBytes) {
        return Math.min(configuredMegabytes * 1024L * 1024L, maxHeapBytes / 8);
    }

    /** Approximate heap size of a fleet: its entities and economics about 1 KB a rig group, 2 KB a site. */
    static long sizeOf(OperatorFleet fleet) {
        return 1024L * fleet.rigs().size() + 2048L * fleet.sites().size() + 1024;
    }

    /** Approximate heap size of a chart: its SVG paths (two bytes a character) and labels. */
    static long sizeOf(LineChart chart) {
        long chars = 0;
        for (LineChart.Series s : chart.series()) {
            chars += s.path().length() + 64;
        }
        for (LineChart.Band b : chart.bands() == null ? List.<LineChart.Band>of() : chart.bands()) {
            chars += b.path().length() + 64;
        }
        int labels = chart.xTicks().size() + chart.yTicks().size() + (chart.markers() == null ? 0 : chart.markers().size());
        return 2 * chars + 160L * labels + 1024;
    }

    private record ChartKey(Object projection, String chart, String zone) {
    }

    /** A chart of a projection, built once per projection, chart and time zone. */
    public LineChart chart(FleetProjection p, String chart, String zone, Function<FleetProjection, LineChart> build) {
        return chartCache.computeIfAbsent(new ChartKey(p.cacheKey(), chart, zone), k -> build.apply(p));
    }

    /**
     * The projection of the operator's fleet for a scenario (under the scenario's operating policy), from
     * the latest snapshot, with each group's totals but not necessarily its daily series
     * ({@link GroupDetail#TOTALS}). It carries the requested scenario (its name), whatever name first computed it.
     */
    public FleetProjection project(Operator owner, Scenario scenario) {
        return project(owner, scenario, GroupDetail.TOTALS);
    }

    /**
     * The same, with each group's daily series when {@code detail} is {@link GroupDetail#DAILY}
     * ({@code result().groupSeries()}).
     */
    public FleetProjection project(Operator owner, Scenario scenario, GroupDetail detail) {
        return project(owner.id, fleets.versionOf(owner), () -> owner, scenario, detail);
    }

    /**
     * The same for the signed-in operator, at the fleet version read with the session check: a repeated
     * view costs no query at all.
     */
    public FleetProjection project(SignedIn who, Scenario scenario) {
        return project(who, scenario, GroupDetail.TOTALS);
    }

    /** The same for the signed-in operator, with each group's daily series when {@code detail} is DAILY. */
    public FleetProjection project(SignedIn who, Scenario scenario, GroupDetail detail) {
        return project(who.id(), who.fleetVersion(), () -> Operator.<Operator>findById(who.id()), scenario, detail);
    }

    private FleetProjection project(long ownerId, long version, Supplier<Operator> owner, Scenario scenario,
            GroupDetail detail) {
        NetworkView net = network.latest();
        OperatorFleet fleet = fleetOf(ownerId, version, owner);
        Instant asOf = asOf(net);
        Scenario assumptions = scenario.assumptions();
        Key key = new Key(ownerId, fleet.version(), net.version(), asOf, assumptions);
        DetailKey daily = new DetailKey(key, GroupDetail.DAILY);
        // A projection with the series answers a request without them; not the other way round.
        FleetProjection p = cache.get(daily);
        if (p == null && detail == GroupDetail.TOTALS) {
            p = cache.computeIfAbsent(new DetailKey(key, GroupDetail.TOTALS),
                    k -> compute(fleet, net, assumptions, asOf, key, GroupDetail.TOTALS));
        } else if (p == null) {
            p = compute(fleet, net, assumptions, asOf, key, GroupDetail.DAILY);
            cache.put(daily, p);
            cache.remove(new DetailKey(key, GroupDetail.TOTALS)); // answered by the one with series from now on
        }
        return p.withScenario(scenario);
    }

    /** The default projection: the dashboard's 90 days and the weekly summary (base scenario, switch off when losing). */
    public FleetProjection projectDefault(Operator owner) {
        return project(owner, Scenario.base(Scenario.DEFAULT_DAYS));
    }

    /** The same for the signed-in operator (no query when cached). */
    public FleetProjection projectDefault(SignedIn who) {
        return project(who, Scenario.base(Scenario.DEFAULT_DAYS));
    }

    /**
     * The same scenario under both operating policies: {@code policies[0]} switch off when losing,
     * {@code policies[1]} keep everything running (for "switch-off discipline is worth X USD").
     */
    public PolicyComparison comparePolicies(Operator owner, Scenario scenario) {
        FleetProjection off = project(owner, scenario.withPolicy(OperatingPolicy.SWITCH_OFF_WHEN_LOSING));
        FleetProjection on = project(owner, scenario.withPolicy(OperatingPolicy.KEEP_RUNNING));
        return new PolicyComparison(off, on);
    }

    /** The same for the signed-in operator. */
    public PolicyComparison comparePolicies(SignedIn who, Scenario scenario) {
        FleetProjection off = project(who, scenario.withPolicy(OperatingPolicy.SWITCH_OFF_WHEN_LOSING));
        FleetProjection on = project(who, scenario.withPolicy(OperatingPolicy.KEEP_RUNNING));
        return new PolicyComparison(off, on);
    }

    /**
     * @param switchOffWhenLosing the scenario under "switch off when losing"
     * @param keepRunning the same scenario under "keep everything running"
     */
    public record PolicyComparison(FleetProjection switchOffWhenLosing, FleetProjection keepRunning) {

        /** What switching losers off earns over the horizon, USD (>= 0 up to rounding). */
        public double disciplineWorthUsd() {
            return switchOffWhenLosing.result().totals().profitUsd() - keepRunning.result().totals().profitUsd();
        }
    }

    /**
     * Price risk of the operator's fleet under a scenario (its drift, difficulty path and policy):
     * P10/P50/P90 bands, probability of a positive cumulative profit, per-group payback probability.
     * Cached like the projection, per (paths, volatility, seed).
     */
    public PriceRisk.Result risk(Operator owner, Scenario scenario, PriceRisk.Options options) {
        return risk(owner.id, fleets.versionOf(owner), () -> owner, scenario, options);
    }

    /** The same for the signed-in operator. */
    public PriceRisk.Result risk(SignedIn who, Scenario scenario, PriceRisk.Options options) {
        return risk(who.id(), who.fleetVersion(), () -> Operator.<Operator>findById(who.id()), scenario, options);
    }

    private PriceRisk.Result risk(long ownerId, long version, Supplier<Operator> owner, Scenario scenario,
            PriceRisk.Options options) {
        NetworkView net = network.latest();
        OperatorFleet fleet = fleetOf(ownerId, version, owner);
        Instant asOf = asOf(net);
        Scenario assumptions = scenario.assumptions();
        Key key = new Key(ownerId, fleet.version(), net.version(), asOf, assumptions);
        return riskCache.computeIfAbsent(new RiskKey(key, options),
                k -> PriceRisk.run(fleet.fleet(), stateFor(net, assumptions), assumptions, asOf, options));
    }

    private static NetworkState stateFor(NetworkView net, Scenario scenario) {
        NetworkState state = net.state();
        return scenario.feesPerBlockBtc() != null ? state.withFees(scenario.feesPerBlockBtc()) : state;
    }

    /** How many rig groups the signed-in operator's fleet has (what a request's work is counted in). */
    public int groups(SignedIn who) {
        return fleetOf(who.id(), who.fleetVersion(), () -> Operator.<Operator>findById(who.id())).rigs().size();
    }

    /** The operator's fleet, re-read only when its version changed. */
    public OperatorFleet fleetOf(Operator owner) {
        return fleetOf(owner.id, fleets.versionOf(owner), () -> owner);
    }

    private OperatorFleet fleetOf(long ownerId, long version, Supplier<Operator> owner) {
        OperatorFleet cached = fleetCache.get(ownerId);
        if (cached != null && cached.version() == version) {
            return cached;
        }
        OperatorFleet fresh = fleets.fleetOf(owner.get());
        fleetCache.put(ownerId, fresh);
        return fresh;
    }

    /**
     * Day 0 starts at the current hour; for the bundled sample, at the sample's own moment so its
     * retarget date and prices stay consistent.
     */
    Instant asOf(NetworkView net) {
        return net.bundled() ? net.fetchedAt() : clock.instant().truncatedTo(ChronoUnit.HOURS);
    }

    private FleetProjection compute(OperatorFleet fleet, NetworkView net, Scenario scenario, Instant asOf, Key key,
            GroupDetail detail) {
        NetworkState state = stateFor(net, scenario);
        FleetToday today = RigEconomics.today(fleet.fleet(), state, asOf);
        FleetToday after = RigEconomics.today(fleet.fleet(), state.afterNextRetarget(), asOf);
        ProjectionResult result = Projection.run(fleet.fleet(), state, scenario, asOf, detail);
        return new FleetProjection(asOf, net, scenario, fleet, today, after, result, sites(fleet, today),
                FleetProjection.switchOff(fleet, today), key);
    }

    /** Today's figures summed per site (also what the daily ledger records per site). */
    public static List<FleetProjection.SiteToday> sites(OperatorFleet fleet, FleetToday today) {
        List<FleetProjection.SiteToday> out = new ArrayList<>();
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
            out.add(new FleetProjection.SiteToday(site, groups, units, hs, watts, rev, power, hosting, fee, profit));
        }
        return List.copyOf(out);
    }

    /** Fleet profit per day today for BTC price changes (columns) by next-adjustment changes (rows). */
    public record Sensitivity(List<String> priceLabels, List<Row> rows, double basePrice) {

        /** @param profitUsd per price step, USD/day */
        public record Row(String adjustment, int adjustmentPercent, double[] profitUsd) {
        }

        public double profit(int adjustmentPercent, int pricePercent) {
            for (Row r : rows) {
                if (r.adjustmentPercent() == adjustmentPercent) {
                    for (int c = 0; c < PRICE_STEPS.length; c++) {
                        if (PRICE_STEPS[c] == pricePercent) {
                            return r.profitUsd()[c];
                        }
                    }
                }
            }
            throw new IllegalArgumentException("not a grid point");
        }
    }

    public Sensitivity sensitivity(Operator owner, Scenario scenario) {
        FleetProjection p = project(owner, scenario);
        return sensitivityCache.computeIfAbsent((Key) p.cacheKey(), k -> {
            NetworkState base = stateFor(p.network(), scenario);
            List<Sensitivity.Row> rows = new ArrayList<>();
            for (int a : ADJUSTMENT_STEPS) {
                double[] profit = new double[PRICE_STEPS.length];
                for (int c = 0; c < PRICE_STEPS.length; c++) {
                    NetworkState s = base.withPrice(base.priceUsd() * (1 + PRICE_STEPS[c] / 100.0)).withNextChange(a)
                            .afterNextRetarget();
                    profit[c] = RigEconomics.today(p.fleet().fleet(), s, p.asOf()).profitUsd();
                }
                rows.add(new Sensitivity.Row(Formats.change(a), a, profit));
            }
            List<String> labels = Arrays.stream(PRICE_STEPS).mapToObj(c -> Formats.change(c)).toList();
            return new Sensitivity(labels, List.copyOf(rows), base.priceUsd());
        });
    }

    /** Forgets every cached result (tests; never needed for correctness, keys carry versions). */
    public void clearCaches() {
        cache.clear();
        riskCache.clear();
        chartCache.clear();
        fleetCache.clear();
        sensitivityCache.clear();
    }
}
