package io.hashdesk.fleet;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotFoundException;

import io.hashdesk.account.Operator;
import io.hashdesk.economics.Fleet;
import io.hashdesk.economics.GroupToday;
import io.hashdesk.economics.RigEconomics;
import io.hashdesk.economics.RigGroupSpec;
import io.hashdesk.economics.SiteTerms;
import io.hashdesk.economics.TimeOfUseTariff;
import io.hashdesk.network.NetworkService;
import io.hashdesk.network.NetworkView;
import io.hashdesk.web.FormErrors;

/**
 * Sites and rig groups, always of one owner: every lookup is by (owner, id), so another operator's
 * id answers 404 exactly like a missing one. Pages, JSON, CSV and the dashboard all come through here.
 * Every write bumps the owner's {@code fleetVersion}.
 */
@ApplicationScoped
public class FleetService {

    /** The first block: a purchase before it is a typo. */
    static final LocalDate GENESIS = LocalDate.of(2009, 1, 3);

    /**
     * An operator's fleet for the economics: {@code fleet.sites().get(i)} is {@code sites.get(i)},
     * {@code fleet.groups().get(j)} is {@code rigs.get(j)} (same id; purchaseUsd for the whole group).
     *
     * @param version changes whenever any of the operator's sites or rigs changes
     */
    public record OperatorFleet(List<Site> sites, List<RigGroup> rigs, Fleet fleet, long version) {
    }

    /** The saved entity, or the errors by field (JSON names, e.g. "tariff.bands[0].days") and nothing saved. */
    public record Saved<T>(T value, FormErrors errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** A site that still hosts rig groups cannot be deleted. */
    public static class SiteInUseException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public final long rigGroups;

        SiteInUseException(String siteName, long rigGroups) {
            super("The site \"" + siteName + "\" still hosts " + rigGroups + " rig group" + (rigGroups == 1 ? "" : "s")
                    + ". Move them to another site or delete them first.");
            this.rigGroups = rigGroups;
        }
    }

    /** Today's figures for a rig group being filled in, or why there are none yet. */
    public record Preview(GroupToday today, NetworkView network, String missing) {
    }

    @Inject
    Validator validator;

    @Inject
    NetworkService network;

    // --- Reading -----------------------------------------------------------------------------

    @Transactional
    public List<Site> sites(Operator owner) {
        return Site.<Site>find("select distinct s from Site s left join fetch s.bands where s.operatorId = ?1",
                owner.id).list().stream()
                .sorted(java.util.Comparator.comparing((Site s) -> s.name.toLowerCase(Locale.ROOT)).thenComparing(s -> s.id))
                .toList();
    }

    /** The owner's site, or 404. */
    @Transactional
    public Site site(Operator owner, long id) {
        return Site.<Site>find("select s from Site s left join fetch s.bands where s.operatorId = ?1 and s.id = ?2",
                owner.id, id).firstResultOptional().orElseThrow(NotFoundException::new);
    }

    @Transactional
    public List<RigGroup> rigs(Operator owner) {
        return RigGroup.<RigGroup>find("select r from RigGroup r join fetch r.site where r.operatorId = ?1 order by r.id",
                owner.id).list();
    }

    /** The owner's rig group, or 404. */
    @Transactional
    public RigGroup rig(Operator owner, long id) {
        return RigGroup.<RigGroup>find("select r from RigGroup r join fetch r.site where r.operatorId = ?1 and r.id = ?2",
                owner.id, id).firstResultOptional().orElseThrow(NotFoundException::new);
    }

    @Transactional
    public long rigCount(Operator owner, long siteId) {
        return RigGroup.count("operatorId = ?1 and site.id = ?2", owner.id, siteId);
    }

