package io.hashdesk.alerts;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.hashdesk.currency.CurrencyService;
import io.hashdesk.currency.Fx;
import io.hashdesk.economics.NetworkState;
import io.hashdesk.earnings.PoolFetched;
import io.hashdesk.network.NetworkService;
import io.hashdesk.network.NetworkView;
import io.hashdesk.network.SnapshotStored;

/**
 * Evaluates every enabled rule after each stored snapshot (and the timed kinds between refreshes): the
 * evaluators say what they see, the state machine decides, and only what changed is written. A
 * confirmed change fires through {@link AlertFiring}, once across instances and restarts.
 */
@ApplicationScoped
public class AlertEvaluator {

    private static final Logger LOG = Logger.getLogger(AlertEvaluator.class);

    @Inject
    DataSource dataSource;

    @Inject
    Instance<RuleEvaluator> evaluatorBeans;

    @Inject
    FleetFactsCache fleets;

    @Inject
    AlertFiring firing;

    @Inject
    Clock clock;

    @Inject
    NetworkService network;

    @Inject
    CurrencyService currencies;

    /** What one evaluation did. */
    public record Result(int rules, int observations, int written, int changes, int fired, long millis) {
    }

    void onSnapshot(@Observes SnapshotStored event) {
        try {
            Result r = evaluate(event.view(), clock.instant(), false);
            if (r.fired() > 0) {
                LOG.infof("alerts: %d rules evaluated in %d ms, %d alerts fired", r.rules(), r.millis(), r.fired());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "alerts: evaluation of the snapshot of %s failed", event.view().fetchedAt());
        }
    }

    /** After a pool fetch stored days or changed an account's state: the timed kinds (the pool kinds among them). */
    void onPoolFetched(@Observes PoolFetched event) {
        try {
            Result r = evaluate(network.latest(), clock.instant(), true);
            if (r.fired() > 0) {
                LOG.infof("alerts: %d alerts fired after a pool fetch", r.fired());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "alerts: evaluation after the fetch of pool account %d failed", event.poolId());
        }
    }

    /**
     * Evaluates the rules on {@code net} at {@code now}: all of them after a refresh, only the timed kinds
     * ({@code timedOnly}) between refreshes. Each snapshot counts once per rule and subject.
     */
    public Result evaluate(NetworkView net, Instant now, boolean timedOnly) throws SQLException {
        Map<AlertKind, RuleEvaluator> byKind = new EnumMap<>(AlertKind.class);
        for (RuleEvaluator e : evaluatorBeans) {
            byKind.put(e.kind(), e);
        }
        return evaluate(dataSource::getConnection, byKind, fleets::of, firing::change, net, currencies.live(net), now,
                timedOnly);
    }

    /** Opens a connection. */
    public interface Connections {
        Connection open() throws SQLException;
    }

    /** Makes a confirmed change ({@link AlertFiring#change}). */
    public interface Changes {
        boolean change(Observation o, StateMachine.State s, String to, Instant observedAt, Instant now,
                AlertMessage message) throws SQLException;
    }

