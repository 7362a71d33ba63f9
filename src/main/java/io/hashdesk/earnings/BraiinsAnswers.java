package io.hashdesk.earnings;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads Braiins answers field by field and refuses anything that is not exactly the documented shape,
 * with a reason fit to show the operator ({@link Refused}).
 */
final class BraiinsAnswers {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** No account is credited this much in a day (about 40 % of all the BTC mined in one). */
    private static final BigDecimal MOST_PER_DAY = new BigDecimal("400");

    private BraiinsAnswers() {
    }

    /** An answer hashdesk will not store, and why. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** One day's credit as Braiins reports it. */
    record Reward(LocalDate date, double btc) {
    }

    /** The days of {@code btc.daily_rewards[]} from {@code from} to {@code to} (others are refused). */
    static List<Reward> rewards(String body, LocalDate from, LocalDate to) {
        JsonNode btc = btc(body, "rewards");
        JsonNode days = btc.get("daily_rewards");
        if (days == null || !days.isArray()) {
            throw new Refused("Braiins rewards answer has no btc.daily_rewards list; nothing stored from it.");
        }
        List<Reward> out = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (JsonNode day : days) {
            JsonNode date = day.get("date");
            if (date == null || !date.isIntegralNumber() || !date.canConvertToLong() || date.asLong() % 86_400 != 0) {
                throw new Refused("Braiins rewards answer has a day whose date is not the start of a UTC day in unix"
                        + " seconds; nothing stored from it.");
            }
            LocalDate d = LocalDate.ofInstant(Instant.ofEpochSecond(date.asLong()), ZoneOffset.UTC);
            if (d.isBefore(from) || d.isAfter(to) || !seen.add(d)) {
                throw new Refused("Braiins rewards answer has a day (" + d + ") outside the days asked for ("
                        + from + " to " + to + ") or twice; nothing stored from it.");
            }
            out.add(new Reward(d, amount(day.get("total_reward"), d)));
        }
        return out;
    }

    private static double amount(JsonNode v, LocalDate d) {
        BigDecimal btc = null;
        if (v != null && v.isTextual() && v.asText().matches("\\d{1,4}(\\.\\d{1,12})?")) {
            btc = new BigDecimal(v.asText());
        } else if (v != null && v.isNumber()) {
            btc = v.decimalValue();
        }
        if (btc == null || btc.signum() < 0 || btc.compareTo(MOST_PER_DAY) > 0) {
            throw new Refused("Braiins rewards answer has no readable total_reward for " + d
                    + " (a BTC amount); nothing stored from it.");
        }
        return btc.doubleValue();
    }

    /** The account's hashrate over the last 24 hours in TH/s, or null when the answer does not say. */
    static Double hashrate24hThs(String body) {
        JsonNode btc = btc(body, "profile");
        JsonNode rate = btc.get("hash_rate_24h");
        JsonNode unit = btc.get("hash_rate_unit");
        if (rate == null || !rate.isNumber() || unit == null || !unit.isTextual() || !(rate.asDouble() >= 0)) {
            return null;
        }
        double factor = switch (unit.asText()) {
            case "Gh/s" -> 1e-3;
            case "Th/s" -> 1;
            case "Ph/s" -> 1e3;
            case "Eh/s" -> 1e6;
            default -> Double.NaN;
        };
        return Double.isNaN(factor) ? null : rate.asDouble() * factor;
    }

    private static JsonNode btc(String body, String what) {
        if (body == null || body.isBlank()) {
            throw new Refused("Braiins " + what + " answer is empty; nothing stored from it.");
        }
        try {
            JsonNode root = MAPPER.readTree(body);
            JsonNode btc = root == null ? null : root.get("btc");
            if (btc == null || !btc.isObject()) {
                throw new Refused("Braiins " + what + " answer has no btc object; nothing stored from it.");
            }
            return btc;
        } catch (JsonProcessingException e) {
            throw new Refused("Braiins " + what + " answer is not valid JSON; nothing stored from it.");
        }
    }
}
