package io.hashdesk.currency;

import java.time.Instant;

import io.hashdesk.web.Formats;
import io.quarkus.qute.TemplateData;

/**
 * A currency and its rate: how many units one USD buys, as of when, and from where ("mempool", or
 * "your rate of 2026-12-01" for a rate the operator entered). Every figure is computed in USD; an Fx
 * converts at the edges, and formats money for its currency ("1,234.57 EUR", "150,230 JPY").
 */
@TemplateData
public record Fx(String currency, double perUsd, Instant asOf, String source) {

    public static final Fx USD = new Fx("USD", 1, null, "USD");
    /** The source of a rate the operator entered: "your rate of 2026-12-01". */
    public static final String YOURS = "your rate of ";

    /** True for a rate the operator entered (not mempool's). */
    public boolean yours() {
        return source != null && source.startsWith(YOURS);
    }

    public boolean usd() {
        return "USD".equals(currency);
    }

    public double fromUsd(double usd) {
        return usd * perUsd;
    }

    public double toUsd(double amount) {
        return amount / perUsd;
    }

    /** A USD amount in this currency, to its usual decimals (none for JPY), code after the number. */
    public String money(double usd) {
        return Double.isFinite(usd) ? Formats.number(fromUsd(usd), Currencies.decimals(currency)) + " " + currency : "–";
    }

    /** A USD amount in this currency to the given decimals (a price per TH/s): "0.0370 EUR". */
    public String money(double usd, int decimals) {
        return Double.isFinite(usd) ? Formats.number(fromUsd(usd), decimals) + " " + currency : "–";
    }

    /** Whole units for large totals: "65,700 EUR". */
    public String money0(double usd) {
        return Double.isFinite(usd) ? Formats.number(fromUsd(usd), 0) + " " + currency : "–";
    }

    /** "+1,234 EUR" or "−56 EUR": a change, always with its sign. */
    public String signedMoney0(double usd) {
        String text = money0(usd);
        return usd > 0 && !text.startsWith("0 ") ? "+" + text : text;
    }

    /** "+12.40 EUR" or "−3.10 EUR": a change to the currency's decimals, always with its sign. */
    public String signedMoney(double usd) {
        String text = money(usd);
        return usd > 0 && !text.matches("0(\\.0+)? .*") ? "+" + text : text;
    }

    /** An electricity price given in USD/kWh: "0.4500 NOK/kWh" (JPY with two decimals). */
    public String perKwh(double usdPerKwh) {
        return Double.isFinite(usdPerKwh)
                ? Formats.number(fromUsd(usdPerKwh), Currencies.decimals(currency) + 2) + " " + currency + "/kWh"
                : "–";
    }

    /** "1 USD = 10.9000 NOK (your rate of 2026-12-01)", for the footnotes of pages and mails. */
    public String describe() {
        return usd() ? "USD" : "1 USD = " + Formats.number(perUsd, perUsd >= 100 ? 2 : 4) + " " + currency + " (" + source + ")";
    }
}
