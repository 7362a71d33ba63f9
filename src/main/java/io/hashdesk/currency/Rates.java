package io.hashdesk.currency;

import java.util.Map;

/**
 * The rates a fleet's entries are priced at: units per USD of each currency usable at one snapshot
 * (mempool's seven with the snapshot, the operator's own as entered). An amount entered in a currency
 * becomes USD here, where the economics core's inputs are assembled, and nowhere else.
 *
 * @param snapshot the version of the snapshot whose rates these are
 */
public record Rates(long snapshot, Map<String, Double> perUsd) {

    /** USD alone: prices a fleet entered only in USD. */
    public static final Rates USD_ONLY = new Rates(-1, Map.of("USD", 1.0));

    public Rates {
        perUsd = Map.copyOf(perUsd);
    }

    public boolean has(String code) {
        return code == null || "USD".equals(code) || perUsd.containsKey(code);
    }

    /** The amount in USD; {@link CurrencyService.NoRate} when the currency has no rate here. */
    public double toUsd(double amount, String code) {
        if (code == null || "USD".equals(code)) {
            return amount;
        }
        Double rate = perUsd.get(code);
        if (rate == null) {
            throw new CurrencyService.NoRate(code);
        }
        return amount / rate;
    }

    /** A USD amount in the currency (what {@code usdPerKwh} answers are converted back from). */
    public double fromUsd(double usd, String code) {
        return usd * (code == null || "USD".equals(code) ? 1 : perUsd.getOrDefault(code, Double.NaN));
    }
}
