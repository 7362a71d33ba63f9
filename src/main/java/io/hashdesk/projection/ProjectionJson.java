package io.hashdesk.projection;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonGenerator;

import io.hashdesk.currency.Fx;
import io.hashdesk.earnings.MeasuredUptime;
import io.hashdesk.economics.GroupSeries;
import io.hashdesk.economics.GroupToday;
import io.hashdesk.economics.PriceRisk;
import io.hashdesk.economics.ProjectionResult;
import io.hashdesk.economics.Scenario;
import io.hashdesk.network.NetworkApiResource;

/** The body of GET /api/v1/projection (docs/api.md's names), written field by field as it is produced. */
final class ProjectionJson {

    private ProjectionJson() {
    }

    /**
     * The body, written as it is produced (docs/api.md's names): no list of records for every group and
     * day built first and serialised by reflection (a 1,000-group, 730-day answer is about 800 KB).
     * Undefined figures are null.
     */
    static void write(JsonGenerator g, FleetProjection p, boolean daily, PriceRisk.Result risk, Fx fx,
            MeasuredUptime.Calibration measured) throws IOException {
        ProjectionResult r = p.result();
        Scenario s = p.scenario();
        g.writeStartObject();
        g.writeStringField("asOf", p.asOf().toString());
        g.writeFieldName("network");
        g.writeObject(NetworkApiResource.Body.of(p.network()));
        g.writeFieldName("assumptions");
        g.writeObject(new ProjectionApiResource.Assumptions(s.name(), s.days(), s.priceDriftPercent(), s.hashrateGrowthPercent(),
                r.feesPerBlockBtc(), s.feesPerBlockBtc() == null, ProjectionOptions.name(r.policy()),
                measured == null ? ProjectionOptions.CONFIGURED : ProjectionOptions.MEASURED,
                measured == null ? null : measured.sites()));
        g.writeObjectField("fx", fx); // the display currency at day 0's rates; money stays in the ...Usd fields
        g.writeFieldName("today");
        writeToday(g, p.today().btc(), p.today().revenueUsd(), p.today().poolFeeUsd(), p.today().powerCostUsd(),
                p.today().hostingUsd(), p.today().profitUsd(), p.today().hashpriceUsdPerThDay(),
                p.today().costPerBtcUsd());
        g.writeArrayFieldStart("groups");
        for (int i = 0; i < p.today().groups().size(); i++) {
            GroupToday t = p.today().groups().get(i);
            ProjectionResult.GroupOutcome o = r.groups().get(i);
            g.writeStartObject();
            g.writeNumberField("rigId", t.rigId());
            g.writeFieldName("today");
            writeToday(g, t.btc(), t.revenueUsd(), t.poolFeeUsd(), t.powerCostUsd(), t.hostingUsd(), t.profitUsd(),
                    t.hashpriceUsdPerThDay(), t.costPerBtcUsd());
            writeOrNull(g, "breakevenUsdPerKwh", t.breakevenUsdPerKwh());
            writeOrNull(g, "shutdownUsdPerKwh", t.shutdownUsdPerKwh());
            writeOrNull(g, "shutdownPriceUsd", t.shutdownPriceUsd());
            g.writeNumberField("efficiencyJPerTh", t.efficiencyJPerTh());
            g.writeBooleanField("switchOff", t.switchOff());
            writeDayOrNull(g, "firstUnprofitableDay", o.firstUnprofitableDay());
            writeDayOrNull(g, "firstSwitchOffDay", o.firstSwitchOffDay());
            writeOrNull(g, "paybackDays", t.paybackDays());
            writeOrNull(g, "projectedPaybackDays", o.paybackDay());
            if (o.paysBack()) {
                g.writeStringField("projectedPaybackDate",
                        p.asOf().plusMillis((long) (o.paybackDay() * 86_400_000L)).toString());
            } else {
                g.writeNullField("projectedPaybackDate");
            }
            g.writeNumberField("runningHoursToday", t.runningHours());
            if (daily) {
                writeGroupDays(g, r.groupSeries(), i);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("days");
        for (int d = 0; d < r.days(); d++) {
            g.writeStartObject();
            g.writeNumberField("day", d);
            g.writeStringField("date", p.asOf().plusSeconds(86_400L * d).toString());
            g.writeNumberField("btc", r.btc()[d]);
            g.writeNumberField("revenueUsd", r.revenueUsd()[d]);
            g.writeNumberField("poolFeeUsd", r.poolFeeUsd()[d]);
            g.writeNumberField("powerCostUsd", r.powerCostUsd()[d]);
            g.writeNumberField("hostingUsd", r.hostingUsd()[d]);
            g.writeNumberField("profitUsd", r.profitUsd()[d]);
            g.writeNumberField("cumulativeProfitUsd", r.cumulativeProfitUsd()[d]);
            g.writeNumberField("difficulty", r.difficulty()[d]);
            g.writeNumberField("priceUsd", r.priceUsd()[d]);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("events");
        g.writeObject(events(p));
        g.writeFieldName("totals");
        g.writeObject(r.totals());
        if (risk != null) {
            writeRisk(g, risk);
        }
        g.writeEndObject();
    }

    /** {@code groups[].days}: the group's own series under the scenario's policy. */
    private static void writeGroupDays(JsonGenerator g, GroupSeries series, int group) throws IOException {
        g.writeArrayFieldStart("days");
        for (int d = 0; d < series.days(); d++) {
            g.writeStartObject();
            g.writeNumberField("day", d);
            g.writeNumberField("btc", series.btc(group, d));
            g.writeNumberField("revenueUsd", series.revenueUsd(group, d));
            g.writeNumberField("poolFeeUsd", series.poolFeeUsd(group, d));
            g.writeNumberField("powerCostUsd", series.powerCostUsd(group, d));
            g.writeNumberField("hostingUsd", series.hostingUsd(group, d));
            g.writeNumberField("profitUsd", series.profitUsd(group, d));
            g.writeNumberField("hoursRun", series.hoursRun(group, d));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** {@code risk}: the price paths' bands, the fleet's chance of a positive horizon, each group's payback odds. */
    private static void writeRisk(JsonGenerator g, PriceRisk.Result risk) throws IOException {
        g.writeObjectFieldStart("risk");
        g.writeNumberField("paths", risk.options().paths());
        g.writeNumberField("volatilityPercent", risk.options().volatilityPercent());
        g.writeNumberField("seed", risk.options().seed());
        g.writeNumberField("probabilityPositive", risk.probabilityPositive());
        g.writeArrayFieldStart("days");
        for (int d = 0; d < risk.days(); d++) {
            g.writeStartObject();
            g.writeNumberField("day", d);
            g.writeNumberField("profitP10", risk.profitP10()[d]);
            g.writeNumberField("profitP50", risk.profitP50()[d]);
            g.writeNumberField("profitP90", risk.profitP90()[d]);
            g.writeNumberField("cumulativeP10", risk.cumulativeP10()[d]);
            g.writeNumberField("cumulativeP50", risk.cumulativeP50()[d]);
            g.writeNumberField("cumulativeP90", risk.cumulativeP90()[d]);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("groups");
        for (PriceRisk.GroupRisk gr : risk.groups()) {
            g.writeStartObject();
            g.writeNumberField("rigId", gr.rigId());
            writeOrNull(g, "paybackProbability", gr.paybackProbability());
            writeOrNull(g, "medianPaybackDay", gr.medianPaybackDay());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeToday(JsonGenerator g, double btc, double revenue, double poolFee, double power,
            double hosting, double profit, double hashprice, double costPerBtc) throws IOException {
        g.writeStartObject();
        g.writeNumberField("btc", btc);
        g.writeNumberField("revenueUsd", revenue);
        g.writeNumberField("poolFeeUsd", poolFee);
        g.writeNumberField("powerCostUsd", power);
        g.writeNumberField("hostingUsd", hosting);
        g.writeNumberField("profitUsd", profit);
        g.writeNumberField("hashpriceUsdPerThDay", hashprice);
        writeOrNull(g, "costPerBtcUsd", costPerBtc);
        g.writeEndObject();
    }

    private static void writeOrNull(JsonGenerator g, String field, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(field, v);
        } else {
            g.writeNullField(field);
        }
    }

    private static void writeDayOrNull(JsonGenerator g, String field, int day) throws IOException {
        if (day < 0) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, day);
        }
    }

    private static List<ProjectionApiResource.Event> events(FleetProjection p) {
        return p.result().events().stream().map(e -> new ProjectionApiResource.Event(e.kind().name().toLowerCase(Locale.ROOT),
                e.atDay(), p.asOf().plusMillis((long) (e.atDay() * 86_400_000L)), e.height(), e.changePercent()))
                .toList();
    }
}
