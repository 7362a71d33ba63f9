package io.hashdesk.fleet;

import java.util.function.Supplier;

import io.hashdesk.currency.Currencies;
import io.hashdesk.currency.Rates;
import io.hashdesk.web.FormErrors;
import io.hashdesk.web.Formats;

/**
 * An amount of a site or rig group as the operator enters it: in a currency of their choosing (default
 * USD), given either as the amount in that currency ({@code perKwh}, {@code hostingPerMonth},
 * {@code purchasePrice}) or, as scripts always could, in USD ({@code usdPerKwh}...), converted at the
 * current rate when the entry is in another currency. Checked against the same limits in USD as
 * before; each problem names the field it is about. Nothing here is saved.
 */
final class EnteredMoney {

    /** A currency and the rates it is checked at (asked for only when the currency is not USD). */
    record Currency(String code, Rates rates) {

        boolean usd() {
            return "USD".equals(code);
        }

        double perUsd() {
            return usd() ? 1 : 1 / rates.toUsd(1, code);
        }
    }

    private EnteredMoney() {
    }

    /** The supplier's value, asked for at most once (the rates of a whole import). */
    static <T> Supplier<T> once(Supplier<T> supplier) {
        Object[] held = new Object[1];
        return () -> {
            if (held[0] == null) {
                held[0] = supplier.get();
            }
            @SuppressWarnings("unchecked")
            T t = (T) held[0];
            return t;
        };
    }

    /**
     * The currency given under {@code field} (blank: USD), or null with the problem added: not an ISO 4217
     * code, or one without a rate at the current snapshot.
     */
    static Currency currency(String field, String text, Supplier<Rates> ratesNow, FormErrors errors) {
        if (text == null || text.isBlank()) {
            return new Currency("USD", Rates.USD_ONLY);
        }
        String code = Currencies.code(text);
        if (code == null) {
            errors.add(field, "Choose a currency by its ISO 4217 code, e.g. USD, EUR or NOK.");
            return null;
        }
        if (code.equals("USD")) {
            return new Currency(code, Rates.USD_ONLY);
        }
        Rates rates = ratesNow.get();
        if (!rates.has(code)) {
            errors.add(field, code + " has no rate: enter a rate for " + code + " on /settings first (Currency), or choose "
                    + String.join(", ", Currencies.LIVE) + ".");
            return null;
        }
        return new Currency(code, rates);
    }

    /**
     * The amount in the entry's currency: {@code amount} (under {@code field}) when given, else
     * {@code usd} (under {@code usdField}, already checked by its own limits) converted; null when neither
     * is given or the amount is refused. {@code maxUsd} is the largest believable amount in USD.
     */
    static Double amount(Currency currency, String field, Double amount, String usdField, Double usd, double maxUsd,
            String unit, FormErrors errors) {
        if (amount == null) {
            return usd == null || currency == null || errors.has(usdField) ? null : usd * currency.perUsd();
        }
        if (currency == null) {
            return null;
        }
        if (currency.usd() && usd != null && Math.abs(usd - amount) > 1e-9 * Math.max(1, Math.abs(amount))) {
            errors.add(field, "Differs from " + usdField + " (the same amount in USD): send one of them, or both alike.");
            return null;
        }
        if (!Double.isFinite(amount) || amount < 0) {
            errors.add(field, "Enter an amount of 0 " + currency.code() + " or more" + unit + ".");
            return null;
        }
        if (amount / currency.perUsd() > maxUsd) {
            errors.add(field, "Enter at most " + Formats.number(maxUsd * currency.perUsd(), 2) + " " + currency.code() + unit
                    + " (" + Formats.number(maxUsd, 0) + " USD" + unit + (currency.usd() ? "" : " at 1 USD = "
                    + Formats.number(currency.perUsd(), 4) + " " + currency.code()) + ").");
            return null;
        }
        return amount;
    }
}
