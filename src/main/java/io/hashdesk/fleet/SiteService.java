package io.hashdesk.fleet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import io.hashdesk.account.Operator;
import io.hashdesk.currency.Rates;
import io.hashdesk.economics.TimeOfUseTariff;
import io.hashdesk.web.Database;
import io.hashdesk.web.FormErrors;
import io.hashdesk.web.LimitReachedException;
import io.hashdesk.web.Saved;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Adds, changes and deletes an operator's sites (ownership and locking through {@link FleetService}). */
@ApplicationScoped
public class SiteService {

    static final String DUPLICATE_NAME = "You already have a site with this name; rigs and CSV files refer to sites by name.";
    /** The database's guarantee behind {@link #DUPLICATE_NAME} (V7__limits_and_keys.sql). */
    static final String UNIQUE_NAME = "uq_site_name_key";

    /** A site that still hosts rig groups, or that pool accounts cover, cannot be deleted. */
    public static class SiteInUseException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public final long rigGroups;
        /** The names of the pool accounts that cover the site (empty when rig groups are the reason). */
        public final List<String> poolAccounts;

        SiteInUseException(String siteName, long rigGroups) {
            super("The site \"" + siteName + "\" still hosts " + rigGroups + " rig group" + (rigGroups == 1 ? "" : "s")
                    + ". Move them to another site or delete them first.");
            this.rigGroups = rigGroups;
            this.poolAccounts = List.of();
        }

