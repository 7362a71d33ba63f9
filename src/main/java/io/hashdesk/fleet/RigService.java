package io.hashdesk.fleet;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import io.hashdesk.account.Operator;
import io.hashdesk.currency.Rates;
import io.hashdesk.web.FormErrors;
import io.hashdesk.web.LimitReachedException;
import io.hashdesk.web.Saved;

/**
 * Adds, changes (moves) and deletes an operator's rig groups. Each write locks the owner first
 * ({@link FleetService#lockOwner}), so a site deleted at the same moment is either still there, and
 * then cannot be deleted while it hosts the group (409), or already gone, and then the group is
 * refused naming its site (422), never a server error.
 */
@ApplicationScoped
public class RigService {

    /** The first block: a purchase before it is a typo. */
    static final LocalDate GENESIS = LocalDate.of(2009, 1, 3);

    static final String NOT_YOUR_SITE = "Choose one of your sites (this one does not exist, or was just deleted).";

    @Inject
    FleetService fleet;

    @Inject
    Validator validator;

    /** Every rule a rig group must meet, by field (JSON names); empty when it can be saved. */
    @Transactional
    public FormErrors check(Operator owner, Long rigId, RigJson in) {
        return check(owner, rigId, in, null);
    }

    /** @param ownSiteIds the owner's site ids when the caller has them already (import), else null */
    FormErrors check(Operator owner, Long rigId, RigJson in, Set<Long> ownSiteIds) {
        return check(owner, rigId, in, ownSiteIds, () -> fleet.ratesNow(owner));
    }

    /** @param ratesNow the rates a purchase price in another currency is checked at */
    FormErrors check(Operator owner, Long rigId, RigJson in, Set<Long> ownSiteIds, Supplier<Rates> ratesNow) {
        FormErrors errors = FormErrors.of(validator.validate(in));
        entered(in, ratesNow, errors);
        if (rigId != null && in.id() != null && !in.id().equals(rigId)) {
            errors.add("id", "The id in the body does not match the address.");
        }
        boolean owned = in.siteId() == null || (ownSiteIds != null ? ownSiteIds.contains(in.siteId())
                : FleetService.ownSite(owner, in.siteId()) != null);
        if (!owned) {
            errors.add("siteId", NOT_YOUR_SITE);
        }
        if (in.purchaseDate() != null) {
            LocalDate today = LocalDate.now(FleetService.zoneOf(owner));
            if (in.purchaseDate().isAfter(today)) {
                errors.add("purchaseDate", "The purchase date cannot be in the future.");
            } else if (in.purchaseDate().isBefore(GENESIS)) {
                errors.add("purchaseDate", "The purchase date cannot be before Bitcoin existed (3 January 2009).");
            }
        }
        return errors;
    }

    /**
     * The input with its purchase price as it will be stored: {@code purchasePrice} in
     * {@code purchaseCurrency} (default USD), or {@code purchaseUsd} alone (USD, converted at the current
     * rate when a currency is named); problems added by field.
     */
    static RigJson entered(RigJson in, Supplier<Rates> ratesNow, FormErrors errors) {
        EnteredMoney.Currency c = EnteredMoney.currency("purchaseCurrency", in.purchaseCurrency(), ratesNow, errors);
        Double price = EnteredMoney.amount(c, "purchasePrice", in.purchasePrice(), "purchaseUsd", in.purchaseUsd(),
                10_000_000, " per unit", errors);
        return in.withPurchase(price, c == null ? "USD" : c.code());
    }

    @Transactional
    public Saved<RigGroup> createRig(Operator owner, RigJson in) {
        fleet.lockOwner(owner);
        FormErrors errors = check(owner, null, in);
        if (errors.any()) {
            return Saved.refused(null, errors);
        }
        checkRoomFor(owner, 1);
        RigGroup rig = new RigGroup();
        rig.operatorId = owner.id;
        rig.createdAt = Instant.now();
        apply(rig, entered(in, () -> fleet.ratesNow(owner), FormErrors.none()), FleetService.ownSite(owner, in.siteId()));
        rig.persist();
        FleetService.bumpVersion(owner);
        return Saved.of(rig);
    }

    @Transactional
    public Saved<RigGroup> updateRig(Operator owner, long id, RigJson in) {
        fleet.lockOwner(owner);
        RigGroup rig = fleet.rig(owner, id);
        FormErrors errors = check(owner, id, in);
        if (errors.any()) {
            return Saved.refused(rig, errors);
        }
        apply(rig, entered(in, () -> fleet.ratesNow(owner), FormErrors.none()), FleetService.ownSite(owner, in.siteId()));
        FleetService.bumpVersion(owner);
        return Saved.of(rig);
    }

    /** Refuses (422) when {@code more} groups would take the owner past {@link FleetService#MAX_RIG_GROUPS}. */
    static void checkRoomFor(Operator owner, long more) {
        long have = FleetService.rigGroupCount(owner);
        if (have + more > FleetService.MAX_RIG_GROUPS) {
            throw new LimitReachedException(null, String.format(Locale.ENGLISH,
                    "One account holds at most %,d rig groups; you have %,d, so %,d more do not fit and nothing was added. "
                            + "Delete groups you no longer use, or combine identical machines at one site into one group.",
                    FleetService.MAX_RIG_GROUPS, have, more));
        }
    }

    /** @param in with the purchase price as stored ({@link #entered}) */
    static void apply(RigGroup rig, RigJson in, Site site) {
        rig.site = site;
        rig.model = in.model().strip();
        rig.units = in.units();
        rig.terahashPerUnit = in.terahash();
        rig.wattsPerUnit = in.watts();
        rig.purchaseUsdPerUnit = in.purchasePrice();
        rig.purchaseCurrency = in.purchaseCurrency() == null ? "USD" : in.purchaseCurrency();
        rig.purchaseDate = in.purchaseDate();
        rig.notes = in.notes() == null || in.notes().isBlank() ? null : in.notes().strip();
        rig.updatedAt = Instant.now();
    }

    @Transactional
    public void deleteRig(Operator owner, long id) {
        fleet.lockOwner(owner);
        fleet.rig(owner, id).delete();
        FleetService.bumpVersion(owner);
    }
}
