package io.hashdesk.currency;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.network.NetworkService;
import io.hashdesk.network.NetworkView;

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

    /** "1 USD = 0.9250 EUR (mempool)", empty for USD. */
    public String getNote() {
        return get().usd() ? "" : get().describe();
    }
}
