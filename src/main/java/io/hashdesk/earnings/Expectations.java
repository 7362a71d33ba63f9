package io.hashdesk.earnings;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.hashdesk.economics.Consensus;
import io.hashdesk.economics.ExpectedEarnings;
import io.hashdesk.fleet.RigGroup;

/**
 * What the rigs an account covers (its site's groups, or the whole fleet) earn in expectation on
 * past UTC days, at each day's stored network state ({@link NetworkHistory}); days without history
 * are left out rather than invented.
 */
@ApplicationScoped
public class Expectations {

    @Inject
    NetworkHistory history;

    /** A covered group: TH/s of all its units, its site's uptime and pool fee. */
    record Covered(long siteId, double terahash, double uptimePercent, double poolFeePercent) {
    }

    /** Expected BTC of one day: at the sites' configured uptime, and at 100 % uptime. */
    public record Expected(double btc, double fullUptimeBtc, double nameplateThs, Double priceUsd) {
    }

    /** The owner's groups the account covers. */
    @Transactional
    public List<Covered> covered(long operatorId, Long siteId) {
        List<RigGroup> rigs = siteId == null
                ? RigGroup.<RigGroup>list("select r from RigGroup r join fetch r.site where r.operatorId = ?1", operatorId)
                : RigGroup.<RigGroup>list("select r from RigGroup r join fetch r.site where r.operatorId = ?1 and r.site.id = ?2",
                        operatorId, siteId);
        List<Covered> out = new ArrayList<>(rigs.size());
        for (RigGroup r : rigs) {
            out.add(new Covered(r.site.id, r.units * r.terahashPerUnit, r.site.uptimePercent, r.site.poolFeePercent));
        }
        return out;
    }

    /**
     * Every group of the owner, by site, in one query of plain columns (a report over many accounts
     * reads the fleet once); an account covers its site's list, or all of them for the whole fleet.
     */
    @Transactional
    public Map<Long, List<Covered>> coveredBySite(long operatorId) {
        List<Object[]> rows = RigGroup.getEntityManager().createQuery("select s.id, r.units * r.terahashPerUnit,"
                + " s.uptimePercent, s.poolFeePercent from RigGroup r join r.site s where r.operatorId = ?1", Object[].class)
                .setParameter(1, operatorId).getResultList();
        Map<Long, List<Covered>> out = new HashMap<>();
        for (Object[] r : rows) {
            long site = ((Number) r[0]).longValue();
            out.computeIfAbsent(site, k -> new ArrayList<>()).add(new Covered(site, ((Number) r[1]).doubleValue(),
                    ((Number) r[2]).doubleValue(), ((Number) r[3]).doubleValue()));
        }
        return out;
    }

    /** The nameplate TH/s of the covered groups. */
    double nameplate(List<Covered> groups) {
        return groups == null ? 0 : groups.stream().mapToDouble(Covered::terahash).sum();
    }

    /** Expected BTC at full uptime per day, for the days with network history. */
    public Map<LocalDate, Double> fullUptimeBtc(long operatorId, Long siteId, Collection<LocalDate> days) {
        Map<LocalDate, Double> out = new HashMap<>();
        expected(covered(operatorId, siteId), history.days(days)).forEach((d, e) -> out.put(d, e.fullUptimeBtc()));
        return out;
    }

    /** Expected BTC per day for the covered groups, for the days in {@code network}. */
    public static Map<LocalDate, Expected> expected(List<Covered> covered, Map<LocalDate, NetworkHistory.Day> network) {
        List<Covered> groups = bySiteTerms(covered);
        Map<LocalDate, Expected> out = new HashMap<>();
        network.forEach((date, day) -> {
            List<ExpectedEarnings.Stretch> stretches = stretches(date, day);
            double btc = 0;
            double full = 0;
            double ths = 0;
            for (Covered g : groups) {
                btc += ExpectedEarnings.btc(g.terahash(), g.uptimePercent(), g.poolFeePercent(), stretches);
                full += ExpectedEarnings.btc(g.terahash(), 100, g.poolFeePercent(), stretches);
                ths += g.terahash();
            }
            out.put(date, new Expected(btc, full, ths, day.priceUsd()));
        });
        return out;
    }

    /**
     * The groups summed by uptime and pool fee: the expectation is linear in TH/s, so a site's hundred
     * groups cost one computation a day instead of a hundred.
     */
    static List<Covered> bySiteTerms(List<Covered> groups) {
        Map<List<Double>, Covered> sums = new java.util.LinkedHashMap<>();
        for (Covered g : groups) {
            sums.merge(List.of(g.uptimePercent(), g.poolFeePercent()), g, (a, b) -> new Covered(a.siteId(),
                    a.terahash() + b.terahash(), a.uptimePercent(), a.poolFeePercent()));
        }
        return new ArrayList<>(sums.values());
    }

    /**
     * The day in stretches of one difficulty and one subsidy each: split at a retarget inside it and at
     * a halving inside it (the halving block's time).
     */
    static List<ExpectedEarnings.Stretch> stretches(LocalDate date, NetworkHistory.Day day) {
        long start = date.atStartOfDay().toInstant(ZoneOffset.UTC).getEpochSecond();
        long retarget = day.retargetAt() == null || day.difficultyAfter() == null ? -1
                : day.retargetAt().getEpochSecond() - start;
        long halving = day.halvingAt() == null ? -1 : day.halvingAt().getEpochSecond() - start;
        double before = Consensus.subsidyBtc(day.height()) + day.feesPerBlockBtc();
        double after = Consensus.subsidyBtc(Consensus.nextHalvingHeight(day.height())) + day.feesPerBlockBtc();
        java.util.TreeSet<Long> cuts = new java.util.TreeSet<>(List.of(0L, 86_400L));
        if (retarget > 0 && retarget < 86_400) {
            cuts.add(retarget);
        }
        if (halving > 0 && halving < 86_400) {
            cuts.add(halving);
        }
        List<ExpectedEarnings.Stretch> out = new ArrayList<>(cuts.size() - 1);
        Long from = null;
        for (long to : cuts) {
            if (from != null) {
                double difficulty = retarget > 0 && from >= retarget ? day.difficultyAfter() : day.difficulty();
                double reward = halving > 0 && from >= halving ? after : before;
                out.add(new ExpectedEarnings.Stretch(to - from, difficulty, reward));
            }
            from = to;
        }
        return out;
    }
}
