package io.hashdesk.currency;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hashdesk.network.NetworkView;
import io.hashdesk.network.SnapshotStore;

/**
 * The rates mempool's prices imply for one snapshot: units per USD = the BTC price in the currency /
 * the BTC price in USD, read with the snapshot (the bundled sample carries its own). Remembered by
 * snapshot, since a snapshot never changes.
 */
@ApplicationScoped
public class LiveRates {

    private static final int REMEMBERED = 64;
    private static final String BUNDLED = "network/bundled-snapshot.json";

    @Inject
    SnapshotStore store;

    private final Map<Long, Map<String, Double>> byVersion = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Map<String, Double>> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** Code to units per USD for the snapshot's currencies, USD (1) always included. */
    public Map<String, Double> perUsd(NetworkView view) {
        Map<String, Double> prices;
        synchronized (byVersion) {
            prices = byVersion.get(view.version());
        }
        if (prices == null) {
            prices = view.bundled() || view.version() == 0 ? bundledPrices() : store.otherPrices(view.version());
            synchronized (byVersion) {
                byVersion.put(view.version(), prices);
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("USD", 1.0);
        prices.forEach((code, price) -> {
            double perUsd = price / view.priceUsd();
            if (Currencies.rateProblem(perUsd) == null) {
                out.put(code, perUsd);
                lastKnown.merge(code, new double[] { view.version(), perUsd }, (old, now) -> now[0] >= old[0] ? now : old);
            }
        });
        return out;
    }

    /** Per code, the snapshot version and rate of the newest snapshot read that had it. */
    private final Map<String, double[]> lastKnown = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A rate for each of mempool's currencies even when a snapshot lacks it (a reading without prices):
     * the newest one read, else the bundled sample's. What an amount entered in that currency is priced at
     * rather than failing the page.
     */
    public Map<String, Double> fallback() {
        Map<String, Double> out = new LinkedHashMap<>();
        lastKnown.forEach((code, known) -> out.put(code, known[1]));
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(BUNDLED)) {
            JsonNode sample = in == null ? null : new ObjectMapper().readTree(in);
            double usd = sample == null ? 0 : sample.path("priceUsd").asDouble();
            bundledPrices().forEach((code, price) -> {
                if (usd > 0 && Currencies.rateProblem(price / usd) == null) {
                    out.putIfAbsent(code, price / usd);
                }
            });
        } catch (IOException e) {
            // lastKnown alone
        }
        return out;
    }

    private static Map<String, Double> bundledPrices() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(BUNDLED)) {
            Map<String, Double> out = new LinkedHashMap<>();
            JsonNode prices = in == null ? null : new ObjectMapper().readTree(in).get("prices");
            if (prices != null) {
                prices.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asDouble()));
            }
            return Map.copyOf(out);
        } catch (IOException e) {
            return Map.of();
        }
    }
}
