package io.hashdesk.currency;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The rates a ledger day was priced at, kept with the day (JSON {"EUR": 0.925, ...}, units per USD)
 * so that the day reads the same however rates move later.
 */
public final class DayRates {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DayRates() {
    }

    /** mempool's rates of a snapshot: each price over the USD one. */
    public static String json(double priceUsd, Map<String, Double> prices) {
        Map<String, Double> perUsd = new TreeMap<>();
        prices.forEach((code, price) -> {
            if (priceUsd > 0 && Currencies.rateProblem(price / priceUsd) == null) {
                perUsd.put(code, price / priceUsd);
            }
        });
        try {
            return JSON.writeValueAsString(perUsd);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rates a day was priced at (mempool's and the operator's own), USD left out. */
    public static String json(Rates rates) {
        Map<String, Double> perUsd = new TreeMap<>(rates.perUsd());
        perUsd.remove("USD");
        try {
            return JSON.writeValueAsString(perUsd);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The display currency at a day's stored rate; {@code display} itself (today's rate, or the
     * operator's own for a currency mempool does not price) when the day has none for it.
     */
    public static Fx at(String json, Fx display, LocalDate date) {
        if (display.usd() || json == null) {
            return display;
        }
        try {
            JsonNode rate = JSON.readTree(json).get(display.currency());
            if (rate != null && rate.isNumber() && Currencies.rateProblem(rate.asDouble()) == null) {
                return new Fx(display.currency(), rate.asDouble(), null, "rate of " + date);
            }
        } catch (JsonProcessingException e) {
            // A day without readable rates reads at today's.
        }
        return display;
    }
}
