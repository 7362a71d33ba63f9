package io.hashdesk.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.hashdesk.economics.GroupToday;

/** The words of each alert: a subject that says what to do, a text with the figures behind it. */
final class AlertMessages {

    private AlertMessages() {
    }

    static String money(double usd) {
        return String.format(Locale.ENGLISH, "%,.0f", usd);
    }

    static String usd(double usd) {
        return String.format(Locale.ENGLISH, "%,.2f", usd).replace("-", "\u2212");
    }

    /** "Switch off: Antminer S19j Pro at Pecos, BTC 68,900 below 69,420", or "Switch back on: ...". */
    static AlertMessage groupSwitch(OperatorFacts f, int group, String to) {
        GroupToday g = f.today(1).groups().get(group);
        String model = f.fleet.models().get(group);
        String site = f.fleet.siteNames().get(group);
        boolean curtailing = f.fleet.curtailing().get(group);
        double price = f.net.priceUsd();
        double line = g.shutdownPriceUsd();
        boolean off = GroupSwitchEvaluator.OFF.equals(to);
        String subject = (off ? "Switch off: " : "Switch back on: ") + model + " at " + site + ", BTC " + money(price)
                + (Double.isFinite(line) && line > 0 ? (off ? " below " : " above ") + money(line) : "");
        StringBuilder text = new StringBuilder(subject).append('\n');
        if (off) {
            text.append(curtailing ? "No hour of the day pays for its power at this price"
                    : "Running costs more in power than it earns after the pool fee");
        } else {
            text.append(curtailing ? String.format(Locale.ENGLISH, "%.0f hours of the day pay again", g.runningHours())
                    : "It earns more than its power costs again");
        }
        text.append(": profit ").append(usd(g.profitUsd())).append(" USD per day (revenue ")
                .append(usd(g.revenueUsd())).append(" USD, power ").append(usd(g.powerCostUsd())).append(" USD).");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rigId", f.fleet.fleet().groups().get(group).id());
        details.put("model", model);
        details.put("site", site);
        details.put("action", off ? "switch-off" : "switch-on");
        details.put("priceUsd", price);
        details.put("shutdownPriceUsd", Double.isFinite(line) ? line : null);
        details.put("profitUsdPerDay", g.profitUsd());
        details.put("runningHours", g.runningHours());
        details.put("curtailing", curtailing);
        return new AlertMessage(subject, text.toString(), details);
    }

    static AlertMessage threshold(String subject, String text, double value, double threshold, String unit) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("value", value);
        details.put("threshold", threshold);
        details.put("unit", unit);
        return new AlertMessage(subject, subject + "\n" + text, details);
    }

    static AlertMessage stale(Instant fetchedAt, boolean bundled, int hours, Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("hours", hours);
        details.put("fetchedAt", fetchedAt.toString());
        long ago = Duration.between(fetchedAt, now).toMinutes();
        String subject = "No live network data for " + (ago / 60) + " hours";
        String text = bundled ? "The figures come from the bundled sample: no live data has been read yet."
                : "The figures are from " + fetchedAt + " (" + ago / 60 + " h " + ago % 60
                        + " min ago); the live sources are not answering. Decisions made now use old prices.";
        return new AlertMessage(subject, subject + "\n" + text, details);
    }

    static AlertMessage fresh(Instant fetchedAt) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fetchedAt", fetchedAt.toString());
        String subject = "Live network data is back";
        return new AlertMessage(subject, subject + "\nThe figures are current again (read " + fetchedAt + ").",
                details);
    }
}
