package io.hashdesk.currency;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.hashdesk.account.CurrentOperator;
import io.hashdesk.account.Operator;
import io.hashdesk.network.NetworkService;
import io.hashdesk.web.FormErrors;

/**
 * The "Currency" card, for the settings page to include with one line ({@code inject:currencyCard.html}),
 * so that page's own template and resource stay as they are.
 */
@Named("currencyCard")
@RequestScoped
public class CurrencyCard {

    @Inject
    CurrentOperator current;

    @Inject
    CurrencyService currencies;

    @Inject
    NetworkService network;

    public String getHtml() {
        return CurrencySettingsResource.Templates.card(view(current.get(), null, null, null), FormErrors.none())
                .render();
    }

    CurrencyView view(Operator operator, String code, String perUsd, String asOf) {
        return new CurrencyView(operator.displayCurrency,
                List.copyOf(currencies.rates(operator.id, network.latest()).values()),
                currencies.entered(operator.id).stream().map(CurrencyService.Entered::code).collect(Collectors.toSet()),
                operator.timezone, code == null ? "" : code, perUsd == null ? "" : perUsd, asOf == null ? "" : asOf);
    }
}
