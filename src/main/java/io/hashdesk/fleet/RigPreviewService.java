package io.hashdesk.fleet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import io.hashdesk.account.Operator;
import io.hashdesk.currency.CurrencyService;
import io.hashdesk.currency.Rates;
import io.hashdesk.economics.GroupToday;
import io.hashdesk.economics.RigEconomics;
import io.hashdesk.economics.RigGroupSpec;
import io.hashdesk.network.NetworkService;
import io.hashdesk.network.NetworkView;
import io.hashdesk.web.FormErrors;

/** Today's figures for a rig group as filled in so far (nothing is saved): the rig form's live preview. */
@ApplicationScoped
public class RigPreviewService {

    /** Today's figures for a rig group being filled in, or why there are none yet. */
    public record Preview(GroupToday today, NetworkView network, String missing) {
    }

    @Inject
    Validator validator;

    @Inject
    NetworkService network;

    @Inject
    CurrencyService currencies;

    @Transactional
    public Preview preview(Operator owner, RigJson in, FormErrors parseErrors) {
        FormErrors errors = FormErrors.none().addAll(parseErrors).addAll(FormErrors.of(validator.validate(in)));
        Site site = in.siteId() == null ? null : FleetService.ownSite(owner, in.siteId());
        if (site == null) {
            return new Preview(null, null, "Choose a site to see today's figures.");
        }
        for (String field : List.of("units", "terahash", "watts", "purchaseUsd", "purchasePrice", "purchaseCurrency")) {
            if (errors.has(field)) {
                return new Preview(null, null, "Enter units, TH/s and W per unit to see today's figures.");
            }
        }
        if (in.units() == null || in.terahash() == null || in.watts() == null) {
            return new Preview(null, null, "Enter units, TH/s and W per unit to see today's figures.");
        }
        NetworkView view;
        try {
            view = network.latest();
        } catch (RuntimeException e) {
            return new Preview(null, null, "Network data is not available yet; try again in a minute.");
        }
        // Amounts entered in other currencies at the snapshot's rates, as the dashboard prices them.
        FormErrors money = FormErrors.none();
        RigJson entered = RigService.entered(in, EnteredMoney.once(() -> currencies.pricing(owner.id, view)), money);
        if (money.any()) {
            return new Preview(null, null, money.asMap().values().iterator().next());
        }
        Rates rates = site.foreign() || !"USD".equals(entered.purchaseCurrency()) ? currencies.pricing(owner.id, view)
                : Rates.USD_ONLY;
        Double purchase = entered.purchasePrice() == null ? null
                : rates.toUsd(entered.purchasePrice(), entered.purchaseCurrency()) * in.units();
        RigGroupSpec group = new RigGroupSpec(0, 0, in.units(), in.terahash(), in.watts(), purchase);
        List<RigGroupSpec> others = new ArrayList<>();
        for (RigGroup other : RigGroup.<RigGroup>list("operatorId = ?1 and site.id = ?2", owner.id, site.id)) {
            if (!other.id.equals(in.id())) {
                others.add(new RigGroupSpec(other.id, 0, other.units, other.terahashPerUnit, other.wattsPerUnit, null));
            }
        }
        return new Preview(RigEconomics.preview(site.terms(rates), others, group, view.state(), Instant.now()), view, null);
    }
}
