package io.hashdesk.currency;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.network.NetworkService;
import io.hashdesk.network.NetworkView;
import io.hashdesk.web.Formats;

/**
 * The signed-in operator's display currency at the live snapshot's rates, for pages to format money
 * with ({@code inject:fx.money(t.profitUsd)}). Mails and CSV exports, which are made outside a page
 * request, carry their {@link Fx} in their own data instead.
 */
@Named("fx")
@RequestScoped
public class DisplayFx {

    @Inject
    CurrentOperator current;

    @Inject
    CurrencyService currencies;

    @Inject
    NetworkService network;

    private Fx fx;

    public Fx get() {
        if (fx == null) {
            fx = current.isSignedIn() ? currencies.display(current.signedInOperator(), network.latest()) : Fx.USD;
        }
        return fx;
    }

    /** The display currency at a given snapshot's rates (the one a JSON answer is priced at). */
    public Fx at(NetworkView view) {
        return current.isSignedIn() ? currencies.display(current.signedInOperator(), view) : Fx.USD;
    }

    public String getCurrency() {
        return get().currency();
    }

    public String money(double usd) {
        return get().money(usd);
    }

    public String money(double usd, int decimals) {
        return get().money(usd, decimals);
    }

    public String money0(double usd) {
        return get().money0(usd);
    }

    public String signedMoney0(double usd) {
        return get().signedMoney0(usd);
    }

    public String perKwh(double usdPerKwh) {
        return get().perKwh(usdPerKwh);
    }

    /**
     * The currencies an amount can be entered in (mempool's seven, then the operator's own rates), with
     * {@code selected} too when it is not among them (a rate since removed), for a form's currency select.
     */
    public java.util.List<String> choices(String selected) {
        java.util.List<String> out = new java.util.ArrayList<>(Currencies.LIVE);
        if (current.isSignedIn()) {
            currencies.entered(current.signedInOperator().id()).forEach(e -> {
                if (!out.contains(e.code())) {
                    out.add(e.code());
                }
            });
        }
        String code = Currencies.code(selected);
        if (code != null && !out.contains(code)) {
            out.add(code);
        }
        return out;
    }

    /** Every currency usable now (the live snapshot's rates and the operator's own), asked for once a request. */
    private java.util.Map<String, Fx> rates;

    private Fx of(String code) {
        if (rates == null) {
            rates = current.isSignedIn() ? currencies.rates(current.signedInOperator().id(), network.latest())
                    : java.util.Map.of("USD", Fx.USD);
        }
        return rates.get(code);
    }

    /**
     * An amount entered in {@code code}, in the display currency at today's rate, for beside the amount as
     * entered: " (2,220.00 EUR)", " (2,220.00 EUR at your rate of 2026-12-01)" when a rate the operator
     * entered is used; empty when the amount is in the display currency already (or its currency has no rate).
     */
    public String equivalent(double amount, String code) {
        Fx from = code == null || code.equals(get().currency()) ? null : of(code);
        return from == null ? "" : " (" + get().money(from.toUsd(amount)) + rateNote(from) + ")";
    }

    /** The same for a price per kWh, or a range of them: " (0.0382 EUR/kWh)", " (0.0025–0.0170 EUR/kWh)". */
    public String equivalentPerKwh(double min, double max, String code) {
        Fx from = code == null || code.equals(get().currency()) ? null : of(code);
        if (from == null) {
            return "";
        }
        String low = min == max ? "" : Formats.number(get().fromUsd(from.toUsd(min)), Currencies.decimals(get().currency()) + 2) + "–";
        return " (" + low + get().perKwh(from.toUsd(max)) + rateNote(from) + ")";
    }

    /** " at your rate of 2026-12-01" when either currency's rate is the operator's own. */
    private String rateNote(Fx from) {
        java.util.List<String> yours = new java.util.ArrayList<>();
        for (Fx fx : java.util.List.of(from, get())) {
            if (fx.yours()) {
                yours.add(fx.source());
            }
        }
        return yours.isEmpty() ? "" : yours.size() == 1 ? " at " + yours.get(0)
                : " at " + yours.get(0) + " (" + from.currency() + ") and " + yours.get(1) + " (" + get().currency() + ")";
    }

    /** "1 USD = 0.9250 EUR (mempool)", empty for USD. */
    public String getNote() {
        return get().usd() ? "" : get().describe();
    }
}
