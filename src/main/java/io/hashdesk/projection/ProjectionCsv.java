package io.hashdesk.projection;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import io.hashdesk.currency.Currencies;
import io.hashdesk.currency.Fx;
import io.hashdesk.economics.GroupSeries;
import io.hashdesk.economics.PriceRisk;
import io.hashdesk.economics.ProjectionResult;

/**
 * The projection's daily series as CSV ({@code /projection/daily.csv}), written row by row to the
 * response as it is produced: a 1,000-group, 1,500-day file is about 130 MB and is never held whole.
 */
final class ProjectionCsv {

    private ProjectionCsv() {
    }

    /**
     * One row per rig group and day ({@code groups=daily}). The money columns stay in USD (scripts read
     * them); an operator shown another currency gets the same figures in it in columns after them,
     * converted at day 0's rate ({@code fx}) like every page of the projection.
     */
    static void groups(Writer w, FleetProjection p, Fx fx) throws IOException {
        ProjectionResult r = p.result();
        String c = "_" + fx.currency().toLowerCase(Locale.ROOT);
        w.write("rig_id,day,date,btc,revenue_usd,pool_fee_usd,power_cost_usd,hosting_usd,profit_usd,hours_run"
                + (fx.usd() ? "" : ",revenue" + c + ",pool_fee" + c + ",power_cost" + c + ",hosting" + c + ",profit" + c)
                + "\r\n");
        GroupSeries g = r.groupSeries();
        for (int i = 0; i < g.groups(); i++) {
            long rigId = r.groups().get(i).rigId();
            for (int d = 0; d < g.days(); d++) {
                w.write(String.format(Locale.ROOT, "%d,%d,%s,%.8f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f", rigId, d,
                        p.asOf().plusSeconds(86_400L * d), g.btc(i, d), g.revenueUsd(i, d), g.poolFeeUsd(i, d),
                        g.powerCostUsd(i, d), g.hostingUsd(i, d), g.profitUsd(i, d), g.hoursRun(i, d)));
                if (!fx.usd()) {
                    w.write(in(fx, g.revenueUsd(i, d), g.poolFeeUsd(i, d), g.powerCostUsd(i, d), g.hostingUsd(i, d),
                            g.profitUsd(i, d)));
                }
                w.write("\r\n");
            }
        }
    }

    /** One row per day for the fleet, with the price-risk bands when {@code risk} is given. */
    static void fleet(Writer w, FleetProjection p, PriceRisk.Result risk, Fx fx) throws IOException {
        ProjectionResult r = p.result();
        String c = "_" + fx.currency().toLowerCase(Locale.ROOT);
        w.write("day,date,btc,revenue_usd,pool_fee_usd,power_cost_usd,hosting_usd,profit_usd,cumulative_profit_usd,"
                + "difficulty,price_usd");
        w.write(risk == null ? "" : ",profit_p10_usd,profit_p50_usd,profit_p90_usd,cumulative_p10_usd,"
                + "cumulative_p50_usd,cumulative_p90_usd");
        w.write((fx.usd() ? "" : ",revenue" + c + ",pool_fee" + c + ",power_cost" + c + ",hosting" + c + ",profit" + c
                + ",cumulative_profit" + c + ",price" + c) + "\r\n");
        for (int d = 0; d < r.days(); d++) {
            w.write(String.format(Locale.ROOT, "%d,%s,%.8f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.0f,%.2f", d,
                    p.asOf().plusSeconds(86_400L * d), r.btc()[d], r.revenueUsd()[d], r.poolFeeUsd()[d],
                    r.powerCostUsd()[d], r.hostingUsd()[d], r.profitUsd()[d], r.cumulativeProfitUsd()[d],
                    r.difficulty()[d], r.priceUsd()[d]));
            if (risk != null) {
                w.write(String.format(Locale.ROOT, ",%.2f,%.2f,%.2f,%.2f,%.2f,%.2f", risk.profitP10()[d],
                        risk.profitP50()[d], risk.profitP90()[d], risk.cumulativeP10()[d], risk.cumulativeP50()[d],
                        risk.cumulativeP90()[d]));
            }
            if (!fx.usd()) {
                w.write(in(fx, r.revenueUsd()[d], r.poolFeeUsd()[d], r.powerCostUsd()[d], r.hostingUsd()[d],
                        r.profitUsd()[d], r.cumulativeProfitUsd()[d], r.priceUsd()[d]));
            }
            w.write("\r\n");
        }
    }

    /** ",1234.57,..." in the display currency, to its usual decimals. */
    private static String in(Fx fx, double... usd) {
        int decimals = Currencies.decimals(fx.currency());
        StringBuilder out = new StringBuilder();
        for (double v : usd) {
            out.append(',').append(String.format(Locale.ROOT, "%." + decimals + "f", fx.fromUsd(v)));
        }
        return out.toString();
    }
}
