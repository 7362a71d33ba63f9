package io.hashdesk.projection;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hashdesk.HashdeskConfig;
import io.hashdesk.account.FleetOwner;
import io.hashdesk.account.Operator;
import io.hashdesk.account.SignedIn;
import io.hashdesk.economics.FleetToday;
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
import io.hashdesk.network.NetworkService;
import io.hashdesk.network.NetworkView;
import io.hashdesk.web.LruCache;

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

    private final AtomicLong computed = new AtomicLong();

    @Inject
    FleetService fleets;

    @Inject
    NetworkService network;

    @Inject
    Clock clock;

    @Inject
    ChartCache charts;

    private final LruCache<DetailKey, FleetProjection> cache;
    private final LruCache<RiskKey, PriceRisk.Result> riskCache;

    @Inject
    public ProjectionService(HashdeskConfig config) {
        long budget = cacheBudget(config.projection().cacheMegabytes(), Runtime.getRuntime().maxMemory());
        this.cache = LruCache.ofBytes(budget, FleetProjection::sizeBytes);
        this.riskCache = LruCache.ofBytes(budget, PriceRisk.Result::sizeBytes);
        this.fleetCache = LruCache.ofBytes(budget, ProjectionService::sizeOf);
    }

    /**
     * @param scenario the scenario's assumptions only ({@link Scenario#assumptions()}), never its name
     * @param uptimes sites whose uptime is replaced (uptime=measured), empty for the configured ones
     */
    private record Key(long operatorId, long fleetVersion, long snapshot, Instant asOf, Scenario scenario,
            Map<Long, Double> uptimes) {
    }

    private record RiskKey(Key projection, PriceRisk.Options options) {
    }

    /** A projection in the cache: with or without each group's daily series (charts and the grid share {@link Key}). */
    private record DetailKey(Key projection, GroupDetail detail) {
    }

    /** Fleets (20,000 rig groups are about 20 MB), bounded by memory too. */
    private final LruCache<Long, OperatorFleet> fleetCache;
    private final LruCache<Key, Sensitivity> sensitivityCache = LruCache.ofCount(256);

    /**
     * Who is asked about, resolved once: the signed-in operator carries its fleet version (no query); the
     * entity's is read, so a fleet changed in this transaction is seen.
     */
    private record Owner(long id, long version, Supplier<Operator> entity) {
    }

    private Owner owner(FleetOwner who) {
        if (who instanceof Operator o) {
            return new Owner(o.id, fleets.versionOf(o), () -> o);
        }
        SignedIn s = (SignedIn) who;
        return new Owner(s.id(), s.fleetVersion(), () -> Operator.<Operator>findById(s.id()));
    }

    /** Each of the four caches' bytes: as configured, but at most an eighth of the heap (half of it for all four). */
    static long cacheBudget(long configuredMegabytes, long maxHeapBytes) {
        return Math.min(configuredMegabytes * 1024L * 1024L, maxHeapBytes / 8);
    }

    /** Approximate heap size of a fleet: its entities and economics about 1 KB a rig group, 2 KB a site. */
    static long sizeOf(OperatorFleet fleet) {
        return 1024L * fleet.rigs().size() + 2048L * fleet.sites().size() + 1024;
    }

    /**
     * The projection of the operator's fleet for a scenario (under the scenario's operating policy), from
     * the latest snapshot, with each group's totals but not necessarily its daily series
     * ({@link GroupDetail#TOTALS}). It carries the requested scenario (its name), whatever name first computed it.
     */
    public FleetProjection project(FleetOwner who, Scenario scenario) {
        return project(who, scenario, GroupDetail.TOTALS);
    }

    /**
     * The same, with each group's daily series when {@code detail} is {@link GroupDetail#DAILY}
     * ({@code result().groupSeries()}). For the signed-in operator, at the fleet version read with the
     * session check: a repeated view costs no query at all.
     */
    public FleetProjection project(FleetOwner who, Scenario scenario, GroupDetail detail) {
        return project(who, scenario, detail, Map.of());
    }

    /** The same with some sites' uptime replaced (site id to percent; uptime=measured), cached apart. */
    public FleetProjection project(FleetOwner who, Scenario scenario, GroupDetail detail, Map<Long, Double> uptimes) {
        Owner owner = owner(who);
        NetworkView net = network.latest();
        OperatorFleet fleet = fleetOf(owner, net).withUptimes(uptimes);
        Instant asOf = asOf(net);
        Scenario assumptions = scenario.assumptions();
        Key key = new Key(owner.id(), fleet.version(), net.version(), asOf, assumptions, Map.copyOf(uptimes));
        DetailKey daily = new DetailKey(key, GroupDetail.DAILY);
        // A projection with the series answers a request without them; not the other way round.
        FleetProjection p = cache.get(daily);
        // computeOnce: views arriving together on a cold cache (a new snapshot, an edit) wait for one computation.
        if (p == null && detail == GroupDetail.TOTALS) {
            p = cache.computeOnce(new DetailKey(key, GroupDetail.TOTALS),
                    k -> compute(fleet, net, assumptions, asOf, key, GroupDetail.TOTALS));
        } else if (p == null) {
            p = cache.computeOnce(daily, k -> compute(fleet, net, assumptions, asOf, key, GroupDetail.DAILY));
            cache.remove(new DetailKey(key, GroupDetail.TOTALS)); // answered by the one with series from now on
        }
        return p.withScenario(scenario);
    }

    /** The default projection: the dashboard's 90 days and the weekly summary (base scenario, switch off when losing). */
    public FleetProjection projectDefault(FleetOwner who) {
        return project(who, Scenario.base(Scenario.DEFAULT_DAYS));
    }

    /**
     * The same scenario under both operating policies: {@code policies[0]} switch off when losing,
     * {@code policies[1]} keep everything running (for "switch-off discipline is worth X USD").
     */
    public PolicyComparison comparePolicies(FleetOwner who, Scenario scenario) {
        return comparePolicies(who, scenario, Map.of());
    }

    /** The same with some sites' uptime replaced (uptime=measured). */
    public PolicyComparison comparePolicies(FleetOwner who, Scenario scenario, Map<Long, Double> uptimes) {
        FleetProjection off = project(who, scenario.withPolicy(OperatingPolicy.SWITCH_OFF_WHEN_LOSING),
                GroupDetail.TOTALS, uptimes);
        FleetProjection on = project(who, scenario.withPolicy(OperatingPolicy.KEEP_RUNNING), GroupDetail.TOTALS,
                uptimes);
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
    public PriceRisk.Result risk(FleetOwner who, Scenario scenario, PriceRisk.Options options) {
        return risk(who, scenario, options, Map.of());
    }

    /** The same with some sites' uptime replaced (uptime=measured). */
    public PriceRisk.Result risk(FleetOwner who, Scenario scenario, PriceRisk.Options options,
            Map<Long, Double> uptimes) {
        Owner owner = owner(who);
        NetworkView net = network.latest();
        OperatorFleet fleet = fleetOf(owner, net).withUptimes(uptimes);
        Instant asOf = asOf(net);
        Scenario assumptions = scenario.assumptions();
        Key key = new Key(owner.id(), fleet.version(), net.version(), asOf, assumptions, Map.copyOf(uptimes));
        return riskCache.computeOnce(new RiskKey(key, options),
                k -> PriceRisk.run(fleet.fleet(), stateFor(net, assumptions), assumptions, asOf, options));
    }

    private static NetworkState stateFor(NetworkView net, Scenario scenario) {
        NetworkState state = net.state();
        return scenario.feesPerBlockBtc() != null ? state.withFees(scenario.feesPerBlockBtc()) : state;
    }

    /** How many rig groups the operator's fleet has (what a request's work is counted in). */
    public int groups(FleetOwner who) {
        return fleetOf(who).rigs().size();
    }

    /** The operator's fleet at the latest snapshot's rates, re-read only when its version changed. */
    public OperatorFleet fleetOf(FleetOwner who) {
        return fleetOf(owner(who), network.latest());
    }

    /** Re-read when the fleet's version changed, or, for a fleet with amounts in other currencies, the snapshot. */
    private OperatorFleet fleetOf(Owner owner, NetworkView net) {
        OperatorFleet cached = fleetCache.get(owner.id());
        if (cached != null && cached.version() == owner.version() && cached.pricedFor(net.version())) {
            return cached;
        }
        OperatorFleet fresh = fleets.fleetOf(owner.entity().get(), net);
        fleetCache.put(owner.id(), fresh);
        return fresh;
    }

    /**
     * Day 0 starts at the current hour; for the bundled sample, at the sample's own moment so its
     * retarget date and prices stay consistent.
     */
    Instant asOf(NetworkView net) {
        return net.bundled() ? net.fetchedAt() : clock.instant().truncatedTo(ChronoUnit.HOURS);
    }

    /** How many projections were computed since start (not answered from the cache). */
    long computed() {
        return computed.get();
    }

    private FleetProjection compute(OperatorFleet fleet, NetworkView net, Scenario scenario, Instant asOf, Key key,
            GroupDetail detail) {
        computed.incrementAndGet();
        NetworkState state = stateFor(net, scenario);
        FleetToday today = RigEconomics.today(fleet.fleet(), state, asOf);
        FleetToday after = RigEconomics.today(fleet.fleet(), state.afterNextRetarget(), asOf);
        ProjectionResult result = Projection.run(fleet.fleet(), state, scenario, asOf, detail);
        return new FleetProjection(asOf, net, scenario, fleet, today, after, result, FleetProjection.sites(fleet, today),
                FleetProjection.switchOff(fleet, today), key);
    }

    /** The fleet's profit today across BTC price and next-adjustment changes (see {@link Sensitivity}). */
    public Sensitivity sensitivity(FleetOwner who, Scenario scenario) {
        return sensitivity(who, scenario, Map.of());
    }

    /** The same with some sites' uptime replaced (uptime=measured). */
    public Sensitivity sensitivity(FleetOwner who, Scenario scenario, Map<Long, Double> uptimes) {
        FleetProjection p = project(who, scenario, GroupDetail.TOTALS, uptimes);
        return sensitivityCache.computeOnce((Key) p.cacheKey(),
                k -> Sensitivity.of(p, stateFor(p.network(), scenario)));
    }

    /** Forgets every cached result (tests; never needed for correctness, keys carry versions). */
    public void clearCaches() {
        cache.clear();
        riskCache.clear();
        charts.clear();
        fleetCache.clear();
        sensitivityCache.clear();
    }
}
