package io.hashdesk.network;

import java.util.LinkedHashMap;
import java.util.Map;

/** The BTC price in mempool's currencies other than USD, as stored in a snapshot's columns. */
public final class SnapshotPrices {

    private SnapshotPrices() {
    }

    /** Code to price, for the currencies the snapshot has a price in. */
    public static Map<String, Double> of(NetworkSnapshot s) {
        Map<String, Double> out = new LinkedHashMap<>();
        putIf(out, "EUR", s.priceEur);
        putIf(out, "GBP", s.priceGbp);
        putIf(out, "CAD", s.priceCad);
        putIf(out, "CHF", s.priceChf);
        putIf(out, "AUD", s.priceAud);
        putIf(out, "JPY", s.priceJpy);
        return out;
    }

    static void put(NetworkSnapshot s, Map<String, Double> prices) {
        s.priceEur = prices.get("EUR");
        s.priceGbp = prices.get("GBP");
        s.priceCad = prices.get("CAD");
        s.priceChf = prices.get("CHF");
        s.priceAud = prices.get("AUD");
        s.priceJpy = prices.get("JPY");
    }

    private static void putIf(Map<String, Double> out, String code, Double price) {
        if (price != null) {
            out.put(code, price);
        }
    }
}
