package io.hashdesk.alerts;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.hashdesk.currency.Fx;
import io.hashdesk.economics.NetworkState;
import io.hashdesk.economics.RigEconomics;

/** The words of the {@code adjustment} alerts: the estimate a day before, the realized change once it lands. */
final class AdjustmentMessages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private AdjustmentMessages() {
    }

    static String percent(double p) {
        return String.format(Locale.ENGLISH, "%+.2f %%", p).replace("-", "\u2212");
    }

    /** "Difficulty adjustment in about a day: +3.20 % at block 937,440 (Mon 7 Dec 2026 14:00 UTC)". */
    static AlertMessage estimate(OperatorFacts f) {
        double change = f.net.nextChangePercent();
        long height = f.net.nextRetargetHeight();
        String subject = "Difficulty adjustment in about a day: " + percent(change) + " at block "
                + String.format(Locale.ENGLISH, "%,d", height) + " (" + WHEN.format(f.net.estimatedRetargetDate()) + ")";
        StringBuilder text = new StringBuilder(subject).append('\n');
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("changePercent", change);
        details.put("retargetHeight", height);
        details.put("retargetAt", f.net.estimatedRetargetDate().toString());
        if (f.fleet != null && !f.fleet.fleet().groups().isEmpty()) {
            double before = f.today(1).profitUsd();
            NetworkState after = f.net.state().afterNextRetarget();
            double afterProfit = RigEconomics.today(f.fleet.fleet(), after, f.asOf).profitUsd();
            Fx fx = f.display();
            text.append("At BTC ").append(fx.money0(f.net.priceUsd())).append(" the fleet's profit goes from ")
                    .append(fx.money(before)).append(" to ").append(fx.money(afterProfit)).append(" per day (")
                    .append(fx.signedMoney(afterProfit - before)).append(" per day).").append(AlertMessages.rateLine(fx));
            details.put("profitUsdPerDay", before);
            details.put("profitAfterUsdPerDay", afterProfit);
            details.put("fx", AlertMessages.fx(fx));
        } else {
            text.append("The estimate moves until the retarget block is mined.");
        }
        return new AlertMessage(subject, text.toString(), details);
    }

    /** "Difficulty adjusted at block 937,440: +2.90 % (estimated +3.20 %)". */
    static AlertMessage landed(OperatorFacts f, long height, Double estimate) {
        double realized = f.net.previousRetargetPercent();
        String subject = "Difficulty adjusted at block " + String.format(Locale.ENGLISH, "%,d", height) + ": "
                + percent(realized) + (estimate == null ? "" : " (estimated " + percent(estimate) + ")");
        StringBuilder text = new StringBuilder(subject).append('\n');
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("retargetHeight", height);
        details.put("changePercent", realized);
        details.put("estimatedPercent", estimate);
        if (estimate != null) {
            text.append("The change came out ").append(String.format(Locale.ENGLISH, "%.2f", Math.abs(realized - estimate)))
                    .append(" points ").append(realized >= estimate ? "above" : "below").append(" the last estimate.");
        } else {
            text.append("No estimate for this retarget was stored before it landed.");
        }
        if (f.fleet != null && !f.fleet.fleet().groups().isEmpty()) {
            double profit = f.today(1).profitUsd();
            Fx fx = f.display();
            text.append(" At BTC ").append(fx.money0(f.net.priceUsd())).append(" the fleet now makes ")
                    .append(fx.money(profit)).append(" per day.").append(AlertMessages.rateLine(fx));
            details.put("profitUsdPerDay", profit);
            details.put("fx", AlertMessages.fx(fx));
        }
        return new AlertMessage(subject, text.toString(), details);
    }
}
