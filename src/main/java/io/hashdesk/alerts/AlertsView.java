package io.hashdesk.alerts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.hashdesk.alerts.AlertJson.AlertEntry;
import io.hashdesk.alerts.AlertJson.WebhookCreated;
import io.hashdesk.currency.Currencies;
import io.hashdesk.currency.Fx;
import io.hashdesk.earnings.PoolAccount;
import io.hashdesk.fleet.RigGroup;

/**
 * What /alerts shows: the rules in words, the form to add one (as typed), the channels, the webhooks
 * (a new one's secret once), and the last 100 alerts with their deliveries.
 */
public record AlertsView(String zone, List<RuleRow> rules, List<Option> kinds, List<Option> groups, List<Option> pools,
        RuleForm form,
        AlertSettings settings, String quietFrom, String quietTo, List<AlertWebhook> webhooks, String webhookUrl,
        WebhookCreated created, List<AlertEntry> history) {

    /** A rule in words; {@code note}: why it is not evaluated now (its currency has no rate), else null. */
    public record RuleRow(long id, String kind, String what, String confirmation, boolean enabled, String note) {
    }

    public record Option(String value, String label) {
    }

    /** The add-a-rule form as typed; {@code currency} is the money threshold's. */
    public record RuleForm(String kind, String rigId, String threshold, String currency, String confirmations,
            String marginPercent, String hours, String poolId) {
        /** An empty form, a money threshold in the display currency. */
        static RuleForm blank(String displayCurrency) {
            return new RuleForm("price-below", "", "", displayCurrency, "2", "1", "2", "");
        }
    }

    /**
     * The rules in words, a money threshold as entered and, when it is in another currency than the
     * display one, at today's rate beside it; {@code rates} are the currencies usable now.
     */
    static List<RuleRow> rows(List<AlertRule> rules, List<RigGroup> rigs, List<PoolAccount> pools,
            Map<String, Fx> rates, Fx display) {
        Map<Long, String> poolNames = new HashMap<>();
        for (PoolAccount p : pools) {
            poolNames.put(p.id, p.name);
        }
        Map<Long, String> names = new HashMap<>();
        for (RigGroup r : rigs) {
            names.put(r.id, r.model + " at " + r.site.name);
        }
        List<RuleRow> out = new ArrayList<>();
        for (AlertRule r : rules) {
            AlertKind kind = AlertKind.of(r.kind).orElse(null);
            if (kind == null) {
                continue;
            }
            String what = switch (kind) {
                case GROUP_SWITCH -> r.rigId == null ? "Every rig group: when to switch it off or back on"
                        : names.getOrDefault(r.rigId, "rig group " + r.rigId) + ": when to switch it off or back on";
                case DATA_STALE -> "No live network data for " + r.hours + " hours";
                case POOL_TOKEN_REFUSED -> pool(r.poolId, poolNames) + ": when the pool refuses its API token";
                case POOL_UNDERPAID -> pool(r.poolId, poolNames) + ": when its last 3 reconciled days credit below "
                        + (r.threshold == null ? "its own threshold" : number(r.threshold) + " %") + " of expected";
                case ADJUSTMENT -> "Difficulty adjustment: the estimate a day before, the realized change once it lands";
                default -> kind.label + " " + number(r.threshold) + " " + kind.unit(code(r))
                        + shown(kind, r, rates.get(code(r)), display);
            };
            String note = !kind.money || rates.containsKey(code(r)) ? null
                    : Currencies.live(code(r)) ? "Not checked: the latest network reading has no " + code(r)
                            + " price; the rule is checked again with the next reading that has one."
                    : "Not checked: " + code(r) + " has no rate. Enter a rate for " + code(r)
                            + " on Settings (Currency), or delete this rule and add it in another currency.";
            String confirmation = kind == AlertKind.DATA_STALE || kind == AlertKind.ADJUSTMENT
                    || kind == AlertKind.POOL_TOKEN_REFUSED ? "at once"
                    : kind == AlertKind.POOL_UNDERPAID ? "at once, beyond " + number(r.marginPercent) + " %"
                    : r.confirmations + " consecutive refresh" + (r.confirmations == 1 ? "" : "es") + ", beyond "
                            + number(r.marginPercent) + " %";
            out.add(new RuleRow(r.id, kind.code, what, confirmation, r.enabled, note));
        }
        return out;
    }

    private static String code(AlertRule r) {
        return r.thresholdCurrency == null ? "USD" : r.thresholdCurrency;
    }

    /** " (60,125 EUR today)" for a threshold in another currency than the display one; else empty. */
    private static String shown(AlertKind kind, AlertRule r, Fx in, Fx display) {
        if (in == null || r.threshold == null || in.currency().equals(display.currency())) {
            return "";
        }
        double usd = in.toUsd(r.threshold);
        return " (" + (kind.wholeUnits() ? display.money0(usd) : display.money(usd)) + kind.unitAfterCurrency() + " today)";
    }

    static List<Option> kindOptions() {
        List<Option> out = new ArrayList<>();
        for (AlertKind k : AlertKind.values()) {
            String unit = k.unitAfterCurrency() == null ? "" : k.unitAfterCurrency().trim();
            out.add(new Option(k.code, k.label + (unit.isEmpty() ? "" : " (" + unit + ")")));
        }
        return out;
    }

    private static String pool(Long id, Map<Long, String> names) {
        return id == null ? "Every pool account" : "Pool account " + names.getOrDefault(id, "#" + id);
    }

    /** The operator's own pool accounts, for the pool kinds. */
    static List<Option> poolOptions(List<PoolAccount> pools) {
        List<Option> out = new ArrayList<>();
        out.add(new Option("", "Every pool account"));
        for (PoolAccount p : pools) {
            out.add(new Option(Long.toString(p.id), p.name));
        }
        return out;
    }

    static List<Option> groupOptions(List<RigGroup> rigs) {
        List<Option> out = new ArrayList<>();
        out.add(new Option("", "Every rig group"));
        for (RigGroup r : rigs) {
            out.add(new Option(Long.toString(r.id), r.model + " at " + r.site.name));
        }
        return out;
    }

    static String number(Double v) {
        if (v == null) {
            return "";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ENGLISH, "%,.0f", v)
                : String.format(Locale.ENGLISH, "%,.2f", v);
    }
}
