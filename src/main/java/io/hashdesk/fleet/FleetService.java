package io.hashdesk.fleet;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.hashdesk.account.Operator;
import io.hashdesk.currency.CurrencyService;
import io.hashdesk.currency.Rates;
import io.hashdesk.economics.Fleet;
import io.hashdesk.economics.RigGroupSpec;
import io.hashdesk.economics.SiteTerms;
import io.hashdesk.network.NetworkService;
import io.hashdesk.network.NetworkView;

/**
 * Where ownership is enforced: every read of a site or rig group is by (owner, id), so another
 * operator's id answers 404 exactly like a missing one, and every write of an operator's fleet
 * starts by locking that operator ({@link #lockOwner}), so two writes to one fleet never interleave
 * (a site deleted while a rig is added to it waits for the other, and then sees it). The jobs that
 * change the fleet live beside it: {@link SiteService}, {@link RigService}, {@link RigImportService};
 * {@link RigPreviewService} prices a group being filled in.
 */
@ApplicationScoped
public class FleetService {

    /** At most this many sites per operator. */
    public static final int MAX_SITES = 1_000;
    /** At most this many rig groups per operator. */
    public static final int MAX_RIG_GROUPS = 20_000;

    @Inject
    CurrencyService currencies;

    @Inject
    NetworkService network;

    /**
     * An operator's fleet for the economics: {@code fleet.sites().get(i)} is {@code sites.get(i)},
     * {@code fleet.groups().get(j)} is {@code rigs.get(j)} (same id; purchaseUsd for the whole group).
     *
     * Amounts entered in another currency are in USD in {@code fleet}, at the rates of the snapshot
     * {@code pricedAt}; a fleet entered only in USD is the same at every snapshot ({@code pricedAt} -1).
     *
     * @param version changes whenever any of the operator's sites or rigs changes (or its entered rates)
     */
    public record OperatorFleet(List<Site> sites, List<RigGroup> rigs, Fleet fleet, long version, long pricedAt) {

        /** Whether any tariff, hosting fee or purchase price is entered in a currency other than USD. */
        public boolean foreign() {
            return pricedAt != -1;
        }

        /** Whether these figures hold at the snapshot (a USD-only fleet holds at every snapshot). */
        public boolean pricedFor(long snapshot) {
            return pricedAt == -1 || pricedAt == snapshot;
        }

        /** The same fleet priced at other rates (a ledger day's); itself when it is entered only in USD. */
        public OperatorFleet at(Rates rates) {
            return foreign() ? assemble(sites, rigs, version, () -> rates) : this;
        }

        /** The same fleet with some sites' uptime replaced (site id to percent): a projection at measured uptime. */
        public OperatorFleet withUptimes(Map<Long, Double> uptimeBySite) {
            if (uptimeBySite.isEmpty()) {
                return this;
            }
            List<SiteTerms> terms = new ArrayList<>(sites.size());
            for (int i = 0; i < sites.size(); i++) {
                SiteTerms t = fleet.sites().get(i);
                Double uptime = uptimeBySite.get(sites.get(i).id);
                terms.add(uptime == null ? t : new SiteTerms(t.tariff(), t.powerOverhead(), t.poolFeePercent(),
                        t.hostingUsdPerMonth(), uptime, t.curtail(), t.zone()));
            }
            return new OperatorFleet(sites, rigs, new Fleet(terms, fleet.groups()), version, pricedAt);
        }
    }

    // --- Reading -----------------------------------------------------------------------------

    @Transactional
    public List<Site> sites(Operator owner) {
        return Site.<Site>find("select distinct s from Site s left join fetch s.bands where s.operatorId = ?1",
                owner.id).list().stream()
                .sorted(Comparator.comparing((Site s) -> s.name.toLowerCase(Locale.ROOT)).thenComparing(s -> s.id))
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
        // A scalar query: never a stale copy of the operator from the persistence context. A list, not a
        // stream left unclosed: that would hold its statement open until the transaction ends.
        return Operator.getEntityManager()
                .createQuery("select o.fleetVersion from Operator o where o.id = :id", Long.class)
                .setParameter("id", owner.id).getResultList().stream().findFirst().orElse(0L);
    }

    /** The owner's fleet priced at the latest snapshot's rates. */
    @Transactional
    public OperatorFleet fleetOf(Operator owner) {
        return fleetOf(owner, null);
    }

    /** The owner's fleet priced at the rates of {@code view} (null: the latest snapshot), read only if needed. */
    @Transactional
    public OperatorFleet fleetOf(Operator owner, NetworkView view) {
        long version = versionOf(owner);
        return assemble(sites(owner), rigs(owner), version,
                () -> currencies.pricing(owner.id, view == null ? network.latest() : view));
    }

