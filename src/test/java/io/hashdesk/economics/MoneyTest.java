package io.hashdesk.economics;

import static io.hashdesk.testing.Networks.AS_OF;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A period's money: the weeks the projection page lists add up to the horizon's totals it shows. */
class MoneyTest {

    @Test
    void weeksAddUpToTheHorizonsTotals() {
        // 100 days through a retarget: fourteen whole weeks and a last week of two days.
        NetworkState net = new NetworkState(71_000, 1.355e14, 935_000, 0.03, -14, 935_424,
                AS_OF.plusSeconds(10L * 86_400 + 43_200));
        Fleet fleet = new Fleet(List.of(SiteTerms.flat(0.06)), List.of(new RigGroupSpec(7, 0, 10, 200, 3500, null)));
        ProjectionResult r = Projection.run(fleet, net, new Scenario("t", 100, -2, 3, null), AS_OF);
        Money weeks = Money.ZERO;
        for (int start = 0; start < r.days(); start += 7) {
            weeks = weeks.plus(r.money(start, Math.min(r.days(), start + 7)));
        }
        Money t = r.totals();
        assertEquals(t.btc(), weeks.btc(), Math.abs(t.btc()) * 1e-12);
        assertEquals(t.revenueUsd(), weeks.revenueUsd(), Math.abs(t.revenueUsd()) * 1e-12);
        assertEquals(t.poolFeeUsd(), weeks.poolFeeUsd(), Math.abs(t.poolFeeUsd()) * 1e-12);
        assertEquals(t.powerCostUsd(), weeks.powerCostUsd(), Math.abs(t.powerCostUsd()) * 1e-12);
        assertEquals(t.hostingUsd(), weeks.hostingUsd(), Math.abs(t.hostingUsd()) * 1e-12 + 1e-12);
        assertEquals(t.profitUsd(), weeks.profitUsd(), Math.abs(t.profitUsd()) * 1e-12);
        assertEquals(r.cumulativeProfitUsd()[99], t.profitUsd(), Math.abs(t.profitUsd()) * 1e-12);
    }

    @Test
    void plusAddsEachFigure() {
        Money a = new Money(0.001, 70, 1.4, 30, 5, 33.6);
        Money b = new Money(0.002, 140, 2.8, 60, 10, 67.2);
        Money sum = a.plus(b);
        assertEquals(0.003, sum.btc(), 1e-15);
        assertEquals(210, sum.revenueUsd(), 1e-12);
        assertEquals(4.2, sum.poolFeeUsd(), 1e-12);
        assertEquals(90, sum.powerCostUsd(), 1e-12);
        assertEquals(15, sum.hostingUsd(), 1e-12);
        assertEquals(100.8, sum.profitUsd(), 1e-12);
        assertEquals(a, a.plus(Money.ZERO));
    }
}
