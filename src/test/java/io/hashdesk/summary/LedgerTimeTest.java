package io.hashdesk.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.hashdesk.account.Operator;
import io.hashdesk.economics.FlatTariff;
import io.hashdesk.economics.Fleet;
import io.hashdesk.economics.FleetToday;
import io.hashdesk.economics.RigEconomics;
import io.hashdesk.economics.RigGroupSpec;
import io.hashdesk.economics.SiteTerms;
import io.hashdesk.network.NetworkSnapshot;
import io.hashdesk.testing.Fleets;
import io.hashdesk.testing.Operators;
import io.hashdesk.testing.Snapshots;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The ledger's days in time (issue 17): snapshots weighted by the time each was in force, a day recorded
 * as soon as the clock passes its end, 23- and 25-hour days, and the fleet's first day from its set-up.
 * Days in 2026 far from the other tests' dates, so their snapshots do not mix.
 */
@QuarkusTest
class LedgerTimeTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final double D = 1.355e14;

    @Inject
    Ledger ledger;

    final List<NetworkSnapshot> snapshots = new ArrayList<>();

    @AfterEach
    void removeSnapshots() {
        Snapshots.delete(snapshots);
        snapshots.clear();
    }

    record Miner(Operator operator, Fleet fleet) {
    }

    /** {@code units} S21 (200 TH/s at 3,500 W) at 0.06 USD/kWh, no fee, no hosting, set up at {@code since}. */
    Miner miner(String hint, long units, ZoneId zone, Instant since) {
        Operators.Session s = Operators.newSignedIn(hint);
        long site = Fleets.site(s, "Barn").usdPerKwh(0.06).poolFeePercent(0).hostingUsdPerMonth(0).timezone(zone.getId()).create();
        long rig = Fleets.rig(s, site, "S21").units(units).terahash(200).watts(3500).create();
        Operator o = Operators.operator(s.email());
        Fixtures.timezone(o.id, zone.getId());
        Fixtures.backdate(o.id, since, since);
        Fleet fleet = new Fleet(List.of(new SiteTerms(new FlatTariff(0.06), 1, 0, 0, 100, false, zone)),
                List.of(new RigGroupSpec(rig, 0, units, 200, 3500, null)));
        return new Miner(Operators.operator(s.email()), fleet);
    }

    NetworkSnapshot snapshot(Instant at, double price, double difficulty) {
        NetworkSnapshot s = Snapshots.stored(at, price, difficulty);
        snapshots.add(s);
        return s;
    }

    static LedgerDay row(Miner m, LocalDate date) {
        return QuarkusTransaction.requiringNew().call(() -> LedgerDay
                .<LedgerDay>find("operatorId = ?1 and date = ?2", m.operator().id, date).firstResult());
    }

    FleetToday today(Miner m, NetworkSnapshot s) {
        return RigEconomics.today(m.fleet(), Ledger.state(s), s.fetchedAt);
    }

    /**
     * 1,000 S21 at 0.06 USD/kWh, a -14 % retarget at 23:00: the day is 23 hours at the old difficulty and
     * one at the new, about 1,656 USD, not 2,694 (the whole day at the last snapshot). The day is recorded
     * at 00:00:30 (send hour 0), before any snapshot of the next day exists.
     */
    @Test
    void aDayWeighsItsSnapshotsByTheTimeEachWasInForceAndIsRecordedOnceItEnds() {
        ZoneId utc = ZoneId.of("UTC");
        LocalDate day = LocalDate.of(2026, 4, 14);
        Instant start = day.atStartOfDay(utc).toInstant();
        Miner m = miner("weighted", 1000, utc, start.minusSeconds(86_400 * 3));
        NetworkSnapshot before = snapshot(start, 71_000, D);
        NetworkSnapshot after = snapshot(start.plusSeconds(23 * 3600), 71_000, D * 0.86);

        ledger.recordDue(start.plusSeconds(86_400 + 30));
        LedgerDay row = row(m, day);
        assertNotNull(row, "recorded at 00:00:30, from the snapshots it has");
        double expected = today(m, before).profitUsd() * 23 / 24 + today(m, after).profitUsd() / 24;
        assertEquals(1656, expected, 1);
        assertEquals(expected, row.profitUsd, 1e-6);
        assertEquals(after.id, row.snapshotId, "the last snapshot in force");
        assertEquals(D * (23 + 0.86) / 24, row.difficulty, D * 1e-12);
        assertEquals(24, row.hours, 1e-9);
        assertEquals(expected, row.keepRunningProfitUsd, 1e-6, "every group earns: nothing to switch off");
    }

    /** Chicago's clock changes: 8 March 2026 has 23 hours, 1 November 25; 100 S21 earn 665.12 USD in 24. */
    @Test
    void daysAcrossAClockChangeAreRecordedWithTheirTrueLength() {
        LocalDate spring = LocalDate.of(2026, 3, 8), autumn = LocalDate.of(2026, 11, 1);
        Miner m = miner("dst", 100, CHICAGO, spring.minusDays(2).atStartOfDay(CHICAGO).toInstant());
        NetworkSnapshot s1 = snapshot(spring.atStartOfDay(CHICAGO).toInstant().plusSeconds(3600), 71_000, D);
        ledger.recordDue(spring.plusDays(1).atStartOfDay(CHICAGO).toInstant().plusSeconds(60));
        LedgerDay short23 = row(m, spring);
        double full = today(m, s1).revenueUsd();
        assertEquals(665.12, full, 0.01);
        assertEquals(23, short23.hours, 1e-9);
        assertEquals(full * 23 / 24, short23.revenueUsd, 1e-6);
        assertEquals(637.41, short23.revenueUsd, 0.01);

        // The autumn day, for an operator set up just before it (the spring snapshots are long gone by then).
        Miner n = miner("dst-autumn", 100, CHICAGO, autumn.minusDays(1).atStartOfDay(CHICAGO).toInstant());
        NetworkSnapshot s2 = snapshot(autumn.atStartOfDay(CHICAGO).toInstant().plusSeconds(3600), 71_000, D);
        ledger.recordDue(autumn.plusDays(1).atStartOfDay(CHICAGO).toInstant().plusSeconds(60));
        LedgerDay long25 = row(n, autumn);
        assertEquals(25, long25.hours, 1e-9);
        assertEquals(today(n, s2).revenueUsd() * 25 / 24, long25.revenueUsd, 1e-6);
        assertEquals(692.84, long25.revenueUsd, 0.01);
    }

    /** A fleet set up at 14:00 earns 10 hours on its first day, not 24; the day before it stays empty. */
    @Test
    void theFirstDayCountsOnlyTheHoursSinceTheFleetExisted() {
        ZoneId utc = ZoneId.of("UTC");
        LocalDate day = LocalDate.of(2026, 5, 20);
        Instant start = day.atStartOfDay(utc).toInstant();
        Miner m = miner("first-day", 10, utc, start.plusSeconds(14 * 3600));
        NetworkSnapshot s = snapshot(start.plusSeconds(3600), 71_000, D);
        snapshot(start.plusSeconds(20 * 3600), 71_000, D);
        ledger.recordDue(start.plusSeconds(86_400 + 60));
        LedgerDay row = row(m, day);
        assertEquals(10, row.hours, 1e-9);
        assertEquals(today(m, s).revenueUsd() * 10 / 24, row.revenueUsd, 1e-6);
        assertEquals(today(m, s).powerCostUsd() * 10 / 24, row.powerCostUsd, 1e-6);
        assertNull(row(m, day.minusDays(1)));
    }
}
