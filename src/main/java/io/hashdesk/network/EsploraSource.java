package io.hashdesk.network;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.hashdesk.economics.Consensus;
import io.hashdesk.economics.DifficultyEstimate;
import io.smallrye.faulttolerance.api.CircuitBreakerName;

/**
 * The fallback: blocks from an esplora API, with the next-adjustment estimate computed locally by
 * the economics core from the epoch's first block, the block 503 back, the tip and the bits of the
 * two epochs. Price and fees are not available here.
 */
@ApplicationScoped
public class EsploraSource {

    @Inject
    @RestClient
    EsploraClient client;

    @Inject
    Clock clock;

    /** A block's height, time and compact target. */
    record Block(long height, long timestamp, long bits) {
    }

    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 500, abortOn = UpstreamDataException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 2, delayUnit = ChronoUnit.MINUTES)
    @CircuitBreakerName("esplora")
    public Reading fetch() {
        long height = UpstreamJson.plainInteger("esplora tip height", UpstreamJson.call(client::tipHeight));
        if (height < Consensus.EPOCH_BLOCKS) {
            throw new UpstreamDataException("esplora tip height: implausibly low (" + height + ")");
        }
        Block tip = block(height);
        long blocksInEpoch = height % Consensus.EPOCH_BLOCKS;
        Block epochStart = blocksInEpoch == 0 ? tip : block(height - blocksInEpoch);
        Block previousEpochStart = block(epochStart.height() - Consensus.EPOCH_BLOCKS);
        OptionalLong block503 = OptionalLong.empty();
        if (blocksInEpoch < 503) {
            block503 = OptionalLong.of(block(height - 503).timestamp());
        }
        double previousRetarget;
        try {
            previousRetarget = Consensus.retargetPercent(previousEpochStart.bits(), epochStart.bits());
        } catch (IllegalArgumentException e) {
            throw new UpstreamDataException("esplora epoch bits: " + e.getMessage());
        }
        Instant now = clock.instant();
        var estimate = DifficultyEstimate.estimate(new DifficultyEstimate.Input(epochStart.timestamp(), block503,
                now.getEpochSecond(), tip.timestamp(), height, previousRetarget));
        double difficulty = Consensus.difficultyFromBits(tip.bits());
        double avgBlockTime = estimate.timeAvgSeconds();
        // Hashrate implied by this epoch's pace: the difficulty's hashrate scaled by 600 s over the average block time.
        double hashrate = difficulty * Consensus.TWO_POW_32 / (avgBlockTime > 0 ? avgBlockTime : 600);
        return new Reading("esplora", now, null, difficulty, height, null, hashrate, avgBlockTime,
                estimate.changePercent(), previousRetarget, estimate.progressPercent(), (int) estimate.remainingBlocks(),
                estimate.nextRetargetHeight(), Instant.ofEpochMilli(estimate.estimatedRetargetDateMs()), List.of(),
                Map.of());
    }

    private Block block(long height) {
        String hash = UpstreamJson.call(() -> client.blockHash(height));
        String h = hash == null ? "" : hash.trim();
        if (!h.matches("[0-9a-f]{64}")) {
            throw new UpstreamDataException("esplora block-height/" + height + ": not a block hash");
        }
        String what = "esplora block " + height;
        JsonNode b = UpstreamJson.parse(what, UpstreamJson.call(() -> client.block(h)));
        long at = UpstreamJson.integer(what, b, "height");
        long timestamp = UpstreamJson.integer(what, b, "timestamp");
        long bits = UpstreamJson.integer(what, b, "bits");
        if (at != height) {
            throw new UpstreamDataException(what + ": the block says height " + at);
        }
        if (timestamp < 1_231_006_505L || bits <= 0 || (bits & 0x00ffffffL) == 0) {
            throw new UpstreamDataException(what + ": implausible timestamp or bits");
        }
        return new Block(at, timestamp, bits);
    }
}
