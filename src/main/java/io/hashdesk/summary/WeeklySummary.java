package io.hashdesk.summary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.hashdesk.currency.Fx;
import io.hashdesk.projection.FleetProjection;

/**
 * Everything one summary mail shows, computed once and rendered twice (HTML and plain text).
 *
 * @param test true for a "send me this week's summary now" mail
 * @param pastDays the 7 days before today in the operator's zone, oldest first, from the ledger
 * @param past sums of the recorded past days
 * @param pastSites per site, sums of the recorded past days
 * @param projection the dashboard's base projection (null without a fleet)
 * @param nextDays the first 7 days of that projection
 * @param hashpriceWeekAgo USD per TH/s per day about 7 days before, or null without that history
 * @param pastSavedUsd what switching off losing groups saved over the recorded past days against keeping
 *        everything running, or null when no recorded day has that comparison
 * @param nextSavesUsd what it saves over the next 7 projected days
 * @param earned the past days as earned, credited by the operator's pools where they reported (null without
 *        a pool account: the past week is the ledger's alone)
 */
public record WeeklySummary(boolean test, String email, String zone, Instant now, LocalDate from, LocalDate to,
        List<Ledger.Day> pastDays, Totals past, List<LedgerSite> pastSites, FleetProjection projection,
        List<NextDay> nextDays, Totals next, Double hashpriceWeekAgo, String dashboardUrl, String settingsUrl,
        String unsubscribeUrl, Double pastSavedUsd, double nextSavesUsd, Fx fx, LedgerMoney ledger, PastEarned earned) {

    /** Sums over some days, USD and BTC. */
    public record Totals(int days, double btc, double revenueUsd, double powerCostUsd, double hostingUsd,
            double poolFeeUsd, double profitUsd) {

        /** The recorded days' sums (days without a record count for nothing, and {@code days} counts the others). */
        public static Totals of(List<Ledger.Day> ledgerDays) {
            int recorded = 0;
            double btc = 0, rev = 0, power = 0, hosting = 0, fee = 0, profit = 0;
            for (Ledger.Day d : ledgerDays) {
                LedgerDay r = d.recorded();
                if (r != null) {
                    recorded++;
                    btc += r.btc;
                    rev += r.revenueUsd;
                    power += r.powerCostUsd;
                    hosting += r.hostingUsd;
                    fee += r.poolFeeUsd;
                    profit += r.profitUsd;
                }
            }
            return new Totals(recorded, btc, rev, power, hosting, fee, profit);
        }
    }

    /**
     * One projected day (24 hours from {@code start}), labelled with {@code date}: the operator's date that
     * holds most of it (day 0 starts at the top of the current UTC hour, which in a :30 or :45 zone can be
     * the evening before).
     */
    public record NextDay(Instant start, LocalDate date, double btc, double revenueUsd, double powerCostUsd, double hostingUsd,
            double poolFeeUsd, double profitUsd) {
    }

    /** The operating policy both the past and the projected figures assume, e.g. "switch off when losing". */
    public String policyLabel() {
        return projection.policy().label();
    }

    /** Past days recorded with the kept-running comparison (days recorded before it existed lack it). */
    public static Double savedUsd(List<Ledger.Day> days) {
        Double saved = null;
        for (Ledger.Day d : days) {
            LedgerDay r = d.recorded();
            if (r != null && r.keepRunningProfitUsd != null) {
                saved = (saved == null ? 0 : saved) + r.profitUsd - r.keepRunningProfitUsd;
            }
        }
        return saved;
    }

    public boolean hasFleet() {
        return projection != null && !projection.empty();
    }

    /** True when at least one of the past 7 days is recorded. */
    public boolean pastRecorded() {
        return past.days() > 0;
    }

    /** Days before the account had a fleet, among the past 7. */
    public long daysBeforeFleet() {
        return pastDays.stream().filter(Ledger.Day::beforeFleet).count();
    }

    /** Days without network data, among the past 7. */
    public long daysEmpty() {
        return pastDays.stream().filter(Ledger.Day::empty).count();
    }

    /** Hashprice now, USD per PH/s per day. */
    public double hashpriceNowPerPh() {
        return projection.network().hashpriceUsdPerPhDay();
    }

    public Double hashpriceWeekAgoPerPh() {
        return hashpriceWeekAgo == null ? null : hashpriceWeekAgo * 1000;
    }

    /** Hashprice change over the week, percent, or null without history. */
    public Double hashpriceChangePercent() {
        return hashpriceWeekAgo == null || hashpriceWeekAgo <= 0 ? null
                : (projection.network().hashpriceUsdPerThDay() / hashpriceWeekAgo - 1) * 100;
    }

    /** BTC price minus the fleet's all-in cost per BTC, USD (positive: each coin earns money). */
    public double marginPerBtcUsd() {
        return projection.network().priceUsd() - projection.today().costPerBtcUsd();
    }

    public boolean costDefined() {
        return Double.isFinite(projection.today().costPerBtcUsd());
    }
}
