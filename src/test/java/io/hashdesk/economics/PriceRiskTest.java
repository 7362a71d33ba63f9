package io.hashdesk.economics;

import static io.hashdesk.testing.Networks.AS_OF;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Networks;

/** Price paths (issue 13): bands, probabilities and per-group payback. */
class PriceRiskTest {

    private static final NetworkState NET = new NetworkState(71_000, 1.355e14, 935_000, 0.03, -4, 935_424,
            AS_OF.plusSeconds(6L * 86_400));

    private static double tol(double scale) {
        return 1e-9 * Math.abs(scale) + 1e-9;
    }

    /** Issue 17: the median path's distance below the base case, 3.7 % at 90 days and 14 % at a year at 55 %. */
    @Test
    void theMedianPathLiesBelowTheBaseCaseByTheLogNormalGap() {
        Fleet fleet = PolicyTest.mixedFleet();
        PriceRisk.Result q = PriceRisk.run(fleet, NET, Scenario.base(90), AS_OF, new PriceRisk.Options(20, 55, 1));
        assertEquals(3.7, q.medianPathBelowBasePercent(), 0.05);
        PriceRisk.Result y = PriceRisk.run(fleet, NET, Scenario.base(365), AS_OF, new PriceRisk.Options(20, 55, 1));
        assertEquals(14.0, y.medianPathBelowBasePercent(), 0.05);
        assertEquals(0, PriceRisk.run(fleet, NET, Scenario.base(90), AS_OF, new PriceRisk.Options(20, 0, 1))
                .medianPathBelowBasePercent(), 0);
    }

    @Test
    void withoutVolatilityEveryBandIsTheDeterministicProjection() {
        Fleet fleet = PolicyTest.mixedFleet();
        for (OperatingPolicy policy : OperatingPolicy.values()) {
            Scenario s = new Scenario("bear", 200, -8, 3, null, policy);
            ProjectionResult det = Projection.run(fleet, NET, s, AS_OF);
            PriceRisk.Result risk = PriceRisk.run(fleet, NET, s, AS_OF, new PriceRisk.Options(50, 0, 7));
            for (int d = 0; d < s.days(); d++) {
                double scale = det.revenueUsd()[d];
                for (double[] band : new double[][] { risk.profitP10(), risk.profitP50(), risk.profitP90() }) {
                    assertEquals(det.profitUsd()[d], band[d], tol(scale), policy + " day " + d);
                }
                double cumScale = det.totals().revenueUsd();
                for (double[] band : new double[][] { risk.cumulativeP10(), risk.cumulativeP50(), risk.cumulativeP90() }) {
                    assertEquals(det.cumulativeProfitUsd()[d], band[d], tol(cumScale), policy + " day " + d);
                }
            }
            assertEquals(det.cumulativeProfitUsd()[s.days() - 1] > 0 ? 1.0 : 0.0, risk.probabilityPositive(), 0);
            for (int g = 0; g < fleet.groups().size(); g++) {
                var outcome = det.groups().get(g);
                var gr = risk.groups().get(g);
                assertEquals(outcome.rigId(), gr.rigId());
                if (Double.isNaN(Projection.purchaseCost(fleet.groups().get(g)))) {
                    assertTrue(Double.isNaN(gr.paybackProbability()), "no purchase cost, no payback figure");
                } else {
                    assertEquals(outcome.paysBack() ? 1.0 : 0.0, gr.paybackProbability(), 0, "group " + g);
                    assertEquals(outcome.paybackDay(), gr.medianPaybackDay(), 1e-9, "group " + g);
                }
            }
        }
    }

    @Test
    void aFixedSeedGivesTheSameBandsAndAnotherSeedOthers() {
        Fleet fleet = PolicyTest.mixedFleet();
        Scenario s = new Scenario("flat", 120, 0, 0, null);
        PriceRisk.Result a = PriceRisk.run(fleet, NET, s, AS_OF, new PriceRisk.Options(300, 55, 42));
        PriceRisk.Result b = PriceRisk.run(fleet, NET, s, AS_OF, new PriceRisk.Options(300, 55, 42));
        PriceRisk.Result c = PriceRisk.run(fleet, NET, s, AS_OF, new PriceRisk.Options(300, 55, 43));
        assertArrayEquals(a.cumulativeP10(), b.cumulativeP10(), 0);
        assertArrayEquals(a.cumulativeP90(), b.cumulativeP90(), 0);
        assertArrayEquals(a.profitP50(), b.profitP50(), 0);
        assertEquals(a.groups(), b.groups());
        assertFalse(Arrays.equals(a.cumulativeP10(), c.cumulativeP10()), "the seed matters");
    }