        SiteInUseException(String siteName, List<String> poolAccounts) {
            super("The site \"" + siteName + "\" is covered by the pool account" + (poolAccounts.size() == 1 ? " " : "s ")
                    + poolAccounts.stream().map(n -> "\"" + n + "\"").collect(java.util.stream.Collectors.joining(", "))
                    + "; deleting it would make " + (poolAccounts.size() == 1 ? "that account" : "them")
                    + " cover the whole fleet. Point " + (poolAccounts.size() == 1 ? "it" : "them")
                    + " at another site or the whole fleet on the Pools page, or delete "
                    + (poolAccounts.size() == 1 ? "it" : "them") + ", first.");
            this.rigGroups = 0;
            this.poolAccounts = List.copyOf(poolAccounts);
        }
    }

    /**
     * The names of the owner's pool accounts that cover the site. Read from the table (earnings owns the
     * entity): its foreign key would set them to the whole fleet when the site goes, silently.
     */
    @Transactional
    public List<String> poolAccountsCovering(Operator owner, long siteId) {
        @SuppressWarnings("unchecked")
        List<String> names = Site.getEntityManager().createNativeQuery(
                "SELECT name FROM pool_account WHERE operator_id = :o AND site_id = :s ORDER BY name, id")
                .setParameter("o", owner.id).setParameter("s", siteId).getResultList();
        return names;
    }

    @Inject
    FleetService fleet;

    @Inject
    Validator validator;

    /** The input with its defaults filled in and text trimmed. */
    SiteJson withDefaults(Operator owner, SiteJson in) {
        String zone = in.timezone() == null || in.timezone().isBlank() ? owner.timezone : in.timezone().strip();
        return new SiteJson(in.id(), in.name() == null ? null : in.name().strip(), in.tariff(),
                Objects.requireNonNullElse(in.poolFeePercent(), 0.0),
                in.hostingUsdPerMonth() == null && in.hostingPerMonth() == null ? Double.valueOf(0) : in.hostingUsdPerMonth(),
                Objects.requireNonNullElse(in.powerOverhead(), 1.0),
                Objects.requireNonNullElse(in.uptimePercent(), 100.0),
                Objects.requireNonNullElse(in.curtail(), Boolean.FALSE), zone, in.hostingPerMonth(), in.hostingCurrency());
    }

    /** Every rule a site must meet, by field; empty when it can be saved. */
    @Transactional
    public FormErrors check(Operator owner, Long siteId, SiteJson raw) {
        SiteJson in = withDefaults(owner, raw);
        FormErrors errors = FormErrors.of(validator.validate(in));
        if (siteId != null && in.id() != null && !in.id().equals(siteId)) {
            errors.add("id", "The id in the body does not match the address.");
        }
        if (!errors.has("name") && in.name() != null) {
            long same = Site.count("operatorId = ?1 and nameKey = ?2 and id <> ?3", owner.id, Site.nameKey(in.name()),
                    siteId == null ? -1L : siteId);
            if (same > 0) {
                errors.add("name", DUPLICATE_NAME);
            }
        }
        SiteJson.Tariff tariff = in.tariff();
        amounts(owner, in, errors);
        if (tariff != null && !errors.has("tariff.type")) {
            if (Site.FLAT.equals(tariff.type())) {
                // a missing price: said once amounts() found neither perKwh nor usdPerKwh
            } else if (tariff.bands() == null || tariff.bands().isEmpty()) {
                errors.add("tariff.bands", "Add the bands that price each hour of the week, e.g. Mon-Sun 0 to 24.");
            } else {
                TariffBandRules.check(tariff.bands(), errors);
            }
        }
        if (!errors.has("timezone") && !FleetService.isZone(in.timezone())) {
            errors.add("timezone", "Choose a time zone from the list, e.g. America/Chicago.");
        }
        return errors;
    }

    /** The tariff's and hosting fee's amounts in the currencies they are entered in. */
    record Amounts(String tariffCurrency, Double flat, List<Double> bands, String hostingCurrency, double hosting) {
    }

    /**
     * The amounts as they will be stored, problems added by field: an unknown currency or one without a
     * rate, a negative or absurd amount, a missing price.
     */
    Amounts amounts(Operator owner, SiteJson in, FormErrors errors) {
        Supplier<Rates> now = () -> fleet.ratesNow(owner);
        SiteJson.Tariff t = in.tariff();
        EnteredMoney.Currency tc = EnteredMoney.currency("tariff.currency", t == null ? null : t.currency(), now, errors);
        String given = t != null && t.currency() != null ? "perKwh" : "usdPerKwh";
        Double flat = null;
        List<Double> bands = new ArrayList<>();
        if (t != null && Site.FLAT.equals(t.type())) {
            flat = EnteredMoney.amount(tc, "tariff.perKwh", t.perKwh(), "tariff.usdPerKwh", t.usdPerKwh(), 10, "/kWh", errors);
            if (flat == null && tc != null && !errors.has("tariff.perKwh") && !errors.has("tariff.usdPerKwh")) {
                errors.add("tariff." + given, "Enter the price of a kWh, e.g. 0.05 " + tc.code() + "/kWh.");
            }
        } else if (t != null && t.bands() != null) {
            for (int i = 0; i < t.bands().size(); i++) {
                SiteJson.Band b = t.bands().get(i);
                String at = "tariff.bands[" + i + "].";
                Double price = b == null ? null : EnteredMoney.amount(tc, at + "perKwh", b.perKwh(), at + "usdPerKwh",
                        b.usdPerKwh(), 10, "/kWh", errors);
                if (b != null && price == null && tc != null && !errors.has(at + "perKwh") && !errors.has(at + "usdPerKwh")) {
                    errors.add(at + given, "Enter a price from 0 to 10 USD/kWh.");
                }
                bands.add(price);
            }
        }
        EnteredMoney.Currency hc = EnteredMoney.currency("hostingCurrency", in.hostingCurrency(), now, errors);
        Double hosting = EnteredMoney.amount(hc, "hostingPerMonth", in.hostingPerMonth(), "hostingUsdPerMonth",
                in.hostingUsdPerMonth(), 100_000_000, " per month", errors);
        return new Amounts(tc == null ? "USD" : tc.code(), flat, bands, hc == null ? "USD" : hc.code(),
                hosting == null ? 0 : hosting);
    }

    /** Adds a site; 422 errors when a rule fails (a name taken at the same moment included), limit 1,000 sites. */
    public Saved<Site> createSite(Operator owner, SiteJson raw) {
        try {
            return QuarkusTransaction.joiningExisting().call(() -> {
                fleet.lockOwner(owner);
                FormErrors errors = check(owner, null, raw);
                if (errors.any()) {
                    return Saved.<Site>refused(null, errors);
                }
                if (FleetService.siteCount(owner) >= FleetService.MAX_SITES) {
                    throw new LimitReachedException(null, String.format(Locale.ENGLISH,
                            "You have %,d sites, the most one account can hold; nothing was added. Delete a site you no longer use first.",
                            FleetService.MAX_SITES));
                }
                Site site = new Site();
                site.operatorId = owner.id;
                site.createdAt = Instant.now();
                SiteJson in = withDefaults(owner, raw);
                apply(site, in, amounts(owner, in, FormErrors.none()));
                site.persist();
                Site.flush();
                FleetService.bumpVersion(owner);
                return Saved.of(site);
            });
        } catch (RuntimeException e) {
            return nameTaken(e, null);
        }
    }

    public Saved<Site> updateSite(Operator owner, long id, SiteJson raw) {
        try {
            return QuarkusTransaction.joiningExisting().call(() -> {
                fleet.lockOwner(owner);
                Site site = fleet.site(owner, id);
                FormErrors errors = check(owner, id, raw);
                if (errors.any()) {
                    return Saved.refused(site, errors);
                }
                SiteJson in = withDefaults(owner, raw);
                apply(site, in, amounts(owner, in, FormErrors.none()));
                Site.flush();
                FleetService.bumpVersion(owner);
                return Saved.of(site);
            });
        } catch (RuntimeException e) {
            return nameTaken(e, null);
        }
    }

    /** The unique key on (operator, name) refused the write: the same answer as the check's. */
    private static Saved<Site> nameTaken(RuntimeException e, Site site) {
        if (Database.violated(e, UNIQUE_NAME)) {
            return Saved.refused(site, FormErrors.none().add("name", DUPLICATE_NAME));
        }
        throw e;
    }

    private static void apply(Site site, SiteJson in, Amounts amounts) {
        site.name = in.name();
        site.nameKey = Site.nameKey(in.name());
        site.tariffType = in.tariff().type();
        site.bands.clear();
        if (site.isTimeOfUse()) {
            site.flatUsdPerKwh = null;
            int i = 0;
            for (SiteJson.Band b : in.tariff().bands()) {
                SiteTariffBand band = new SiteTariffBand();
                band.site = site;
                band.bandIndex = i++;
                band.days = TimeOfUseTariff.formatDays(TimeOfUseTariff.parseDays(b.days()));
                band.fromHour = b.fromHour();
                band.toHour = b.toHour();
                band.usdPerKwh = amounts.bands().get(i - 1);
                site.bands.add(band);
            }
        } else {
            site.flatUsdPerKwh = amounts.flat();
        }
        site.tariffCurrency = amounts.tariffCurrency();
        site.hostingCurrency = amounts.hostingCurrency();
        site.poolFeePercent = in.poolFeePercent();
        site.hostingUsdPerMonth = amounts.hosting();
        site.powerOverhead = in.powerOverhead();
        site.uptimePercent = in.uptimePercent();
        site.curtail = in.curtail();
        site.timezone = in.timezone();
        site.updatedAt = Instant.now();
    }

    /**
     * Deletes the owner's site; 404 if it is not theirs, {@link SiteInUseException} (409) if it still
     * hosts rigs, including a rig added by a request that committed while this one waited for the lock,
     * or if pool accounts cover it (they would become whole-fleet accounts without a word).
     */
    @Transactional
    public void deleteSite(Operator owner, long id) {
        fleet.lockOwner(owner);
        Site site = fleet.site(owner, id);
        long rigs = fleet.rigCount(owner, id);
        if (rigs > 0) {
            throw new SiteInUseException(site.name, rigs);
        }
        List<String> pools = poolAccountsCovering(owner, id);
        if (!pools.isEmpty()) {
            throw new SiteInUseException(site.name, pools);
        }
        site.delete();
        try {
            // Every fleet write locks the owner first, so no rig can reach this site now; the foreign key
            // stays the last guard (a write that bypassed the lock): answer as for a site in use.
            Site.flush();
        } catch (PersistenceException e) {
            throw new SiteInUseException(site.name, Math.max(1, rigs));
        }
        FleetService.bumpVersion(owner);
    }
}
