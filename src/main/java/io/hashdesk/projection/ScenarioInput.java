package io.hashdesk.projection;

import java.util.Locale;

import io.hashdesk.economics.Scenario;
import io.hashdesk.web.FormErrors;
import io.hashdesk.web.Numbers;

/**
 * Scenario assumptions as typed by a person or a script (text), checked field by field. Keeps the
 * text so a form can show it back beside its error.
 */
public record ScenarioInput(String name, String days, String priceDriftPercent, String hashrateGrowthPercent,
        String feesPerBlockBtc) {

    public static ScenarioInput of(Scenario s) {
        return new ScenarioInput(s.name(), Integer.toString(s.days()), plain(s.priceDriftPercent()),
                plain(s.hashrateGrowthPercent()), s.feesPerBlockBtc() == null ? "" : plain(s.feesPerBlockBtc()));
    }

    /** Missing values take the defaults of docs/economics.md (90 days, no drift, no growth, live fees). */
    public ScenarioInput withDefaults() {
        return new ScenarioInput(blank(name) ? "custom" : name.strip(), blank(days) ? "90" : days.strip(),
                blank(priceDriftPercent) ? "0" : priceDriftPercent.strip(),
                blank(hashrateGrowthPercent) ? "0" : hashrateGrowthPercent.strip(),
                blank(feesPerBlockBtc) ? "" : feesPerBlockBtc.strip());
    }

    /** The scenario, or the errors by field (the names of the query parameters and form fields). */
    public Result parse() {
        ScenarioInput in = withDefaults();
        FormErrors errors = FormErrors.none();
        Integer d = null;
        Long whole = Numbers.whole(in.days, "days", errors, "A whole number of days, 1 to " + Scenario.MAX_DAYS + ".");
        if (whole != null && (whole < 1 || whole > Scenario.MAX_DAYS)) {
            errors.add("days", "Between 1 and " + Scenario.MAX_DAYS + " days.");
        } else if (whole != null) {
            d = whole.intValue();
        }
        Double drift = number(in.priceDriftPercent, -90, 300, "priceDriftPercent", "% per 30 days", errors);
        Double growth = number(in.hashrateGrowthPercent, -90, 300, "hashrateGrowthPercent", "% per 30 days", errors);
        Double fees = blank(in.feesPerBlockBtc) ? null
                : number(in.feesPerBlockBtc, 0, 1000, "feesPerBlockBtc", "BTC per block", errors);
        if (errors.any()) {
            return new Result(null, errors, in);
        }
        String label = in.name.length() > 60 ? in.name.substring(0, 60) : in.name;
        return new Result(new Scenario(label, d, drift, growth, fees), errors, in);
    }

    public record Result(Scenario scenario, FormErrors errors, ScenarioInput input) {
        public boolean ok() {
            return scenario != null;
        }
    }

    /** Read by the same parser as every other form ("1,000" is one thousand everywhere). */
    private static Double number(String text, double min, double max, String field, String unit, FormErrors errors) {
        Double v = Numbers.decimal(text, field, errors, "A number, " + plain(min) + " to " + plain(max) + " " + unit
                + " (decimals with a point, e.g. 2.5).");
        if (v != null && (v < min || v > max)) {
            errors.add(field, "Between " + plain(min) + " and " + plain(max) + " " + unit + ".");
            return null;
        }
        return v;
    }

    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%s", v);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
