package io.hashdesk.projection;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hashdesk.account.Operator;
import io.hashdesk.economics.FleetToday;
import io.hashdesk.economics.GroupToday;
import io.hashdesk.economics.NetworkState;
import io.hashdesk.economics.Projection;
import io.hashdesk.economics.ProjectionResult;
import io.hashdesk.economics.RigEconomics;
import io.hashdesk.economics.Scenario;
import io.hashdesk.fleet.FleetService;
import io.hashdesk.fleet.FleetService.OperatorFleet;
import io.hashdesk.fleet.RigGroup;
import io.hashdesk.fleet.Site;
import io.hashdesk.network.NetworkView;
import io.hashdesk.network.NetworkService;
import io.hashdesk.web.BoundedCache;
import io.hashdesk.web.Formats;
import io.hashdesk.web.chart.LineChart;

/**
 * The operator's fleet + the latest network snapshot + a scenario -> the economics. Pages, JSON and
 * the weekly mail all come through here, so a figure is computed in one place. Results are cached
 * by (operator, fleet version, snapshot, scenario, start hour): a repeated page view costs a lookup.
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

    private record FleetKey(long operatorId, long version) {
    }

    private record Key(long operatorId, long fleetVersion, long snapshot, Instant asOf, Scenario scenario) {
    }

    // Sized for memory: a projection of a 1,000-group fleet holds about 1 MB (its fleet, today's figures
    // twice, the daily series), so these bound the caches to a few hundred MB in the worst case.
    private final BoundedCache<Long, OperatorFleet> fleetCache = new BoundedCache<>(128);
    private final BoundedCache<Key, FleetProjection> cache = new BoundedCache<>(256);
    private final BoundedCache<Key, Sensitivity> sensitivityCache = new BoundedCache<>(256);
    private final BoundedCache<ChartKey, LineChart> chartCache = new BoundedCache<>(1024);

    private record ChartKey(Object projection, String chart, String zone) {
    }

    /** A chart of a projection, built once per projection, chart and time zone. */
    public LineChart chart(FleetProjection p, String chart, String zone, Function<FleetProjection, LineChart> build) {
        return chartCache.computeIfAbsent(new ChartKey(p.cacheKey(), chart, zone), k -> build.apply(p));
    }

    /** The projection of the operator's fleet for a scenario, from the latest snapshot. */
    public FleetProjection project(Operator owner, Scenario scenario) {
        NetworkView net = network.latest();
        OperatorFleet fleet = fleetOf(owner);
        Instant asOf = asOf(net);
        Key key = new Key(owner.id, fleet.version(), net.version(), asOf, scenario);
        return cache.computeIfAbsent(key, k -> compute(fleet, net, scenario, asOf, k));
    }

    /** The operator's fleet, re-read only when its version changed. */
    public OperatorFleet fleetOf(Operator owner) {
        long version = fleets.versionOf(owner);
        OperatorFleet cached = fleetCache.get(owner.id);
        if (cached != null && cached.version() == version) {
            return cached;
        }
        OperatorFleet fresh = fleets.fleetOf(owner);
        fleetCache.put(owner.id, fresh);
        return fresh;
    }

    /**
     * Day 0 starts at the current hour; for the bundled sample, at the sample's own moment so its
     * retarget date and prices stay consistent.
     */
    Instant asOf(NetworkView net) {
        return net.bundled() ? net.fetchedAt() : clock.instant().truncatedTo(ChronoUnit.HOURS);
    }

    private FleetProjection compute(OperatorFleet fleet, NetworkView net, Scenario scenario, Instant asOf, Key key) {
        NetworkState state = net.state();
        if (scenario.feesPerBlockBtc() != null) {
            state = state.withFees(scenario.feesPerBlockBtc());
        }
        FleetToday today = RigEconomics.today(fleet.fleet(), state, asOf);
        FleetToday after = RigEconomics.today(fleet.fleet(), state.afterNextRetarget(), asOf);
        ProjectionResult result = Projection.run(fleet.fleet(), state, scenario, asOf);
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
            NetworkState base = p.network().state();
            if (scenario.feesPerBlockBtc() != null) {
                base = base.withFees(scenario.feesPerBlockBtc());
            }
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
            List<String> labels = java.util.Arrays.stream(PRICE_STEPS).mapToObj(c -> Formats.change(c)).toList();
            return new Sensitivity(labels, List.copyOf(rows), base.priceUsd());
        });
    }

    /** Forgets every cached result (tests; never needed for correctness, keys carry versions). */
    public void clearCaches() {
        cache.clear();
        chartCache.clear();
        fleetCache.clear();
        sensitivityCache.clear();
    }
}