    /**
     * The fleets of many operators in three queries (the weekly summary's daily ledger for every
     * operator, the alerts); the same as {@link #fleetOf} for each, priced at the latest snapshot's
     * rates (a fourth query for the rates entered, when a fleet needs them). Operators without sites are left out.
     */
    @Transactional
    public Map<Long, OperatorFleet> fleetsOf(Collection<Long> operatorIds) {
        Map<Long, List<Site>> sites = new HashMap<>();
        Site.<Site>find("select distinct s from Site s left join fetch s.bands where s.operatorId in ?1", operatorIds)
                .list().stream()
                .sorted(Comparator.comparing((Site s) -> s.name.toLowerCase(Locale.ROOT)).thenComparing(s -> s.id))
                .forEach(s -> sites.computeIfAbsent(s.operatorId, k -> new ArrayList<>()).add(s));
        Map<Long, List<RigGroup>> rigs = new HashMap<>();
        RigGroup.<RigGroup>find("select r from RigGroup r join fetch r.site where r.operatorId in ?1 order by r.id",
                operatorIds).list().forEach(r -> rigs.computeIfAbsent(r.operatorId, k -> new ArrayList<>()).add(r));
        Map<Long, Long> versions = new HashMap<>();
        Operator.getEntityManager()
                .createQuery("select o.id, o.fleetVersion from Operator o where o.id in :ids", Object[].class)
                .setParameter("ids", operatorIds).getResultList()
                .forEach(r -> versions.put((Long) r[0], (Long) r[1]));
        List<Long> foreign = sites.keySet().stream()
                .filter(id -> foreign(sites.get(id), rigs.getOrDefault(id, List.of()))).toList();
        Map<Long, List<CurrencyService.Entered>> entered = new HashMap<>();
        NetworkView view = foreign.isEmpty() ? null : network.latest();
        if (!foreign.isEmpty()) {
            entered.putAll(currencies.entered(foreign));
        }
        Map<String, Double> live = view == null ? Map.of() : currencies.live(view);
        Map<Long, OperatorFleet> out = new HashMap<>();
        sites.forEach((id, list) -> out.put(id, assemble(list, rigs.getOrDefault(id, List.of()),
                versions.getOrDefault(id, 0L),
                () -> currencies.pricing(live, view.version(), entered.getOrDefault(id, List.of())))));
        return out;
    }

    private static boolean foreign(List<Site> sites, List<RigGroup> rigs) {
        return sites.stream().anyMatch(Site::foreign) || rigs.stream().anyMatch(r -> !"USD".equals(r.purchaseCurrency));
    }

    /**
     * The economics' inputs: every amount in USD, at the rates given (asked for only when an amount is
     * entered in another currency). The one place entered currencies become USD.
     */
    static OperatorFleet assemble(List<Site> sites, List<RigGroup> rigs, long version, Supplier<Rates> ratesOf) {
        Rates rates = foreign(sites, rigs) ? ratesOf.get() : Rates.USD_ONLY;
        Map<Long, Integer> index = new HashMap<>();
        List<SiteTerms> terms = new ArrayList<>(sites.size());
        for (int i = 0; i < sites.size(); i++) {
            index.put(sites.get(i).id, i);
            terms.add(sites.get(i).terms(rates));
        }
        List<RigGroupSpec> specs = new ArrayList<>(rigs.size());
        for (RigGroup rig : rigs) {
            specs.add(new RigGroupSpec(rig.id, index.get(rig.site.id), rig.units, rig.terahashPerUnit,
                    rig.wattsPerUnit, rig.purchaseUsd(rates)));
        }
        return new OperatorFleet(sites, rigs, new Fleet(terms, specs), version, rates.snapshot());
    }

    /** The rates an entry is checked and answered at: the latest snapshot's, and the owner's own. */
    public Rates ratesNow(Operator owner) {
        return currencies.pricing(owner.id, network.latest());
    }

    /** {@link #ratesNow} when {@code needed}, else USD alone (no query). */
    public Rates ratesFor(Operator owner, boolean needed) {
        return needed ? ratesNow(owner) : Rates.USD_ONLY;
    }

    // --- For the services that change the fleet (inside their transaction) ---------------------

    /**
     * Locks the owner's row until the transaction ends: the first thing every fleet write does, so
     * the checks that follow see every write of this fleet that committed before, and none can slip
     * in between a check and the write it allows.
     */
    void lockOwner(Operator owner) {
        // SELECT ... FOR UPDATE on the operator's row (H2 and PostgreSQL alike).
        Operator.getEntityManager().find(Operator.class, owner.id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The owner's site, or null (never another operator's). */
    static Site ownSite(Operator owner, long siteId) {
        return Site.<Site>find("operatorId = ?1 and id = ?2", owner.id, siteId).firstResult();
    }

    static long siteCount(Operator owner) {
        return Site.count("operatorId", owner.id);
    }

    static long rigGroupCount(Operator owner) {
        return RigGroup.count("operatorId", owner.id);
    }

    /** Tells the caches of the owner's figures (dashboard, projection) that the fleet changed. */
    static void bumpVersion(Operator owner) {
        Operator.update("fleetVersion = fleetVersion + 1 where id = ?1", owner.id);
    }

    static boolean isZone(String zone) {
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

    static ZoneId zoneOf(Operator owner) {
        return isZone(owner.timezone) ? ZoneId.of(owner.timezone) : ZoneId.of("UTC");
    }
}
