package io.hashdesk.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hashdesk.fleet.FleetService;
import io.hashdesk.fleet.FleetService.OperatorFleet;
import io.hashdesk.fleet.RigGroup;
import io.hashdesk.network.NetworkService;

/**
 * The fleets the evaluation reads, kept while their version holds: after the first evaluation a refresh
 * re-reads only the fleets that changed (in bulk, a chunk of operators at a time).
 */
@ApplicationScoped
public class FleetFactsCache {

    static final int CHUNK = 500;

    @Inject
    FleetService fleets;

    @Inject
    NetworkService network;

    private final Map<Long, FleetFacts> cache = new ConcurrentHashMap<>();
    /** The snapshot each cached fleet with amounts in other currencies was priced at (see OperatorFleet). */
    private final Map<Long, Long> pricedAt = new ConcurrentHashMap<>();

    /** The fleets of these operators (operator id to fleet version); an operator without sites has none. */
    public Map<Long, FleetFacts> of(Map<Long, Long> versions) {
        List<Long> stale = new ArrayList<>();
        long snapshot = pricedAt.isEmpty() ? -1 : network.latest().version();
        versions.forEach((id, version) -> {
            FleetFacts f = cache.get(id);
            Long at = pricedAt.get(id);
            if (f == null || f.version() != version || at != null && at != snapshot) {
                stale.add(id);
            }
        });
        for (int i = 0; i < stale.size(); i += CHUNK) {
            List<Long> chunk = stale.subList(i, Math.min(stale.size(), i + CHUNK));
            Map<Long, OperatorFleet> read = fleets.fleetsOf(chunk);
            for (Long id : chunk) {
                OperatorFleet f = read.get(id);
                if (f == null) {
                    cache.remove(id);
                    pricedAt.remove(id);
                } else {
                    cache.put(id, facts(f));
                    if (f.foreign()) {
                        pricedAt.put(id, f.pricedAt());
                    } else {
                        pricedAt.remove(id);
                    }
                }
            }
        }
        cache.keySet().retainAll(versions.keySet());
        pricedAt.keySet().retainAll(versions.keySet());
        return cache;
    }

    static FleetFacts facts(OperatorFleet f) {
        List<String> models = new ArrayList<>(f.rigs().size());
        List<String> sites = new ArrayList<>(f.rigs().size());
        List<Boolean> curtailing = new ArrayList<>(f.rigs().size());
        for (RigGroup r : f.rigs()) {
            models.add(r.model);
            sites.add(r.site.name);
            curtailing.add(r.site.curtail);
        }
        return new FleetFacts(f.version(), f.fleet(), List.copyOf(models), List.copyOf(sites), List.copyOf(curtailing));
    }
}
