package io.hashdesk.currency;

import java.util.List;
import java.util.Set;

import io.quarkus.qute.TemplateData;

/**
 * The currency card of /settings: the display currency, every currency usable now, which of them the
 * operator entered, and what was typed into the rate form (kept when it needs correcting).
 */
@TemplateData
public record CurrencyView(String display, List<Fx> available, Set<String> enteredCodes, String zone,
        String typedCode, String typedPerUsd, String typedAsOf) {

    public List<Fx> live() {
        return available.stream().filter(fx -> Currencies.live(fx.currency())).toList();
    }

    public boolean entered(String code) {
        return enteredCodes.contains(code);
    }
}
