package io.hashdesk.projection;

import java.util.Locale;

import io.hashdesk.economics.OperatingPolicy;
import io.hashdesk.economics.PriceRisk;
import io.hashdesk.web.FormErrors;
import io.hashdesk.web.Formats;
import io.hashdesk.web.Numbers;

/**
 * What a projection shows beside its scenario, as typed in a query or a form (text), checked field by
 * field with the query parameters' names: the operating policy ({@code policy=switch-off|run-all}),
 * whether groups carry their daily series ({@code groups=daily}) and the price-risk paths
 * ({@code paths}, {@code volatilityPercent}, {@code seed}) and which uptime the sites run at
 * ({@code uptime=configured|measured}: measured is each site's effective uptime from its pool, see
 * earnings/MeasuredUptime).
 */
public record ProjectionOptions(String policy, String groups, String paths, String volatilityPercent, String seed,
        String uptime) {

    public static final String CONFIGURED = "configured";
    public static final String MEASURED = "measured";

    /** Without {@code uptime}: the configured uptime. */
    public ProjectionOptions(String policy, String groups, String paths, String volatilityPercent, String seed) {
        this(policy, groups, paths, volatilityPercent, seed, null);
    }

    public static final String SWITCH_OFF = "switch-off";
    public static final String RUN_ALL = "run-all";
    public static final String DAILY = "daily";

    /** Nothing given: the defaults. */
    public static ProjectionOptions none() {
        return new ProjectionOptions(null, null, null, null, null, null);
    }

    /** The policy's name in queries and JSON. */
    public static String name(OperatingPolicy p) {
        return p == OperatingPolicy.KEEP_RUNNING ? RUN_ALL : SWITCH_OFF;
    }

    /**
     * @param risk the price-risk options, or null when no paths were asked for
     */
    /** @param measured whether the sites run at their measured uptime ({@code uptime=measured}) */
    public record Parsed(OperatingPolicy policy, boolean daily, PriceRisk.Options risk, FormErrors errors,
            boolean measured) {
        public boolean ok() {
            return !errors.any();
        }
    }

    /**
     * @param riskByDefault run the price paths (default count) even when {@code paths} is not given (the page);
     *        JSON adds risk only when asked
     * @param days the scenario's horizon, which bounds the number of paths (null when the scenario is invalid)
     */
    public Parsed parse(boolean riskByDefault, Integer days) {
        FormErrors errors = FormErrors.none();
        OperatingPolicy p = OperatingPolicy.SWITCH_OFF_WHEN_LOSING;
        if (!blank(policy)) {
            switch (policy.strip()) {
                case SWITCH_OFF -> p = OperatingPolicy.SWITCH_OFF_WHEN_LOSING;
                case RUN_ALL -> p = OperatingPolicy.KEEP_RUNNING;
                default -> errors.add("policy", "\"switch-off\" (switch off when losing, the default) or \"run-all\""
                        + " (keep everything running).");
            }
        }
        boolean daily = false;
        if (!blank(groups)) {
            if (DAILY.equals(groups.strip())) {
                daily = true;
            } else {
                errors.add("groups", "\"daily\" adds every group's daily series; leave it out for totals only.");
            }
        }
        int most = days == null ? PriceRisk.MAX_PATHS : PriceRisk.Options.maxPaths(days);
        String pathsRule = "A whole number of price paths, 1 to " + Formats.count(most)
                + (most < PriceRisk.MAX_PATHS ? " over " + Formats.count(days) + " days." : ".");
        Long n = Numbers.whole(paths, "paths", errors, pathsRule);
        if (n != null && (n < 1 || n > most)) {
            errors.add("paths", pathsRule);
        }
        double volatility = PriceRisk.DEFAULT_VOLATILITY_PERCENT;
        String bound = "0 to " + ScenarioInput.plain(PriceRisk.MAX_VOLATILITY_PERCENT) + " % a year";
        Double typed = Numbers.decimal(volatilityPercent, "volatilityPercent", errors,
                "A number, " + bound + " (annualised).");
        if (typed != null) {
            volatility = typed;
            if (!(volatility >= 0 && volatility <= PriceRisk.MAX_VOLATILITY_PERCENT)) {
                errors.add("volatilityPercent", "From " + bound + " (annualised).");
            }
        }
        boolean measured = false;
        if (!blank(uptime)) {
            switch (uptime.strip()) {
                case CONFIGURED -> measured = false;
                case MEASURED -> measured = true;
                default -> errors.add("uptime", "\"configured\" (each site's uptime as set, the default) or \"measured\""
                        + " (each site's effective uptime from its pool over the last 30 reconciled days).");
            }
        }
        Long typedSeed = Numbers.whole(seed, "seed", errors, "A whole number (the same seed gives the same paths).");
        long s = typedSeed == null ? PriceRisk.DEFAULT_SEED : typedSeed;
        if (errors.any()) {
            return new Parsed(p, daily, null, errors, measured);
        }
        PriceRisk.Options risk = n != null ? new PriceRisk.Options(n.intValue(), volatility, s)
                : riskByDefault ? new PriceRisk.Options(PriceRisk.DEFAULT_PATHS, volatility, s) : null;
        return new Parsed(p, daily, risk, errors, measured);
    }

    /** The volatility as typed, or the default, for a form. */
    public String volatilityText() {
        return blank(volatilityPercent) ? ScenarioInput.plain(PriceRisk.DEFAULT_VOLATILITY_PERCENT)
                : volatilityPercent.strip();
    }

    /** The uptime choice as typed, or the default, for a form. */
    public String uptimeText() {
        return blank(uptime) ? CONFIGURED : uptime.strip();
    }

    /** The policy as typed, or the default, for a form. */
    public String policyText() {
        return blank(policy) ? SWITCH_OFF : policy.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