    /**
     * The evaluation itself, on any database and fleet source (the benchmark drives it directly);
     * {@code livePerUsd} are the snapshot's mempool rates ({@link CurrencyService#live}), USD included.
     */
    public static Result evaluate(Connections db, Map<AlertKind, RuleEvaluator> evaluators,
            Function<Map<Long, Long>, Map<Long, FleetFacts>> fleets, Changes changer, NetworkView net,
            Map<String, Double> livePerUsd, Instant now, boolean timedOnly) throws SQLException {
        long started = System.nanoTime();
        Map<AlertKind, RuleEvaluator> byKind = new EnumMap<>(AlertKind.class);
        evaluators.forEach((k, e) -> {
            if (!timedOnly || e.timed()) {
                byKind.put(k, e);
            }
        });
        // A timed evaluation counts at "now"; after a refresh, at the snapshot's own moment.
        Instant at = timedOnly ? now : net.fetchedAt();
        AlertStates.Loaded loaded;
        Map<Long, Map<String, StateMachine.State>> states;
        Map<Long, List<PoolFacts>> pools;
        Map<Long, List<CurrencyService.Entered>> entered;
        try (Connection c = db.open()) {
            if (!timedOnly) {
                AlertStates.ensureDefaults(c, now);
            }
            loaded = AlertStates.rules(c, List.copyOf(byKind.keySet()));
            states = AlertStates.states(c);
            java.util.Set<Long> withPools = new java.util.HashSet<>();
            java.util.Set<Long> withRealized = new java.util.HashSet<>();
            for (Rule r : loaded.rules()) {
                if (byKind.get(r.kind()).needsPools()) {
                    withPools.add(r.operatorId());
                }
                if (r.kind() == AlertKind.POOL_UNDERPAID) {
                    withRealized.add(r.operatorId());
                }
            }
            pools = AlertStates.pools(c, withPools, withRealized, now.atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                    PoolUnderpaidEvaluator.DAYS);
            // The operators' own rates, read only for those whose money is in a currency mempool does not price.
            java.util.Set<Long> withOwnRates = new java.util.HashSet<>();
            for (Rule r : loaded.rules()) {
                if (!livePerUsd.containsKey(r.currencyCode())
                        || !livePerUsd.containsKey(loaded.displayCurrencies().getOrDefault(r.operatorId(), "USD"))) {
                    withOwnRates.add(r.operatorId());
                }
            }
            entered = AlertStates.entered(c, withOwnRates);
        }
        Map<Long, Long> fleetVersions = new HashMap<>();
        for (Rule r : loaded.rules()) {
            if (byKind.get(r.kind()).needsFleet()) {
                fleetVersions.put(r.operatorId(), loaded.fleetVersions().get(r.operatorId()));
            }
        }
        Map<Long, FleetFacts> facts = fleetVersions.isEmpty() ? Map.of() : fleets.apply(fleetVersions);
        NetworkState state = net.state();
        Instant asOf = now.truncatedTo(ChronoUnit.HOURS);
        Map<String, Fx> liveRates = CurrencyService.rates(livePerUsd, net, List.of());
        Map<Long, OperatorFacts> operators = new HashMap<>();
        List<Observation> observations = new ArrayList<>();
        for (Rule r : loaded.rules()) {
            OperatorFacts f = operators.computeIfAbsent(r.operatorId(), id -> {
                List<CurrencyService.Entered> own = entered.get(id);
                OperatorFacts o = new OperatorFacts(id, facts.get(id), net, state, asOf, now,
                        loaded.displayCurrencies().get(id),
                        own == null ? liveRates : CurrencyService.rates(livePerUsd, net, own));
                o.pools = pools.getOrDefault(id, List.of());
                return o;
            });
            byKind.get(r.kind()).evaluate(r, f, observations);
        }
        List<AlertStates.Write> writes = new ArrayList<>();
        record Change(Observation o, StateMachine.State s, String to) {
        }
        List<Change> changes = new ArrayList<>();
        for (Observation o : observations) {
            StateMachine.State s = states.getOrDefault(o.ruleId(), Map.of()).get(o.subject());
            StateMachine.Step step = StateMachine.step(s, o.verdict(), o.confirmations(), at);
            switch (step.action()) {
                case NONE -> {
                }
                case FIRE -> changes.add(new Change(o, s, step.state()));
                default -> writes.add(new AlertStates.Write(o.ruleId(), o.subject(), step, at));
            }
        }
        try (Connection c = db.open()) {
            AlertStates.write(c, writes);
        }
        int made = 0;
        int fired = 0;
        for (Change ch : changes) {
            AlertMessage m = ch.o().message().on(ch.s().state(), ch.to());
            if (changer.change(ch.o(), ch.s(), ch.to(), at, now, m)) {
                made++;
                if (m != null) {
                    fired++;
                }
            }
        }
        return new Result(loaded.rules().size(), observations.size(), writes.size(), made, fired,
                (System.nanoTime() - started) / 1_000_000);
    }
}
