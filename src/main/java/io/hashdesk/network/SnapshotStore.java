package io.hashdesk.network;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hashdesk.economics.NetworkState;
import io.hashdesk.web.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Stored snapshots: save, read the newest, find one about 30 days back, prune old ones. */
@ApplicationScoped
public class SnapshotStore {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(SnapshotStore.class);
    /** Every snapshot is kept this long; older ones only the first of each UTC day. */
    static final Duration KEEP_ALL = Duration.ofDays(7);
    /** How far from the asked moment {@link #hashpriceNear} looks. */
    static final Duration NEAR = Duration.ofDays(2);
    /** One snapshot per refresh period and height (V7__unique_keys.sql). */
    static final String UNIQUE_SLOT = "uq_network_snapshot_slot";

    /**
     * Stores a snapshot as the one for its chain tip and refresh period: a snapshot of the same height
     * already stored in the same period (by another instance refreshing at about the same time, or an
     * earlier refresh of this one) is replaced, so however many instances refresh, the history holds
     * one row per tip and period. The database enforces it (unique slot and height); a save that loses
     * a race to another instance's is tried once more, replacing that one.
     */
    public NetworkSnapshot save(NetworkSnapshot s, Duration period) {
        long seconds = Math.max(1, period.toSeconds());
        s.slot = Math.floorDiv(s.fetchedAt.getEpochSecond(), seconds);
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> replace(s));
            } catch (RuntimeException e) {
                s.id = null;
                if (attempt >= 2 || !(Database.violated(e, UNIQUE_SLOT) || Database.lockTimeout(e))) {
                    throw e;
                }
                LOG.debugf("snapshot of height %d stored by another instance at the same moment; replacing it", s.height);
            }
        }
    }

    private NetworkSnapshot replace(NetworkSnapshot s) {
        NetworkSnapshot.delete("slot = ?1 and height = ?2", s.slot, s.height);
        Instant dayStart = s.fetchedAt.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
        s.firstOfDay = NetworkSnapshot.count("fetchedAt >= ?1 and fetchedAt < ?2", dayStart,
                dayStart.plus(1, ChronoUnit.DAYS)) == 0;
        s.persist();
        NetworkSnapshot.flush();
        NetworkSnapshot.delete("fetchedAt < ?1 and firstOfDay = false", s.fetchedAt.minus(KEEP_ALL));
        return s;
    }

    @Transactional
    public NetworkSnapshot newest() {
        return NetworkSnapshot.newest();
    }

    /** The BTC price in the other currencies of a stored snapshot (empty for the bundled sample or none). */
    @Transactional
    public Map<String, Double> otherPrices(long id) {
        NetworkSnapshot s = id == 0 ? null : NetworkSnapshot.findById(id);
        return s == null ? Map.of() : SnapshotPrices.of(s);
    }

    /** Hashprice of the snapshot closest to {@code at}, within two days either side, or null. */
    @Transactional
    public Double hashpriceNear(Instant at) {
        NetworkSnapshot before = NetworkSnapshot
                .find("fetchedAt >= ?1 and fetchedAt <= ?2 order by fetchedAt desc, id desc",
                        at.minus(NEAR), at)
                .firstResult();
        NetworkSnapshot after = NetworkSnapshot
                .find("fetchedAt > ?1 and fetchedAt <= ?2 order by fetchedAt, id", at, at.plus(NEAR))
                .firstResult();
        NetworkSnapshot s = before == null ? after
                : after == null ? before
                : Duration.between(after.fetchedAt, at).abs().compareTo(Duration.between(before.fetchedAt, at).abs()) < 0
                        ? after : before;
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