    /** The owner's fleet version (one scalar query): lets callers reuse a fleet they already loaded. */
    @Transactional
    public long versionOf(Operator owner) {
        // A scalar query: never a stale copy of the operator from the persistence context.
        return Operator.getEntityManager()
                .createQuery("select o.fleetVersion from Operator o where o.id = :id", Long.class)
                .setParameter("id", owner.id).getResultStream().findFirst().orElse(0L);
    }

    @Transactional
    public OperatorFleet fleetOf(Operator owner) {
        long version = versionOf(owner);
        return assemble(sites(owner), rigs(owner), version);
    }

    /**
     * The fleets of many operators in three queries (the weekly summary's daily ledger for every
     * operator); the same as {@link #fleetOf} for each. Operators without sites are left out.
     */
    @Transactional
    public Map<Long, OperatorFleet> fleetsOf(java.util.Collection<Long> operatorIds) {
        Map<Long, List<Site>> sites = new HashMap<>();
        Site.<Site>find("select distinct s from Site s left join fetch s.bands where s.operatorId in ?1", operatorIds)
                .list().stream()
                .sorted(java.util.Comparator.comparing((Site s) -> s.name.toLowerCase(Locale.ROOT)).thenComparing(s -> s.id))
                .forEach(s -> sites.computeIfAbsent(s.operatorId, k -> new ArrayList<>()).add(s));
        Map<Long, List<RigGroup>> rigs = new HashMap<>();
        RigGroup.<RigGroup>find("select r from RigGroup r join fetch r.site where r.operatorId in ?1 order by r.id",
                operatorIds).list().forEach(r -> rigs.computeIfAbsent(r.operatorId, k -> new ArrayList<>()).add(r));
        Map<Long, Long> versions = new HashMap<>();
        Operator.getEntityManager()
                .createQuery("select o.id, o.fleetVersion from Operator o where o.id in :ids", Object[].class)
                .setParameter("ids", operatorIds).getResultStream()
                .forEach(r -> versions.put((Long) r[0], (Long) r[1]));
        Map<Long, OperatorFleet> out = new HashMap<>();
        sites.forEach((id, list) -> out.put(id, assemble(list, rigs.getOrDefault(id, List.of()),
                versions.getOrDefault(id, 0L))));
        return out;
    }

    private static OperatorFleet assemble(List<Site> sites, List<RigGroup> rigs, long version) {
        Map<Long, Integer> index = new HashMap<>();
        List<SiteTerms> terms = new ArrayList<>(sites.size());
        for (int i = 0; i < sites.size(); i++) {
            index.put(sites.get(i).id, i);
            terms.add(sites.get(i).terms());
        }
        List<RigGroupSpec> specs = new ArrayList<>(rigs.size());
        for (RigGroup rig : rigs) {
            specs.add(new RigGroupSpec(rig.id, index.get(rig.site.id), rig.units, rig.terahashPerUnit,
                    rig.wattsPerUnit, rig.purchaseUsd()));
        }
        return new OperatorFleet(sites, rigs, new Fleet(terms, specs), version);
    }

    // --- Sites -------------------------------------------------------------------------------