    @Test
    void bandsAreOrderedEveryDayAndWidenWithTime() {
        Fleet fleet = PolicyTest.mixedFleet();
        Scenario s = new Scenario("flat", 365, 0, 2, null);
        PriceRisk.Result r = PriceRisk.run(fleet, NET, s, AS_OF, PriceRisk.Options.defaults());
        for (int d = 0; d < s.days(); d++) {
            assertTrue(r.profitP10()[d] <= r.profitP50()[d] && r.profitP50()[d] <= r.profitP90()[d], "day " + d);
            assertTrue(r.cumulativeP10()[d] <= r.cumulativeP50()[d] && r.cumulativeP50()[d] <= r.cumulativeP90()[d],
                    "day " + d);
        }
        assertEquals(r.profitP10()[0], r.profitP90()[0], 0, "day 0 is today's known price on every path");
        double early = r.cumulativeP90()[30] - r.cumulativeP10()[30];
        double late = r.cumulativeP90()[364] - r.cumulativeP10()[364];
        assertTrue(late > 3 * early && early > 0, early + " -> " + late);
        assertTrue(r.probabilityPositive() > 0 && r.probabilityPositive() < 1);
    }

    @Test
    void paybackProbabilityIsOneWhenEveryPathPaysBackAndZeroWhenNoneCan() {
        SiteTerms cheap = SiteTerms.flat(0.03);
        // The first pays back within its first day on any path (day 0 is today's price); the second never can.
        Fleet fleet = new Fleet(List.of(cheap), List.of(new RigGroupSpec(1, 0, 10, 200, 3500, 10.0),
                new RigGroupSpec(2, 0, 10, 200, 3500, 1e12), new RigGroupSpec(3, 0, 10, 200, 3500, null)));
        PriceRisk.Result r = PriceRisk.run(fleet, NET, new Scenario("x", 365, 0, 0, null), AS_OF,
                new PriceRisk.Options(500, 80, 1));
        assertEquals(1.0, r.groups().get(0).paybackProbability(), 0);
        assertTrue(r.groups().get(0).medianPaybackDay() < 1);
        assertEquals(0.0, r.groups().get(1).paybackProbability(), 0);
        assertTrue(Double.isNaN(r.groups().get(1).medianPaybackDay()));
        assertTrue(Double.isNaN(r.groups().get(2).paybackProbability()));
    }

    @Test
    void theMeanPathIsTheDeterministicPrice() {
        int days = 91;
        PriceRisk.Options o = new PriceRisk.Options(2000, 55, 5);
        double[] x = PriceRisk.factors(o, days, (o.paths() + PriceRisk.CHUNK - 1) / PriceRisk.CHUNK);
        double mean = 0;
        for (int k = 0; k < o.paths(); k++) {
            mean += x[PriceRisk.index(k, 90, days)];
        }
        mean /= o.paths();
        // sd of X at day 90 is about 0.27: the mean of 2,000 draws is within 0.03 of 1.
        assertEquals(1.0, mean, 0.03);
    }

