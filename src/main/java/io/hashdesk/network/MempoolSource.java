package io.hashdesk.network;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.hashdesk.currency.Currencies;
import io.hashdesk.economics.Consensus;
import io.smallrye.faulttolerance.api.CircuitBreakerName;

/** The primary source: everything from mempool's API, validated field by field. */
@ApplicationScoped
public class MempoolSource {

    private static final Logger LOG = Logger.getLogger(MempoolSource.class);

    @Inject
    @RestClient
    MempoolClient client;

    @Inject
    Clock clock;

    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 500, abortOn = UpstreamDataException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 2, delayUnit = ChronoUnit.MINUTES)
    @CircuitBreakerName("mempool")
    public Reading fetch() {
        long height = UpstreamJson.plainInteger("mempool tip height", UpstreamJson.call(client::tipHeight));
        JsonNode adj = UpstreamJson.parse("mempool difficulty-adjustment", UpstreamJson.call(client::difficultyAdjustment));
        JsonNode hr = UpstreamJson.parse("mempool hashrate/3m", UpstreamJson.call(client::hashrate3m));
        Map<String, Double> others = new LinkedHashMap<>();
        Double price = price(others);
        Double fees = fees();

        String a = "mempool difficulty-adjustment";
        double change = UpstreamJson.number(a, adj, "difficultyChange");
        double progress = UpstreamJson.number(a, adj, "progressPercent");
        long retargetDate = UpstreamJson.integer(a, adj, "estimatedRetargetDate");
        long remaining = UpstreamJson.integer(a, adj, "remainingBlocks");
        long nextHeight = UpstreamJson.integer(a, adj, "nextRetargetHeight");
        double previous = UpstreamJson.number(a, adj, "previousRetarget");
        double timeAvgMs = UpstreamJson.number(a, adj, "timeAvg");
        check(change >= -75 && change <= 300, a + ": difficultyChange outside -75..300");
        check(remaining >= 1 && remaining <= Consensus.EPOCH_BLOCKS, a + ": remainingBlocks outside 1..2016");
        check(nextHeight % Consensus.EPOCH_BLOCKS == 0, a + ": nextRetargetHeight is not an epoch boundary");
        check(nextHeight > height - Consensus.EPOCH_BLOCKS && nextHeight <= height + Consensus.EPOCH_BLOCKS,
                a + ": nextRetargetHeight does not match the tip");
        check(timeAvgMs > 0 && retargetDate > 0, a + ": non-positive times");

        String h = "mempool hashrate/3m";
        double difficulty = UpstreamJson.number(h, hr, "currentDifficulty");
        double hashrate = UpstreamJson.number(h, hr, "currentHashrate");
        check(difficulty > 0, h + ": non-positive difficulty");
        check(hashrate > 0, h + ": non-positive hashrate");
        List<HashratePoint> history = new ArrayList<>();
        JsonNode points = hr.get("hashrates");
        if (points != null && points.isArray()) {
            for (JsonNode p : points) {
                JsonNode ts = p.get("timestamp");
                JsonNode avg = p.get("avgHashrate");
                if (ts != null && ts.isIntegralNumber() && avg != null && avg.isNumber() && avg.asDouble() > 0
                        && Double.isFinite(avg.asDouble())) {
                    history.add(new HashratePoint(Instant.ofEpochSecond(ts.asLong()), avg.asDouble()));
                }
            }
        }
        Instant now = clock.instant();
        return new Reading("mempool", now, price, difficulty, height, fees, hashrate, timeAvgMs / 1000, change,
                previous, progress, (int) remaining, nextHeight, Instant.ofEpochMilli(retargetDate), history, Map.copyOf(others));
    }

    /**
     * USD price, or null when mempool has none (-1) or sends something we cannot believe. The prices
     * in the other currencies go into {@code others}, each only when its rate per USD is believable.
     */
    private Double price(Map<String, Double> others) {
        try {
            JsonNode prices = UpstreamJson.parse("mempool prices", UpstreamJson.call(client::prices));
            double usd = UpstreamJson.number("mempool prices", prices, "USD");
            if (usd > 0) {
                for (String code : Currencies.LIVE.subList(1, Currencies.LIVE.size())) {
                    JsonNode p = prices.get(code);
                    if (p != null && p.isNumber() && Currencies.rateProblem(p.asDouble() / usd) == null) {
                        others.put(code, p.asDouble());
                    } else {
                        LOG.warnf("mempool prices: no believable %s price (%s); no live %s rate in this snapshot", code, p, code);
                    }
                }
                return usd;
            }
            LOG.warnf("mempool prices: USD is %s; keeping the last good price", usd);
        } catch (UpstreamDataException e) {
            LOG.warnf("%s; keeping the last good price", e.getMessage());
        }
        return null;
    }

    /** Average fees per block over the last 144 blocks, BTC, or null when unavailable. */
    private Double fees() {
        try {
            String w = "mempool reward-stats";
            JsonNode stats = UpstreamJson.parse(w, UpstreamJson.call(client::rewardStats144));
            long totalFee = UpstreamJson.sats(w, stats, "totalFee");
            long blocks = 144;
            if (stats.has("startBlock") && stats.has("endBlock")) {
                long span = UpstreamJson.integer(w, stats, "endBlock") - UpstreamJson.integer(w, stats, "startBlock") + 1;
                if (span >= 1 && span <= 1000) {
                    blocks = span;
                }
            }
            return totalFee / (double) blocks / Consensus.SATS_PER_BTC;
        } catch (UpstreamDataException e) {
            LOG.warnf("%s; keeping the last fee average", e.getMessage());
            return null;
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new UpstreamDataException(message);
        }
    }
}
