package io.hashdesk.network;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hashdesk.economics.NetworkState;

/** Stored snapshots: save, read the newest, find one about 30 days back, prune old ones. */
@ApplicationScoped
public class SnapshotStore {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Every snapshot is kept this long; older ones only the first of each UTC day. */
    static final Duration KEEP_ALL = Duration.ofDays(7);

    @Transactional
    public NetworkSnapshot save(NetworkSnapshot s) {
        Instant dayStart = s.fetchedAt.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
        s.firstOfDay = NetworkSnapshot.count("fetchedAt >= ?1 and fetchedAt < ?2", dayStart,
                dayStart.plus(1, ChronoUnit.DAYS)) == 0;
        s.persist();
        NetworkSnapshot.delete("fetchedAt < ?1 and firstOfDay = false", s.fetchedAt.minus(KEEP_ALL));
        return s;
    }

    @Transactional
    public NetworkSnapshot newest() {
        return NetworkSnapshot.newest();
    }

    /** Hashprice of the snapshot closest to {@code at}, within two days, or null. */
    @Transactional
    public Double hashpriceNear(Instant at) {
        NetworkSnapshot s = NetworkSnapshot
                .find("fetchedAt >= ?1 and fetchedAt <= ?2 order by fetchedAt", at.minus(2, ChronoUnit.DAYS),
                        at.plus(2, ChronoUnit.DAYS))
                .firstResult();
        if (s == null) {
            return null;
        }
        return new NetworkState(s.priceUsd, s.difficulty, s.height, s.feesPerBlockBtc, 0, s.nextRetargetHeight,
                s.estimatedRetargetDate).hashpriceUsdPerThDay();
    }

    static String historyJson(List<HashratePoint> history) {
        var array = MAPPER.createArrayNode();
        for (HashratePoint p : history) {
            array.addArray().add(p.day().getEpochSecond()).add(p.hashrate());
        }
        return array.toString();
    }

    static List<HashratePoint> history(String json) {
        List<HashratePoint> out = new ArrayList<>();
        try {
            JsonNode array = MAPPER.readTree(json);
            for (JsonNode p : array) {
                out.add(new HashratePoint(Instant.ofEpochSecond(p.get(0).asLong()), p.get(1).asDouble()));
            }
        } catch (JsonProcessingException | RuntimeException e) {
            return List.of();
        }
        return List.copyOf(out);
    }
}