    /** Every path and group computed the slow way, with the projection's own day formula. */
    @Test
    void matchesABruteForceRunOfEveryGroupOnEveryPath() {
        Fleet fleet = PolicyTest.mixedFleet();
        for (OperatingPolicy policy : OperatingPolicy.values()) {
            Scenario s = new Scenario("bear", 150, -5, 2, null, policy);
            PriceRisk.Options o = new PriceRisk.Options(101, 70, 99);
            PriceRisk.Result fast = PriceRisk.run(fleet, NET, s, AS_OF, o);

            Projection.Days w = Projection.walk(fleet, NET, s, AS_OF);
            GroupModel[] models = GroupModel.of(fleet);
            double[] x = PriceRisk.factors(o, s.days(), (o.paths() + PriceRisk.CHUNK - 1) / PriceRisk.CHUNK);
            double[] out = new double[GroupModel.SIZE], scratch = new double[1];
            double[][] fleetDay = new double[s.days()][o.paths()];
            double[][] cumulative = new double[s.days()][o.paths()];
            List<double[]> paybacks = new ArrayList<>();
            for (GroupModel m : models) {
                double purchase = Projection.purchaseCost(m.spec);
                double[] pay = new double[o.paths()];
                Arrays.fill(pay, Double.NaN);
                for (int k = 0; k < o.paths(); k++) {
                    double cum = 0;
                    for (int d = 0; d < s.days(); d++) {
                        double xv = x[PriceRisk.index(k, d, s.days())];
                        Projection.Split split = w.split[d];
                        if (split == null) {
                            m.day(w.btcPerHash[d], w.usdPerHash[d] * xv, w.windows[m.site][d], 1, policy, out, scratch);
                        } else {
                            // A day split by a retarget or the halving: each part decided on its own.
                            double[] usd = split.usdPerHash.clone();
                            for (int q = 0; q < usd.length; q++) {
                                usd[q] *= xv;
                            }
                            m.parts(new Projection.Split(split.btcPerHash, usd, split.dayFraction, split.windows),
                                    policy, out, new double[GroupModel.SIZE], scratch);
                        }
                        double p = out[GroupModel.PROFIT];
                        fleetDay[d][k] += p;
                        if (Double.isNaN(pay[k]) && purchase > 0 && cum + p >= purchase && p > 0) {
                            pay[k] = d + Math.max(0, purchase - cum) / p;
                        }
                        cum += p;
                    }
                }
                paybacks.add(pay);
            }
            for (int k = 0; k < o.paths(); k++) {
                double c = 0;
                for (int d = 0; d < s.days(); d++) {
                    c += fleetDay[d][k];
                    cumulative[d][k] = c;
                }
            }
            for (int d = 0; d < s.days(); d++) {
                double[] day = fleetDay[d].clone(), cum = cumulative[d].clone();
                Arrays.sort(day);
                Arrays.sort(cum);
                double scale = Math.abs(day[day.length - 1]) + Math.abs(day[0]) + 1;
                assertEquals(PriceRisk.percentile(day, day.length, 0.1), fast.profitP10()[d], 1e-9 * scale, "day " + d);
                assertEquals(PriceRisk.percentile(day, day.length, 0.5), fast.profitP50()[d], 1e-9 * scale);
                assertEquals(PriceRisk.percentile(day, day.length, 0.9), fast.profitP90()[d], 1e-9 * scale);
                double cs = Math.abs(cum[cum.length - 1]) + Math.abs(cum[0]) + 1;
                assertEquals(PriceRisk.percentile(cum, cum.length, 0.1), fast.cumulativeP10()[d], 1e-9 * cs);
                assertEquals(PriceRisk.percentile(cum, cum.length, 0.9), fast.cumulativeP90()[d], 1e-9 * cs);
            }
            long positive = Arrays.stream(cumulative[s.days() - 1]).filter(v -> v > 0).count();
            assertEquals(positive / (double) o.paths(), fast.probabilityPositive(), 0);
            for (int g = 0; g < models.length; g++) {
                double[] pay = paybacks.get(g);
                var gr = fast.groups().get(g);
                if (Double.isNaN(Projection.purchaseCost(models[g].spec))) {
                    assertTrue(Double.isNaN(gr.paybackProbability()));
                    continue;
                }
                long paid = Arrays.stream(pay).filter(v -> !Double.isNaN(v)).count();
                assertEquals(paid / (double) o.paths(), gr.paybackProbability(), 0, policy + " group " + g);
                Arrays.sort(pay);
                double median = 2 * paid > o.paths() ? PriceRisk.percentile(pay, pay.length, 0.5) : Double.NaN;
                assertEquals(median, gr.medianPaybackDay(), 1e-9, policy + " group " + g);
            }
        }
    }

    @Test
    void optionsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new PriceRisk.Options(0, 55, 1));
        assertThrows(IllegalArgumentException.class, () -> new PriceRisk.Options(PriceRisk.MAX_PATHS + 1, 55, 1));
        assertThrows(IllegalArgumentException.class, () -> new PriceRisk.Options(100, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> new PriceRisk.Options(100, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new PriceRisk.Options(100, 201, 1));
    }
}
