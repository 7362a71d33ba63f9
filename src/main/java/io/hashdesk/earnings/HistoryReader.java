package io.hashdesk.earnings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hashdesk.economics.Consensus;
import io.hashdesk.network.UpstreamDataException;

/**
 * Turns mempool's history answers into past UTC days, refusing history that cannot be true with the
 * live refresh's rules (network/Plausibility): a retarget moves difficulty by at most x4 either way,
 * fees average at most 50 BTC per block, a price is positive and below 10 million USD.
 */
final class HistoryReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final double MAX_FEES_PER_BLOCK_BTC = 50;
    static final double MAX_PRICE_USD = 10_000_000;

    private HistoryReader() {
    }

    /** A retarget: from {@code time} on, {@code difficulty} is in force; {@code height} is its first block. */
    record Adjustment(long time, long height, double difficulty) {
    }

    static Map<LocalDate, NetworkHistory.Day> read(MempoolHistoryClient mempool, NavigableSet<LocalDate> days) {
        List<Adjustment> adjustments = adjustments(mempool.difficultyAdjustments());
        long oldestDays = java.time.temporal.ChronoUnit.DAYS.between(days.first(), LocalDate.now(ZoneOffset.UTC));
        String interval = oldestDays <= 28 ? "1m" : oldestDays <= 88 ? "3m" : oldestDays <= 178 ? "6m"
                : oldestDays <= 360 ? "1y" : oldestDays <= 720 ? "2y" : "3y";
        Map<LocalDate, Double> fees = fees(mempool.blockFees(interval));
        Map<LocalDate, NetworkHistory.Day> out = new HashMap<>();
        Map<Long, Long> halvings = null; // halving height to its block's time, fetched when a day may hold one
        for (LocalDate d : days) {
            long start = d.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            Adjustment inForce = null;
            Adjustment inside = null;
            for (Adjustment a : adjustments) {
                if (a.time() <= start) {
                    inForce = a;
                } else if (a.time() < start + 86_400 && inside == null) {
                    inside = a;
                }
            }
            Double fee = fees.get(d);
            if (inForce == null || fee == null) {
                continue; // no history for this day: left missing, never invented
            }
            long height = inForce.height() + Math.max(0, (start - inForce.time()) / 600);
            // The estimate may be a retarget's worth of blocks off: near a halving, its block's time decides.
            long halving = Consensus.nextHalvingHeight(Math.max(0, height - Consensus.EPOCH_BLOCKS));
            Instant halvingAt = null;
            if (halving <= height + 144 + Consensus.EPOCH_BLOCKS) {
                if (halvings == null) {
                    halvings = new HashMap<>();
                }
                Long at = halvings.computeIfAbsent(halving, h -> blockTime(mempool, h));
                if (at == null || at >= start + 86_400) {
                    height = Math.min(height, halving - 1); // not mined yet, or after this day
                } else if (at <= start) {
                    height = Math.max(height, halving);
                } else {
                    height = Math.min(height, halving - 1);
                    halvingAt = Instant.ofEpochSecond(at);
                }
            }
            out.put(d, new NetworkHistory.Day(inForce.difficulty(),
                    inside == null ? null : Instant.ofEpochSecond(inside.time()),
                    inside == null ? null : inside.difficulty(), height, fee, price(mempool, start + 86_399), halvingAt));
        }
        return out;
    }

    /**
     * The time of block {@code height} from mempool's block list (the blocks from that height down), or
     * null when it is not mined yet; refused when the answer does not say.
     */
    static Long blockTime(MempoolHistoryClient mempool, long height) {
        String body;
        try {
            body = mempool.blocks(height);
        } catch (jakarta.ws.rs.NotFoundException e) {
            return null;
        }
        JsonNode root = parse("blocks", body);
        if (!root.isArray()) {
            throw new UpstreamDataException("blocks: not a JSON array");
        }
        for (JsonNode block : root) {
            JsonNode h = block.get("height");
            JsonNode t = block.get("timestamp");
            if (h == null || !h.canConvertToLong() || t == null || !t.canConvertToLong() || t.asLong() <= 0) {
                throw new UpstreamDataException("blocks: an entry has no height or timestamp");
            }
            if (h.asLong() == height) {
                return t.asLong();
            }
        }
        return null; // the list ends below it: not mined yet
    }

    /** Every retarget, oldest first; refused when two in a row differ by more than x4. */
    static List<Adjustment> adjustments(String body) {
        JsonNode root = parse("difficulty adjustments", body);
        if (!root.isArray()) {
            throw new UpstreamDataException("difficulty adjustments: not a JSON array");
        }
        List<Adjustment> list = new ArrayList<>();
        for (JsonNode row : root) {
            if (!row.isArray() || row.size() < 3 || !row.get(0).canConvertToLong() || !row.get(1).canConvertToLong()
                    || !row.get(2).isNumber() || !(row.get(2).asDouble() > 0)) {
                throw new UpstreamDataException("difficulty adjustments: a row is not [time, height, difficulty, change]");
            }
            list.add(new Adjustment(row.get(0).asLong(), row.get(1).asLong(), row.get(2).asDouble()));
        }
        list.sort((a, b) -> Long.compare(a.time(), b.time()));
        for (int i = 1; i < list.size(); i++) {
            double ratio = list.get(i).difficulty() / list.get(i - 1).difficulty();
            if (ratio > 4 || ratio < 0.25) {
                throw new UpstreamDataException(String.format(java.util.Locale.ENGLISH,
                        "difficulty adjustments: %.4g at height %,d is more than x4 away from %.4g before it; refused",
                        list.get(i).difficulty(), list.get(i).height(), list.get(i - 1).difficulty()));
            }
        }
        return list;
    }

    /** Average fees per block (BTC) by UTC day, from the entries whose timestamp falls in it. */
    static Map<LocalDate, Double> fees(String body) {
        JsonNode root = parse("block fees", body);
        if (!root.isArray()) {
            throw new UpstreamDataException("block fees: not a JSON array");
        }
        Map<LocalDate, double[]> sums = new HashMap<>();
        for (JsonNode row : root) {
            JsonNode time = row.get("timestamp");
            JsonNode fees = row.get("avgFees");
            if (time == null || !time.canConvertToLong() || fees == null || !fees.isNumber()) {
                throw new UpstreamDataException("block fees: an entry has no timestamp or avgFees");
            }
            double btc = fees.asDouble() / 1e8;
            if (!(btc >= 0) || btc > MAX_FEES_PER_BLOCK_BTC) {
                throw new UpstreamDataException("block fees: " + btc + " BTC per block cannot be true; refused");
            }
            LocalDate d = LocalDate.ofInstant(Instant.ofEpochSecond(time.asLong()), ZoneOffset.UTC);
            double[] s = sums.computeIfAbsent(d, k -> new double[2]);
            s[0] += btc;
            s[1]++;
        }
        Map<LocalDate, Double> out = new HashMap<>();
        sums.forEach((d, s) -> out.put(d, s[0] / s[1]));
        return out;
    }

    /** The USD close at or before {@code time}, or null when mempool has none or it cannot be true. */
    static Double price(MempoolHistoryClient mempool, long time) {
        try {
            JsonNode prices = parse("historical price", mempool.historicalPrice("USD", time)).get("prices");
            if (prices == null || !prices.isArray() || prices.isEmpty()) {
                return null;
            }
            JsonNode usd = prices.get(0).get("USD");
            if (usd == null || !usd.isNumber() || !(usd.asDouble() > 0) || usd.asDouble() > MAX_PRICE_USD) {
                return null;
            }
            return usd.asDouble();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static JsonNode parse(String what, String body) {
        if (body == null || body.isBlank()) {
            throw new UpstreamDataException(what + ": empty body");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UpstreamDataException(what + ": malformed JSON");
        }
    }
}
