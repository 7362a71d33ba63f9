package io.hashdesk.network;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.hashdesk.economics.NetworkState;

/**
 * The network as pages, JSON and the projection read it: the newest stored snapshot (or the
 * bundled sample on a fresh install without network), with where it came from and how old it is.
 *
 * @param version identifies the snapshot (0 for the bundled sample), for caches
 * @param stale true once the data is older than twice the refresh period (always for the sample)
 * @param bundled true for the sample shipped with the app
 * @param priceAt when price and fees were last read from a source (earlier than fetchedAt when carried over)
 * @param hashprice30dAgo hashprice (USD per TH/s per day) about 30 days earlier, or null without that history
 */
public record NetworkView(long version, String source, Instant fetchedAt, boolean stale, boolean bundled,
        Instant priceAt, double priceUsd, double difficulty, long height, double feesPerBlockBtc, double hashrate,
        double avgBlockTimeSeconds, double nextChangePercent, double previousRetargetPercent, double progressPercent,
        long remainingBlocks, long nextRetargetHeight, Instant estimatedRetargetDate, List<HashratePoint> history,
        Double hashprice30dAgo) {

    public NetworkState state() {
        return new NetworkState(priceUsd, difficulty, height, feesPerBlockBtc, nextChangePercent, nextRetargetHeight,
                estimatedRetargetDate);
    }

    public NetworkView withStale(boolean value) {
        return value == stale ? this
                : new NetworkView(version, source, fetchedAt, value, bundled, priceAt, priceUsd, difficulty, height,
                        feesPerBlockBtc, hashrate, avgBlockTimeSeconds, nextChangePercent, previousRetargetPercent,
                        progressPercent, remainingBlocks, nextRetargetHeight, estimatedRetargetDate, history,
                        hashprice30dAgo);
    }

    /** True when price and fees come from an earlier reading than the rest. */
    public boolean priceCarried() {
        return priceAt.isBefore(fetchedAt.minusSeconds(60));
    }

    public double hashpriceUsdPerThDay() {
        return state().hashpriceUsdPerThDay();
    }

    public double hashpriceUsdPerPhDay() {
        return hashpriceUsdPerThDay() * 1000;
    }

    /** Hashprice change over about 30 days, percent, or null without history. */
    public Double hashprice30dChangePercent() {
        return hashprice30dAgo == null || hashprice30dAgo <= 0 ? null
                : (hashpriceUsdPerThDay() / hashprice30dAgo - 1) * 100;
    }

    /** Highest daily hashrate in the history (or the current one without history). */
    public double peakHashrate() {
        return history.stream().mapToDouble(HashratePoint::hashrate).max().orElse(hashrate);
    }

    /** Current hashrate against the history's peak, percent (negative when below). */
    public double changeFromPeakPercent() {
        double peak = peakHashrate();
        return peak > 0 ? (hashrate / peak - 1) * 100 : 0;
    }

    public Duration age(Instant now) {
        return Duration.between(fetchedAt, now).isNegative() ? Duration.ZERO : Duration.between(fetchedAt, now);
    }

    /** "4 min", "3 h 20 min", "12 days": how old the data is, for banners. */
    public String ageText(Instant now) {
        long minutes = age(now).toMinutes();
        if (minutes < 1) {
            return "less than a minute";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 48 * 60) {
            return minutes / 60 + " h " + minutes % 60 + " min";
        }
        return minutes / (24 * 60) + " days";
    }

    public HashRibbons ribbons() {
        return HashRibbons.of(history);
    }
}
