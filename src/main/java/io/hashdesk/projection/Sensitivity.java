package io.hashdesk.projection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.hashdesk.economics.NetworkState;
import io.hashdesk.economics.RigEconomics;
import io.hashdesk.web.Formats;

/**
 * Fleet profit per day today for BTC price changes (columns) by next-adjustment changes (rows), with the
 * axes' labels.
 */
public record Sensitivity(List<String> priceLabels, List<Sensitivity.Row> rows, double basePrice) {

    /** Sensitivity grid axes: BTC price change and next-adjustment change, in percent. */
    public static final int[] PRICE_STEPS = { -40, -30, -20, -10, 0, 10, 20, 30, 40 };
    public static final int[] ADJUSTMENT_STEPS = { -20, -15, -10, -5, 0, 5, 10, 15, 20 };

    /** @param profitUsd per price step, USD/day */
    public record Row(String adjustment, int adjustmentPercent, double[] profitUsd) {
    }

    /** The grid for a projection's fleet, around the network state {@code base} (the scenario's fees). */
    static Sensitivity of(FleetProjection p, NetworkState base) {
        List<Row> rows = new ArrayList<>();
        for (int a : ADJUSTMENT_STEPS) {
            double[] profit = new double[PRICE_STEPS.length];
            for (int c = 0; c < PRICE_STEPS.length; c++) {
                NetworkState s = base.withPrice(base.priceUsd() * (1 + PRICE_STEPS[c] / 100.0)).withNextChange(a)
                        .afterNextRetarget();
                profit[c] = RigEconomics.today(p.fleet().fleet(), s, p.asOf()).profitUsd();
            }
            rows.add(new Row(Formats.change(a), a, profit));
        }
        List<String> labels = Arrays.stream(PRICE_STEPS).mapToObj(c -> Formats.change(c)).toList();
        return new Sensitivity(labels, List.copyOf(rows), base.priceUsd());
    }

    public double profit(int adjustmentPercent, int pricePercent) {
        for (Row r : rows) {
            if (r.adjustmentPercent() == adjustmentPercent) {
                for (int c = 0; c < PRICE_STEPS.length; c++) {
                    if (PRICE_STEPS[c] == pricePercent) {
                        return r.profitUsd()[c];
                    }
                }
            }
        }
        throw new IllegalArgumentException("not a grid point");
    }
}
