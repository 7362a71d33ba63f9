package io.hashdesk.summary;

/** One site's share of a ledger day (money in USD for the day). */
public record LedgerSite(long siteId, String name, double btc, double revenueUsd, double poolFeeUsd,
        double powerCostUsd, double hostingUsd, double profitUsd) {

    LedgerSite withName(String n) {
        return new LedgerSite(siteId, n, btc, revenueUsd, poolFeeUsd, powerCostUsd, hostingUsd, profitUsd);
    }

    LedgerSite plus(LedgerSite o) {
        return new LedgerSite(siteId, name, btc + o.btc, revenueUsd + o.revenueUsd, poolFeeUsd + o.poolFeeUsd,
                powerCostUsd + o.powerCostUsd, hostingUsd + o.hostingUsd, profitUsd + o.profitUsd);
    }
}
