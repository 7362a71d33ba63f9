package io.hashdesk.fleet;

import java.util.ArrayList;
import java.util.List;

import io.hashdesk.economics.TimeOfUseTariff;
import io.hashdesk.web.FormErrors;

/** The rules a site's time-of-use bands must meet beyond each field's own: days that parse, hours in order, every hour of the week priced once. */
final class TariffBandRules {

    private TariffBandRules() {
    }

    /**
     * Adds to {@code errors} what is wrong with a time-of-use tariff's bands, by field
     * ({@code tariff.bands[i].days}, {@code .toHour}, or {@code tariff.bands} for gaps and overlaps).
     */
    static void check(List<SiteJson.Band> bands, FormErrors errors) {
        boolean bandErrors = errors.asMap().keySet().stream().anyMatch(k -> k.startsWith("tariff.bands"));
        List<TimeOfUseTariff.Band> parsed = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            SiteJson.Band b = bands.get(i);
            String at = "tariff.bands[" + i + "].";
            if (b == null) {
                bandErrors = true;
                continue;
            }
            if (b.days() != null && !errors.has(at + "days")) {
                try {
                    TimeOfUseTariff.parseDays(b.days());
                } catch (IllegalArgumentException e) {
                    errors.add(at + "days", sentence(e.getMessage()));
                    bandErrors = true;
                }
            }
            if (b.fromHour() != null && b.toHour() != null && b.toHour() <= b.fromHour() && !errors.has(at + "toHour")) {
                errors.add(at + "toHour", "The band must end after it starts (" + b.fromHour()
                        + "); write 24 for midnight, and split a band that runs past midnight in two.");
                bandErrors = true;
            }
            if (!bandErrors) {
                parsed.add(new TimeOfUseTariff.Band(TimeOfUseTariff.parseDays(b.days()), b.fromHour(), b.toHour(), 0));
            }
        }
        if (!bandErrors) {
            try {
                new TimeOfUseTariff(parsed);
            } catch (IllegalArgumentException e) {
                errors.add("tariff.bands", sentence(e.getMessage()) + " Each hour of the week needs exactly one price.");
            }
        }
    }

    private static String sentence(String message) {
        String m = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return m.endsWith(".") ? m : m + ".";
    }
}
