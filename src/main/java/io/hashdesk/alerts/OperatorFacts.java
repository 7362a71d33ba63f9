package io.hashdesk.alerts;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    public OperatorFacts(long operatorId, FleetFacts fleet, NetworkView net, NetworkState state, Instant asOf,
            Instant now) {
        this.operatorId = operatorId;
        this.fleet = fleet;
        this.net = net;
        this.state = state;
        this.asOf = asOf;
        this.now = now;
    }

    /** Today's figures at the live price times {@code factor} (1: the live price). */
    public FleetToday today(double factor) {
        return today.computeIfAbsent(factor, f -> RigEconomics.today(fleet.fleet(),
                f == 1 ? state : state.withPrice(state.priceUsd() * f), asOf));
    }
}
