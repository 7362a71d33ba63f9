package io.hashdesk.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hashdesk.currency.Fx;

/**
 * The past week as earned, without a Quarkus start: a site account's report replaces that site's modelled
 * revenue after the model's pool fee, a whole-fleet account's the whole day's; a day no pool reported stays
 * modelled; a day without a stored price takes the ledger day's; a ledger day takes the UTC day holding its noon.
 */
class PastEarnedTest {

    static final ZoneId UTC = ZoneId.of("UTC");
    static final LocalDate MON = LocalDate.of(2026, 11, 23);

    /** A recorded day: Prairie (site 1) models 100 USD of revenue and 2 USD of pool fee, Downtown (2) 50 and 0. */
    static Ledger.Day day(LocalDate date, String zone) {
        LedgerDay r = new LedgerDay();
        r.date = date;
        r.timezone = zone;
        r.priceUsd = 70_000;
        r.revenueUsd = 150;
        r.poolFeeUsd = 2;
        r.powerCostUsd = 60;
        r.hostingUsd = 10;
        r.profitUsd = 78;
        r.sites = "[{\"siteId\":1,\"name\":\"Prairie\",\"btc\":0.0014,\"revenueUsd\":100,\"poolFeeUsd\":2,"
                + "\"powerCostUsd\":40,\"hostingUsd\":10,\"profitUsd\":48},"
                + "{\"siteId\":2,\"name\":\"Downtown\",\"btc\":0.0007,\"revenueUsd\":50,\"poolFeeUsd\":0,"
                + "\"powerCostUsd\":20,\"hostingUsd\":0,\"profitUsd\":30}]";
        return new Ledger.Day(date, r, false);
    }

    static PastEarned earned(List<Ledger.Day> days, List<PastEarned.Account> accounts, List<PastEarned.Credit> credits,
            Map<LocalDate, Double> prices) {
        return PastEarned.of(days, accounts, credits, prices, LedgerMoney.of(days, Fx.USD), UTC);
    }

    @Test
    void aSiteAccountReplacesItsSitesModelledRevenueAndTheRestStaysModelled() {
        List<Ledger.Day> days = List.of(day(MON, "UTC"), day(MON.plusDays(1), "UTC"));
        PastEarned e = earned(days, List.of(new PastEarned.Account(7, 1L)),
                List.of(new PastEarned.Credit(7, MON, 0.001)), Map.of(MON, 90_000.0));
        PastEarned.Day mon = e.day(days.get(0));
        assertThat(mon.basis()).isEqualTo(PastEarned.PARTLY);
        assertThat(mon.siteNames()).isEqualTo("Prairie");
        assertThat(mon.creditedUsd()).isCloseTo(90, within(1e-9));
        // 78 − (100 − 2) + 90
        assertThat(mon.earnedUsd()).isCloseTo(70, within(1e-9));
        PastEarned.Day tue = e.day(days.get(1));
        assertThat(tue.basis()).isEqualTo(PastEarned.MODELLED);
        assertThat(tue.earnedUsd()).isEqualTo(78);
        assertThat(e.totalUsd()).isCloseTo(148, within(1e-9));
        assertThat(e.creditedDays()).isEqualTo("Mon 23 Nov");
        assertThat(e.modelledDays()).isEqualTo("Tue 24 Nov");
        assertThat(e.counts()).isEqualTo("1 day credited by your pool, 1 modelled");
    }

    @Test
    void aWholeFleetAccountReplacesTheWholeDayAndADayWithoutAStoredPriceTakesTheLedgersPrice() {
        List<Ledger.Day> days = List.of(day(MON, "UTC"));
        PastEarned e = earned(days, List.of(new PastEarned.Account(7, null), new PastEarned.Account(8, 2L)),
                List.of(new PastEarned.Credit(7, MON, 0.002), new PastEarned.Credit(8, MON, 0.0005)), Map.of());
        PastEarned.Day mon = e.day(days.get(0));
        assertThat(mon.basis()).isEqualTo(PastEarned.CREDITED);
        assertThat(mon.sites()).isEmpty();
        assertThat(mon.creditedBtc()).isCloseTo(0.0025, within(1e-12));
        // 78 − (150 − 2) + 0.0025 × 70,000 (the ledger day's price: no UTC price stored)
        assertThat(mon.earnedUsd()).isCloseTo(78 - 148 + 175, within(1e-9));
        assertThat(e.modelledDays()).isEqualTo("none");
    }

    @Test
    void everySiteCoveredIsCreditedAndAnotherOperatorsAccountCountsForNothing() {
        List<Ledger.Day> days = List.of(day(MON, "UTC"));
        PastEarned e = earned(days, List.of(new PastEarned.Account(7, 1L), new PastEarned.Account(8, 2L)),
                List.of(new PastEarned.Credit(7, MON, 0.001), new PastEarned.Credit(8, MON, 0.001),
                        new PastEarned.Credit(99, MON, 5)),
                Map.of(MON, 100_000.0));
        PastEarned.Day mon = e.day(days.get(0));
        assertThat(mon.basis()).isEqualTo(PastEarned.CREDITED);
        assertThat(mon.earnedUsd()).isCloseTo(78 - 148 + 200, within(1e-9));
    }

    @Test
    void aLedgerDayTakesTheUtcDayThatOverlapsItMost() {
        assertThat(PastEarned.poolDate(MON, ZoneId.of("America/Chicago"))).isEqualTo(MON);
        assertThat(PastEarned.poolDayStart(MON, ZoneId.of("America/Chicago"))).isEqualTo("18:00 the day before");
        assertThat(PastEarned.poolDate(MON, ZoneId.of("Asia/Tokyo"))).isEqualTo(MON);
        assertThat(PastEarned.poolDayStart(MON, ZoneId.of("Asia/Tokyo"))).isEqualTo("09:00");
        // UTC+13: Monday overlaps Sunday's UTC day from 13:00 on Sunday, 13 hours against 11.
        assertThat(PastEarned.poolDate(MON, ZoneId.of("Pacific/Tongatapu"))).isEqualTo(MON.minusDays(1));
        assertThat(PastEarned.poolDayStart(MON, ZoneId.of("Pacific/Tongatapu"))).isEqualTo("13:00 the day before");
        assertThat(PastEarned.poolDayStart(MON, UTC)).isEqualTo("00:00");

        // A Tongatapu ledger day reads the credit of the UTC day before it.
        List<Ledger.Day> days = new ArrayList<>(List.of(day(MON, "Pacific/Tongatapu")));
        PastEarned e = PastEarned.of(days, List.of(new PastEarned.Account(7, null)),
                List.of(new PastEarned.Credit(7, MON, 1), new PastEarned.Credit(7, MON.minusDays(1), 0.001)),
                Map.of(), LedgerMoney.of(days, Fx.USD), ZoneId.of("Pacific/Tongatapu"));
        assertThat(e.day(days.get(0)).poolDate()).isEqualTo(MON.minusDays(1));
        assertThat(e.day(days.get(0)).creditedBtc()).isEqualTo(0.001);
    }
}
