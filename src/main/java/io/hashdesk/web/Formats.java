package io.hashdesk.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/**
 * How numbers and dates read on every page and in every mail: units always shown, precision chosen
 * for the quantity (money to the cent, BTC to the satoshi, hashrate in the unit that fits).
 */
@TemplateExtension
public final class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private Formats() {
    }

    /** "12 Feb 2026, 14:05" in the given IANA zone (UTC if the zone is unknown). */
    public static String dateTime(Instant instant, String zone) {
        return instant == null ? "–" : DATE_TIME.format(instant.atZone(zoneOf(zone)));
    }

    public static String date(Instant instant, String zone) {
        return instant == null ? "–" : DATE.format(instant.atZone(zoneOf(zone)));
    }

    /** "1,234.57 USD"; negative amounts with a real minus sign. */
    public static String usd(double amount) {
        return Double.isFinite(amount) ? number(amount, 2) + " USD" : "–";
    }

    /** Whole dollars for large totals: "71,000 USD". */
    public static String usd0(double amount) {
        return Double.isFinite(amount) ? number(amount, 0) + " USD" : "–";
    }

    /** "0.00012345 BTC" (to the satoshi). */
    public static String btc(double amount) {
        return Double.isFinite(amount) ? number(amount, 8) + " BTC" : "–";
    }

    /** "2.50 %" from a value already in percent. */
    public static String percent(double value) {
        return Double.isFinite(value) ? number(value, 2) + " %" : "–";
    }

    /** "+2.50 %" or "−13.79 %": a change, always with its sign. */
    public static String change(double value) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        String text = number(value, 2);
        return (value > 0 && !text.equals("0.00") ? "+" : "") + text + " %";
    }

    /** A change given as a boxed value that may be missing. */
    public static String change(Double value) {
        return value == null ? "–" : change(value.doubleValue());
    }

    /** False for NaN and infinities (a figure that does not exist, e.g. payback without profit). */
    public static boolean finite(double value) {
        return Double.isFinite(value);
    }

    /** True when a figure does not exist (NaN or infinite), e.g. a cost per BTC when nothing is mined. */
    public static boolean undefined(double value) {
        return !Double.isFinite(value);
    }

    public static double minus(double a, double b) {
        return a - b;
    }

    /** A whole count with thousands separators: "935,170". */
    public static String count(long value) {
        return Math.abs(value) < (1L << 52) ? number(value, 0) : String.format(Locale.ENGLISH, "%,d", value);
    }

    /** Difficulty in T (10^12): "157.19 T". */
    public static String difficulty(double value) {
        return Double.isFinite(value) ? number(value / 1e12, 2) + " T" : "–";
    }

    /** Electricity price: "0.0792 USD/kWh". */
    public static String usdPerKwh(double value) {
        return Double.isFinite(value) ? number(value, 4) + " USD/kWh" : "–";
    }

    /** Efficiency: "17.5 J/TH". */
    public static String jPerTh(double value) {
        return Double.isFinite(value) ? number(value, 1) + " J/TH" : "–";
    }

    /** Seconds as minutes: "11.6 min". */
    public static String minutes(double seconds) {
        return Double.isFinite(seconds) ? number(seconds / 60, 1) + " min" : "–";
    }

    /** Energy: "84.0 kWh" or "2.02 MWh". */
    public static String kwh(double value) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        return Math.abs(value) >= 1000 ? number(value / 1000, 2) + " MWh" : number(value, 1) + " kWh";
    }

    /** A hashrate in H/s with the unit that fits: TH/s, PH/s or EH/s. */
    public static String hashrate(double hashesPerSecond) {
        if (!Double.isFinite(hashesPerSecond)) {
            return "–";
        }
        double abs = Math.abs(hashesPerSecond);
        if (abs >= 1e18) {
            return number(hashesPerSecond / 1e18, 1) + " EH/s";
        }
        if (abs >= 1e15) {
            return number(hashesPerSecond / 1e15, 2) + " PH/s";
        }
        return number(hashesPerSecond / 1e12, 1) + " TH/s";
    }

    /** Power in W with the unit that fits: W, kW or MW. */
    public static String watts(double watts) {
        if (!Double.isFinite(watts)) {
            return "–";
        }
        double abs = Math.abs(watts);
        if (abs >= 1e6) {
            return number(watts / 1e6, 2) + " MW";
        }
        if (abs >= 1e3) {
            return number(watts / 1e3, 1) + " kW";
        }
        return number(watts, 0) + " W";
    }

    /** DecimalFormat is not thread-safe but is several times faster than String.format: one set per thread. */
    private static final ThreadLocal<java.text.DecimalFormat[]> DECIMALS = ThreadLocal.withInitial(() -> {
        java.text.DecimalFormat[] formats = new java.text.DecimalFormat[9];
        java.text.DecimalFormatSymbols symbols = java.text.DecimalFormatSymbols.getInstance(Locale.ENGLISH);
        for (int d = 0; d < formats.length; d++) {
            formats[d] = new java.text.DecimalFormat(d == 0 ? "#,##0" : "#,##0." + "0".repeat(d), symbols);
            formats[d].setRoundingMode(java.math.RoundingMode.HALF_UP);
        }
        return formats;
    });

    /** A plain number with thousands separators; "–" for NaN or infinity. */
    public static String number(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        String text = decimals >= 0 && decimals <= 8 ? DECIMALS.get()[decimals].format(value)
                : String.format(Locale.ENGLISH, "%,." + decimals + "f", value);
        if (text.startsWith("-")) {
            // "-0.00" would read as a loss; a real minus sign reads better than a hyphen.
            text = isZero(text) ? text.substring(1) : "−" + text.substring(1);
        }
        return text;
    }

    private static boolean isZero(String negative) {
        for (int i = 1; i < negative.length(); i++) {
            char c = negative.charAt(i);
            if (c != '0' && c != '.' && c != ',') {
                return false;
            }
        }
        return true;
    }

    /** The operator's or site's zone; UTC when it is missing or unknown. */
    public static ZoneId zoneOf(String zone) {
        try {
            return zone == null ? ZoneId.of("UTC") : ZoneId.of(zone);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    /** A probability (0..1) in whole percent, "73 %"; never "0 %" or "100 %" for what is merely unlikely or likely. */
    public static String probability(double fraction) {
        if (Double.isNaN(fraction)) {
            return "–";
        }
        double pct = fraction * 100;
        if (pct > 0 && pct < 0.5) {
            return "below 1 %";
        }
        if (pct < 100 && pct > 99.5) {
            return "above 99 %";
        }
        return Math.round(pct) + " %";
    }
}
