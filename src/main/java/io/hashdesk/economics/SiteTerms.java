package io.hashdesk.economics;

import java.time.ZoneId;
import java.util.Objects;

/**
 * What a site imposes on every rig group it hosts.
 *
 * @param powerOverhead PUE-like factor >= 1 (cooling, transformers) applied to the rigs' draw
 * @param poolFeePercent pool fee in percent of revenue (2.5 means 2.5 %)
 * @param hostingUsdPerMonth fixed monthly fee, shared among the site's groups by power draw
 * @param uptimePercent share of the time the rigs hash, in percent
 * @param curtail whether rigs may be switched off in the hours where they lose money at the margin
 * @param zone the time zone the tariff's hours are written in
 */
public record SiteTerms(Tariff tariff, double powerOverhead, double poolFeePercent, double hostingUsdPerMonth,
        double uptimePercent, boolean curtail, ZoneId zone) {

    public SiteTerms {
        Objects.requireNonNull(tariff, "tariff");
        Objects.requireNonNull(zone, "zone");
        check(powerOverhead >= 1 && powerOverhead <= 10, "powerOverhead must be between 1 and 10");
        check(poolFeePercent >= 0 && poolFeePercent <= 100, "poolFeePercent must be between 0 and 100");
        check(hostingUsdPerMonth >= 0 && Double.isFinite(hostingUsdPerMonth), "hostingUsdPerMonth must be >= 0");
        check(uptimePercent >= 0 && uptimePercent <= 100, "uptimePercent must be between 0 and 100");
    }

    /** A flat-rate site with no fees, full uptime and no overhead, in UTC. */
    public static SiteTerms flat(double usdPerKwh) {
        return new SiteTerms(new FlatTariff(usdPerKwh), 1.0, 0, 0, 100, false, ZoneId.of("UTC"));
    }

    public double hostingUsdPerDay() {
        return hostingUsdPerMonth * 12 / 365;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
