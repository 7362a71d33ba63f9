package io.hashdesk.network;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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

    @Inject
    Event<SnapshotStored> stored;

    /** A reading (or part of one) refused as implausible: when, from where, what and why. */
    public record Refusal(Instant at, String source, String what, String why) {
    }

    /** The refusals listed on /network: the most recent few. */
    static final int REFUSALS_KEPT = 5;

    private volatile NetworkView current;
    private NetworkView bundled;
    /** A price that moved too far from the last good one, waiting for a second reading to confirm it. */
    private Double heldPrice;
    private final Deque<Refusal> refusals = new ArrayDeque<>();

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
            refuse(reading, "tip height " + reading.height(), "far below the last known " + previous.height()
                    + "; a lie or a broken node, not a reorganisation");
            return Outcome.REJECTED;
        }
        if (!previous.bundled()) {
            String lie = Plausibility.difficulty(previous.difficulty(), previous.height(), reading.difficulty(),
                    reading.height());
            if (lie != null) {
                refuse(reading, "the whole reading", lie);
                return Outcome.REJECTED;
            }
        }
        Double price = believablePrice(previous, reading);
        Double fees = reading.feesPerBlockBtc();
        if (fees != null && !Plausibility.feesBelievable(fees)) {
            refuse(reading, "fees per block", String.format(Locale.ENGLISH,
                    "%.4g BTC per block on average is beyond the %.0f BTC any day has come near; the last good %.4g BTC is kept",
                    fees, Plausibility.MAX_FEES_PER_BLOCK_BTC, previous.feesPerBlockBtc()));
            fees = null;
        }
        NetworkSnapshot s = new NetworkSnapshot();
        s.fetchedAt = reading.fetchedAt();
        s.source = reading.source();
        if (price != null) {
            s.priceUsd = price;
            s.priceAt = reading.fetchedAt();
            SnapshotPrices.put(s, reading.otherPrices());
        } else {
            // The other currencies' prices go with the USD one they were read with.
            s.priceUsd = previous.priceUsd();
            s.priceAt = previous.priceAt();
            SnapshotPrices.put(s, store.otherPrices(previous.version()));
        }
        s.feesPerBlockBtc = fees != null ? fees : previous.feesPerBlockBtc();
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
        current = view(store.save(s, config.network().refresh()));
        try {
            stored.fire(new SnapshotStored(current));
        } catch (RuntimeException e) {
            LOG.errorf(e, "an observer of the new snapshot failed; the snapshot is kept");
        }
        return reading.source().equals("mempool") ? Outcome.MEMPOOL : Outcome.ESPLORA;
    }

    /**
     * The reading's price when it can be believed: within 50 % of the last good one, or confirmed by
     * a second reading after a bigger move. Otherwise null (the last good price is kept) and the move
     * is held for the next reading to confirm.
     */
    private Double believablePrice(NetworkView previous, Reading reading) {
        Double price = reading.priceUsd();
        if (price == null || previous.bundled() || !Plausibility.priceJump(previous.priceUsd(), price)) {
            heldPrice = null;
            return price;
        }
        if (Plausibility.confirms(heldPrice, price)) {
            LOG.infof("%s confirms the price move to %.2f USD (last good %.2f USD): taken", reading.source(), price,
                    previous.priceUsd());
            heldPrice = null;
            return price;
        }
        heldPrice = price;
        refuse(reading, "BTC price", String.format(Locale.ENGLISH,
                "%,.2f USD is %+.0f %% from the last good %,.2f USD; held until a second reading confirms it",
                price, (price / previous.priceUsd() - 1) * 100, previous.priceUsd()));
        return null;
    }

    private void refuse(Reading reading, String what, String why) {
        LOG.warnf("%s: %s refused: %s; the last good data is kept", reading.source(), what, why);
        synchronized (refusals) {
            refusals.addFirst(new Refusal(reading.fetchedAt(), reading.source(), what, why));
            while (refusals.size() > REFUSALS_KEPT) {
                refusals.removeLast();
            }
        }
    }

    /** The most recent readings refused as implausible, newest first (this instance's). */
    public List<Refusal> refusals() {
        synchronized (refusals) {
            return List.copyOf(refusals);
        }
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
