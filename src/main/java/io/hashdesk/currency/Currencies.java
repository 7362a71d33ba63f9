package io.hashdesk.currency;

import java.util.Currency;
import java.util.List;
import java.util.Locale;

/** ISO 4217 codes: which exist, which mempool prices BTC in, and what rate per USD is believable. */
public final class Currencies {

    /** The currencies mempool's /api/v1/prices gives, USD first. */
    public static final List<String> LIVE = List.of("USD", "EUR", "GBP", "CAD", "CHF", "AUD", "JPY");
    /** A rate per USD outside this range is a typo (or a unit mix-up), not a currency. */
    public static final double MIN_PER_USD = 1e-6;
    public static final double MAX_PER_USD = 1e6;

    private Currencies() {
    }

    /** The code upper-cased when it is an ISO 4217 currency, else null. */
    public static String code(String text) {
        if (text == null) {
            return null;
        }
        String code = text.trim().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{3}")) {
            return null;
        }
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static boolean live(String code) {
        return LIVE.contains(code);
    }

    /** Why a rate per USD is refused, or null when it is believable. */
    public static String rateProblem(double perUsd) {
        if (Double.isNaN(perUsd) || Double.isInfinite(perUsd)) {
            return "must be a number";
        }
        if (perUsd == 0) {
            return "must not be zero: give how many units of the currency one USD buys";
        }
        if (perUsd < 0) {
            return "must be positive: give how many units of the currency one USD buys";
        }
        if (perUsd < MIN_PER_USD || perUsd > MAX_PER_USD) {
            return "must be between 0.000001 and 1,000,000 units per USD";
        }
        return null;
    }

    /** An amount as entered in its currency: "26,160.00 NOK", "150,230 JPY". */
    public static String amount(double amount, String code) {
        return io.hashdesk.web.Formats.number(amount, decimals(code)) + " " + code;
    }

    /** Decimals money is shown with: 2 for most, 0 for JPY, 3 for BHD (2 when the currency has none). */
    public static int decimals(String code) {
        try {
            int digits = Currency.getInstance(code).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException | NullPointerException e) {
            return 2;
        }
    }
}
