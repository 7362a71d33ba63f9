package io.hashdesk.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.hashdesk.currency.Currencies;
import io.hashdesk.currency.Fx;
import io.hashdesk.economics.GroupToday;
import io.hashdesk.web.Formats;

/**
 * The words of each alert: a subject that says what to do, a text with the figures behind it. Money
 * is in the operator's display currency at the snapshot's rate (its usual decimals: none for JPY); the
 * details keep their USD fields and add the rate as {@code fx}.
 */
final class AlertMessages {

    private AlertMessages() {
    }

    /** "Switch off: Antminer S19j Pro at Pecos, BTC 63,700 EUR below 64,200 EUR", or "Switch back on: ...". */
    static AlertMessage groupSwitch(OperatorFacts f, int group, String to) {
        Fx fx = f.display();
        GroupToday g = f.today(1).groups().get(group);
        String model = f.fleet.models().get(group);
        String site = f.fleet.siteNames().get(group);
        boolean curtailing = f.fleet.curtailing().get(group);
        double price = f.net.priceUsd();
        double line = g.shutdownPriceUsd();
        boolean off = GroupSwitchEvaluator.OFF.equals(to);
        String subject = (off ? "Switch off: " : "Switch back on: ") + model + " at " + site + ", BTC " + fx.money0(price)
                + (Double.isFinite(line) && line > 0 ? (off ? " below " : " above ") + fx.money0(line) : "");
        StringBuilder text = new StringBuilder(subject).append('\n');
        if (off) {
            text.append(curtailing ? "No hour of the day pays for its power at this price"
                    : "Running costs more in power than it earns after the pool fee");
        } else {
            text.append(curtailing ? String.format(Locale.ENGLISH, "%.0f hours of the day pay again", g.runningHours())
                    : "It earns more than its power costs again");
        }
        text.append(": profit ").append(fx.money(g.profitUsd())).append(" per day (revenue ")
                .append(fx.money(g.revenueUsd())).append(", power ").append(fx.money(g.powerCostUsd())).append(").");
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
        details.put("fx", fx(fx));
        return new AlertMessage(subject, text.append(rateLine(fx)).toString(), details);
    }

    /**
     * A money rule's alert: "BTC price below 60,000 EUR: 58,650 EUR", then {@code body}, all in the display
     * currency. {@code in} is the rule's currency at the snapshot's rate. The details keep {@code value} and
     * {@code threshold} in USD, and add the rule's {@code currency} and {@code amount} as entered.
     */
    static AlertMessage threshold(OperatorFacts f, Rule rule, Fx in, String what, double valueUsd, String body) {
        Fx fx = f.display();
        boolean whole = rule.kind().wholeUnits();
        String per = rule.kind().unitAfterCurrency();
        double thresholdUsd = in.toUsd(rule.threshold());
        String subject = what + " " + money(fx, thresholdUsd, whole) + per + ": " + money(fx, valueUsd, whole) + per;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("value", valueUsd);
        details.put("threshold", thresholdUsd);
        details.put("unit", "USD" + per);
        details.put("currency", in.currency());
        details.put("amount", rule.threshold());
        details.put("fx", fx(fx));
        return new AlertMessage(subject, subject + "\n" + body + rateLine(fx), details);
    }

    /**
     * The rule's threshold as entered ("60,000 EUR per day"), and when that is not the display currency
     * its value at this snapshot's rate beside it: "65,000 USD (60,125 EUR at this reading)".
     */
    static String ruleAmount(OperatorFacts f, Rule rule, Fx in) {
        boolean whole = rule.kind().wholeUnits();
        String per = rule.kind().unitAfterCurrency();
        String entered = Formats.number(rule.threshold(), whole ? 0 : Currencies.decimals(in.currency())) + " "
                + in.currency() + per;
        Fx fx = f.display();
        return fx.currency().equals(in.currency()) ? entered
                : entered + " (" + money(fx, in.toUsd(rule.threshold()), whole) + per + " at this reading)";
    }

    static String money(Fx fx, double usd, boolean whole) {
        return whole ? fx.money0(usd) : fx.money(usd);
    }

    /** The display currency's rate, for the details: {currency, perUsd, asOf, source}. */
    static Map<String, Object> fx(Fx fx) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("currency", fx.currency());
        m.put("perUsd", fx.perUsd());
        m.put("asOf", fx.asOf() == null ? null : fx.asOf().toString());
        m.put("source", fx.source());
        return m;
    }

    /** "\nMoney in EUR: 1 USD = 0.9254 EUR (mempool)." as the weekly mail says it; nothing for USD. */
    static String rateLine(Fx fx) {
        return fx.usd() ? "" : "\nMoney in " + fx.currency() + ": " + fx.describe() + ".";
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