    /** The input with its defaults filled in and text trimmed. */
    SiteJson withDefaults(Operator owner, SiteJson in) {
        String zone = in.timezone() == null || in.timezone().isBlank() ? owner.timezone : in.timezone().strip();
        return new SiteJson(in.id(), in.name() == null ? null : in.name().strip(), in.tariff(),
                Objects.requireNonNullElse(in.poolFeePercent(), 0.0),
                Objects.requireNonNullElse(in.hostingUsdPerMonth(), 0.0),
                Objects.requireNonNullElse(in.powerOverhead(), 1.0),
                Objects.requireNonNullElse(in.uptimePercent(), 100.0),
                Objects.requireNonNullElse(in.curtail(), Boolean.FALSE), zone);
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
            long same = Site.count("operatorId = ?1 and lower(name) = ?2 and id <> ?3", owner.id,
                    in.name().toLowerCase(Locale.ROOT), siteId == null ? -1L : siteId);
            if (same > 0) {
                errors.add("name", "You already have a site with this name; rigs and CSV files refer to sites by name.");
            }
        }
        SiteJson.Tariff tariff = in.tariff();
        if (tariff != null && !errors.has("tariff.type")) {
            if (Site.FLAT.equals(tariff.type())) {
                if (tariff.usdPerKwh() == null) {
                    errors.add("tariff.usdPerKwh", "Enter the price of a kWh, e.g. 0.05 USD/kWh.");
                }
            } else if (tariff.bands() == null || tariff.bands().isEmpty()) {
                errors.add("tariff.bands", "Add the bands that price each hour of the week, e.g. Mon-Sun 0 to 24.");
            } else {
                checkBands(tariff.bands(), errors);
            }
        }
        if (!errors.has("timezone") && !isZone(in.timezone())) {
            errors.add("timezone", "Choose a time zone from the list, e.g. America/Chicago.");
        }
        return errors;
    }

    private static void checkBands(List<SiteJson.Band> bands, FormErrors errors) {
        boolean bandErrors = errors.asMap().keySet().stream().anyMatch(k -> k.startsWith("tariff.bands"));
        List<TimeOfUseTariff.Band> parsed = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            SiteJson.Band b = bands.get(i);
            String at = "tariff.bands[" + i + "].";
            if (b == null) {
                bandErrors = true;
                continue;
            }
            if (b.days() != null && !errors.has(at + "days")) {
                try {
                    TimeOfUseTariff.parseDays(b.days());
                } catch (IllegalArgumentException e) {
                    errors.add(at + "days", sentence(e.getMessage()));
                    bandErrors = true;
                }
            }
            if (b.fromHour() != null && b.toHour() != null && b.toHour() <= b.fromHour() && !errors.has(at + "toHour")) {
                errors.add(at + "toHour", "The band must end after it starts (" + b.fromHour()
                        + "); write 24 for midnight, and split a band that runs past midnight in two.");
                bandErrors = true;
            }
            if (!bandErrors) {
                parsed.add(new TimeOfUseTariff.Band(TimeOfUseTariff.parseDays(b.days()), b.fromHour(), b.toHour(),
                        b.usdPerKwh()));
            }
        }
        if (!bandErrors) {
            try {
                new TimeOfUseTariff(parsed);
            } catch (IllegalArgumentException e) {
                errors.add("tariff.bands", sentence(e.getMessage()) + " Each hour of the week needs exactly one price.");
            }
        }
    }

    private static boolean isZone(String zone) {
        if (zone == null || zone.isBlank()) {
            return false;
        }
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static String sentence(String message) {
        String m = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return m.endsWith(".") ? m : m + ".";
    }

    @Transactional
    public Saved<Site> createSite(Operator owner, SiteJson raw) {
        FormErrors errors = check(owner, null, raw);
        if (errors.any()) {
            return new Saved<>(null, errors);
        }
        Site site = new Site();
        site.operatorId = owner.id;
        site.createdAt = Instant.now();
        apply(site, withDefaults(owner, raw));
        site.persist();
        bumpVersion(owner);
        return new Saved<>(site, errors);
    }

    @Transactional
    public Saved<Site> updateSite(Operator owner, long id, SiteJson raw) {
        Site site = site(owner, id);
        FormErrors errors = check(owner, id, raw);
        if (errors.any()) {
            return new Saved<>(site, errors);
        }
        apply(site, withDefaults(owner, raw));
        bumpVersion(owner);
        return new Saved<>(site, errors);
    }

    private static void apply(Site site, SiteJson in) {
        site.name = in.name();
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
                band.usdPerKwh = b.usdPerKwh();
                site.bands.add(band);
            }
        } else {
            site.flatUsdPerKwh = in.tariff().usdPerKwh();
        }
        site.poolFeePercent = in.poolFeePercent();
        site.hostingUsdPerMonth = in.hostingUsdPerMonth();
        site.powerOverhead = in.powerOverhead();
        site.uptimePercent = in.uptimePercent();
        site.curtail = in.curtail();
        site.timezone = in.timezone();
        site.updatedAt = Instant.now();
    }

    /** Deletes the owner's site; 404 if it is not theirs, {@link SiteInUseException} if it still hosts rigs. */
    @Transactional
    public void deleteSite(Operator owner, long id) {
        Site site = site(owner, id);
        long rigs = rigCount(owner, id);
        if (rigs > 0) {
            throw new SiteInUseException(site.name, rigs);
        }
        site.delete();
        try {
            // A rig added to this site at the same moment by another request: the foreign key refuses
            // the delete; answer as for any site in use, not with a server error.
            Site.flush();
        } catch (jakarta.persistence.PersistenceException e) {
            throw new SiteInUseException(site.name, Math.max(1, rigs));
        }
        bumpVersion(owner);
    }

    // --- Rig groups --------------------------------------------------------------------------

    /** Every rule a rig group must meet, by field (JSON names); empty when it can be saved. */
    @Transactional
    public FormErrors check(Operator owner, Long rigId, RigJson in) {
        return check(owner, rigId, in, null);
    }

    /** @param ownSiteIds the owner's site ids when the caller has them already (import), else null */
    private FormErrors check(Operator owner, Long rigId, RigJson in, java.util.Set<Long> ownSiteIds) {
        FormErrors errors = FormErrors.of(validator.validate(in));
        if (rigId != null && in.id() != null && !in.id().equals(rigId)) {
            errors.add("id", "The id in the body does not match the address.");
        }
        boolean owned = in.siteId() == null || (ownSiteIds != null ? ownSiteIds.contains(in.siteId())
                : ownSite(owner, in.siteId()) != null);
        if (!owned) {
            errors.add("siteId", "Choose one of your sites.");
        }
        if (in.purchaseDate() != null) {
            LocalDate today = LocalDate.now(zoneOf(owner));
            if (in.purchaseDate().isAfter(today)) {
                errors.add("purchaseDate", "The purchase date cannot be in the future.");
            } else if (in.purchaseDate().isBefore(GENESIS)) {
                errors.add("purchaseDate", "The purchase date cannot be before Bitcoin existed (3 January 2009).");
            }
        }
        return errors;
    }

    private static ZoneId zoneOf(Operator owner) {
        return isZone(owner.timezone) ? ZoneId.of(owner.timezone) : ZoneId.of("UTC");
    }

    private static Site ownSite(Operator owner, long siteId) {
        return Site.<Site>find("operatorId = ?1 and id = ?2", owner.id, siteId).firstResult();
    }

    @Transactional
    public Saved<RigGroup> createRig(Operator owner, RigJson in) {
        FormErrors errors = check(owner, null, in);
        if (errors.any()) {
            return new Saved<>(null, errors);
        }
        RigGroup rig = new RigGroup();
        rig.operatorId = owner.id;
        rig.createdAt = Instant.now();
        apply(rig, in, ownSite(owner, in.siteId()));
        rig.persist();
        bumpVersion(owner);
        return new Saved<>(rig, errors);
    }

    @Transactional
    public Saved<RigGroup> updateRig(Operator owner, long id, RigJson in) {
        RigGroup rig = rig(owner, id);
        FormErrors errors = check(owner, id, in);
        if (errors.any()) {
            return new Saved<>(rig, errors);
        }
        apply(rig, in, ownSite(owner, in.siteId()));
        bumpVersion(owner);
        return new Saved<>(rig, errors);
    }

    private static void apply(RigGroup rig, RigJson in, Site site) {
        rig.site = site;
        rig.model = in.model().strip();
        rig.units = in.units();
        rig.terahashPerUnit = in.terahash();
        rig.wattsPerUnit = in.watts();
        rig.purchaseUsdPerUnit = in.purchaseUsd();
        rig.purchaseDate = in.purchaseDate();
        rig.notes = in.notes() == null || in.notes().isBlank() ? null : in.notes().strip();
        rig.updatedAt = Instant.now();
    }

    @Transactional
    public void deleteRig(Operator owner, long id) {
        rig(owner, id).delete();
        bumpVersion(owner);
    }

    /**
     * Adds every row or none: the rows are checked first (site names resolved against the owner's
     * sites), and any error is reported by line and column with nothing saved.
     */
    @Transactional
    public RigCsv.Outcome importRigs(Operator owner, List<RigCsv.Row> rows) {
        Map<String, Long> sitesByName = new HashMap<>();
        for (Site s : Site.<Site>list("operatorId", owner.id)) {
            sitesByName.put(s.name.toLowerCase(Locale.ROOT), s.id);
        }
        java.util.Set<Long> ownSiteIds = java.util.Set.copyOf(sitesByName.values());
        List<RigCsv.LineError> errors = new ArrayList<>();
        List<RigJson> valid = new ArrayList<>();
        for (RigCsv.Row row : rows) {
            FormErrors cellErrors = FormErrors.none();
            RigJson in = row.toJson(sitesByName, cellErrors);
            merge(cellErrors, check(owner, null, in, ownSiteIds));
            cellErrors.asMap().forEach((field, message) ->
                    errors.add(new RigCsv.LineError(row.line(), RigCsv.column(field), message)));
            valid.add(in);
        }
        if (!errors.isEmpty()) {
            return new RigCsv.Outcome(0, errors);
        }
        Instant now = Instant.now();
        Map<Long, Site> sites = new HashMap<>();
        for (RigJson in : valid) {
            RigGroup rig = new RigGroup();
            rig.operatorId = owner.id;
            rig.createdAt = now;
            apply(rig, in, sites.computeIfAbsent(in.siteId(), id -> ownSite(owner, id)));
            rig.persist();
        }
        if (!valid.isEmpty()) {
            bumpVersion(owner);
        }
        return new RigCsv.Outcome(valid.size(), List.of());
    }

    static FormErrors merge(FormErrors first, FormErrors second) {
        second.asMap().forEach(first::add);
        return first;
    }

    // --- Preview -----------------------------------------------------------------------------

    /** Today's figures for a group as filled in so far (nothing is saved). */
    @Transactional
    public Preview preview(Operator owner, RigJson in, FormErrors parseErrors) {
        FormErrors errors = merge(FormErrors.none(), parseErrors);
        merge(errors, FormErrors.of(validator.validate(in)));
        Site site = in.siteId() == null ? null : ownSite(owner, in.siteId());
        if (site == null) {
            return new Preview(null, null, "Choose a site to see today's figures.");
        }
        for (String field : List.of("units", "terahash", "watts", "purchaseUsd")) {
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
        Double purchase = in.purchaseUsd() == null ? null : in.purchaseUsd() * in.units();
        RigGroupSpec spec = new RigGroupSpec(0, 0, in.units(), in.terahash(), in.watts(), purchase);
        // The site's hosting fee is shared with the groups already there (by power draw), as it will be once saved.
        List<RigGroupSpec> groups = new ArrayList<>();
        for (RigGroup other : RigGroup.<RigGroup>list("operatorId = ?1 and site.id = ?2", owner.id, site.id)) {
            if (!other.id.equals(in.id())) {
                groups.add(new RigGroupSpec(other.id, 0, other.units, other.terahashPerUnit, other.wattsPerUnit, null));
            }
        }
        groups.add(spec);
        List<GroupToday> today = RigEconomics.today(new Fleet(List.of(site.terms()), groups), view.state(),
                Instant.now()).groups();
        return new Preview(today.get(today.size() - 1), view, null);
    }

    private static void bumpVersion(Operator owner) {
        Operator.update("fleetVersion = fleetVersion + 1 where id = ?1", owner.id);
    }
}
