package io.hashdesk.network;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hashdesk.HashdeskConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The live network data every page and projection reads. A background job refreshes it; no request
 * ever waits on the internet. Fallback chain: mempool, then esplora blocks with the estimate computed
 * locally (price and fees carried over from the last good snapshot), then the last stored snapshot,
 * then on a fresh install the bundled sample of early February 2026.
 */
@ApplicationScoped
public class NetworkService {

    private static final Logger LOG = Logger.getLogger(NetworkService.class);
    static final String BUNDLED_RESOURCE = "network/bundled-snapshot.json";
    /** A tip this many blocks below the last one is a lie (or a broken node), not a reorg. */
    static final long MAX_HEIGHT_DROP = 6;

    public enum Outcome {
        MEMPOOL, ESPLORA, REJECTED, UNAVAILABLE
    }

    @Inject
    MempoolSource mempool;

    @Inject
    EsploraSource esplora;

    @Inject
    SnapshotStore store;

    @Inject
    HashdeskConfig config;

    @Inject
    Clock clock;

    private volatile NetworkView current;
    private NetworkView bundled;

    void onStart(@Observes StartupEvent event) {
        reload();
    }

    /** The latest data, with its staleness as of now. Never blocks on the network. */
    public NetworkView latest() {
        NetworkView view = current;
        if (view == null) {
            view = reload();
        }
        return view.withStale(view.bundled() || view.age(clock.instant()).compareTo(staleAfter()) > 0);
    }

    public Duration staleAfter() {
        return config.network().refresh().multipliedBy(2);
    }

    /** Re-reads the newest stored snapshot (or the bundled sample when there is none). */
    public synchronized NetworkView reload() {
        NetworkSnapshot newest = store.newest();
        current = newest != null ? view(newest) : bundled();
        return current;
    }

    @Scheduled(identity = "network-refresh", every = "${hashdesk.network.refresh}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        refresh();
    }

    /** Fetches from the sources in order and stores what the first healthy one says. */
    public synchronized Outcome refresh() {
        NetworkView previous = current != null ? current : reload();
        Reading reading = null;
        try {
            reading = mempool.fetch();
        } catch (RuntimeException e) {
            LOG.warnf("mempool unavailable (%s); trying esplora", describe(e));
        }
        if (reading == null) {
            try {
                reading = esplora.fetch();
            } catch (RuntimeException e) {
                LOG.warnf("esplora unavailable (%s); keeping the data of %s", describe(e), previous.fetchedAt());
                return Outcome.UNAVAILABLE;
            }
        }
        if (!previous.bundled() && reading.height() < previous.height() - MAX_HEIGHT_DROP) {
            LOG.warnf("%s says the tip is %d, far below the last known %d: rejected", reading.source(),
                    reading.height(), previous.height());
            return Outcome.REJECTED;
        }
        NetworkSnapshot s = new NetworkSnapshot();
        s.fetchedAt = reading.fetchedAt();
        s.source = reading.source();
        if (reading.priceUsd() != null) {
            s.priceUsd = reading.priceUsd();
            s.priceAt = reading.fetchedAt();
        } else {
            s.priceUsd = previous.priceUsd();
            s.priceAt = previous.priceAt();
        }
        s.feesPerBlockBtc = reading.feesPerBlockBtc() != null ? reading.feesPerBlockBtc() : previous.feesPerBlockBtc();
        s.difficulty = reading.difficulty();
        s.height = reading.height();
        s.hashrate = reading.hashrate();
        s.avgBlockTimeSeconds = reading.avgBlockTimeSeconds();
        s.nextChangePercent = reading.nextChangePercent();
        s.previousRetargetPercent = reading.previousRetargetPercent();
        s.progressPercent = reading.progressPercent();
        s.remainingBlocks = reading.remainingBlocks();
        s.nextRetargetHeight = reading.nextRetargetHeight();
        s.estimatedRetargetDate = reading.estimatedRetargetDate();
        s.hashrateHistory = SnapshotStore.historyJson(
                reading.history().isEmpty() ? previous.history() : reading.history());
        current = view(store.save(s));
        return reading.source().equals("mempool") ? Outcome.MEMPOOL : Outcome.ESPLORA;
    }

    private NetworkView view(NetworkSnapshot s) {
        Double ago = store.hashpriceNear(s.fetchedAt.minus(Duration.ofDays(30)));
        return new NetworkView(s.id, s.source, s.fetchedAt, false, false, s.priceAt, s.priceUsd, s.difficulty,
                s.height, s.feesPerBlockBtc, s.hashrate, s.avgBlockTimeSeconds, s.nextChangePercent,
                s.previousRetargetPercent, s.progressPercent, s.remainingBlocks, s.nextRetargetHeight,
                s.estimatedRetargetDate, SnapshotStore.history(s.hashrateHistory), ago);
    }

    /** The sample shipped with the app, for a first start without network. */
    public synchronized NetworkView bundled() {
        if (bundled == null) {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(BUNDLED_RESOURCE + " is missing from the application");
                }
                JsonNode j = new ObjectMapper().readTree(in);
                List<HashratePoint> history = new ArrayList<>();
                for (JsonNode p : j.get("hashrateHistory")) {
                    history.add(new HashratePoint(Instant.parse(p.get("day").asText()), p.get("hashrate").asDouble()));
                }
                Instant fetchedAt = Instant.parse(j.get("fetchedAt").asText());
                bundled = new NetworkView(0, "bundled", fetchedAt, true, true, fetchedAt,
                        j.get("priceUsd").asDouble(), j.get("difficulty").asDouble(), j.get("height").asLong(),
                        j.get("feesPerBlockBtc").asDouble(), j.get("hashrate").asDouble(),
                        j.get("avgBlockTimeSeconds").asDouble(), j.get("nextChangePercent").asDouble(),
                        j.get("previousRetargetPercent").asDouble(), j.get("progressPercent").asDouble(),
                        j.get("remainingBlocks").asLong(), j.get("nextRetargetHeight").asLong(),
                        Instant.parse(j.get("estimatedRetargetDate").asText()), List.copyOf(history),
                        j.get("hashprice30dAgoUsdPerThDay").asDouble());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + BUNDLED_RESOURCE, e);
            }
        }
        return bundled;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
