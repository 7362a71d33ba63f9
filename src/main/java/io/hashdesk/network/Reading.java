package io.hashdesk.network;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one source delivered, already validated. Price and fees are null when the source could not
 * give them (esplora serves blocks only; mempool may answer -1 for a price): the last good values
 * are carried over then. {@code history} is empty when the source has none. {@code otherPrices}: the BTC
 * price in EUR, GBP, CAD, CHF, AUD and JPY, those the source gave and believable (empty for esplora).
 */
record Reading(String source, Instant fetchedAt, Double priceUsd, double difficulty, long height,
        Double feesPerBlockBtc, double hashrate, double avgBlockTimeSeconds, double nextChangePercent,
        double previousRetargetPercent, double progressPercent, int remainingBlocks, long nextRetargetHeight,
        Instant estimatedRetargetDate, List<HashratePoint> history, Map<String, Double> otherPrices) {
}
