package io.hashdesk.alerts;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.hashdesk.currency.Fx;
import io.hashdesk.economics.FleetToday;
import io.hashdesk.economics.NetworkState;
import io.hashdesk.economics.RigEconomics;
import io.hashdesk.network.NetworkView;

/**
 * One operator's figures on one snapshot, computed once however many rules read them: today's
 * economics at the live price and at the price moved by a margin (the projection's own figures, from
 * {@link RigEconomics#today}).
 *
 * @param fleet null for an operator without sites
 * @param asOf the start of today's 24 hours (the current hour, as the dashboard's)
 */
public final class OperatorFacts {

    public final long operatorId;
    public final FleetFacts fleet;
    public final NetworkView net;
    public final Instant asOf;
    public final Instant now;
    /** The operator's pool accounts, read only when a rule needs them (else empty). */
    public List<PoolFacts> pools = List.of();
    private final NetworkState state;
    private final Map<Double, FleetToday> today = new HashMap<>(4);

    /** Every currency usable at this snapshot's rates: mempool's with the snapshot, the operator's own as entered. */
    private final Map<String, Fx> rates;
    private final String displayCurrency;

    /** An operator who shows money in USD and entered no rate. */
    public OperatorFacts(long operatorId, FleetFacts fleet, NetworkView net, NetworkState state, Instant asOf,
            Instant now) {
        this(operatorId, fleet, net, state, asOf, now, "USD", Map.of("USD", Fx.USD));
    }

    public OperatorFacts(long operatorId, FleetFacts fleet, NetworkView net, NetworkState state, Instant asOf,
            Instant now, String displayCurrency, Map<String, Fx> rates) {
        this.operatorId = operatorId;
        this.fleet = fleet;
        this.net = net;
        this.state = state;
        this.asOf = asOf;
        this.now = now;
        this.displayCurrency = displayCurrency == null ? "USD" : displayCurrency;
        this.rates = rates;
    }

    /**
     * What the alert's words show money in: the display currency at the snapshot's rate, as the pages
     * show that snapshot; USD when the snapshot has no rate for it (never a wrong figure).
     */
    public Fx display() {
        return rates.getOrDefault(displayCurrency, Fx.USD);
    }

    /** A currency at the snapshot's rate, or null when it has none there. */
    public Fx fx(String code) {
        return code == null || code.equals("USD") ? Fx.USD : rates.get(code);
    }

    /** Today's figures at the live price times {@code factor} (1: the live price). */
    public FleetToday today(double factor) {
        return today.computeIfAbsent(factor, f -> RigEconomics.today(fleet.fleet(),
                f == 1 ? state : state.withPrice(state.priceUsd() * f), asOf));
    }
}
