package io.hashdesk.economics;

import java.time.Instant;

/** Network states used across the economics tests. */
final class Networks {

    static final Instant AS_OF = Instant.parse("2026-02-09T00:00:00Z"); // a Monday

    private Networks() {
    }

    /** The worked example of docs/economics.md: D 1.355e14, 71,000 USD, 3.125 + 0.03 BTC per block; no retarget soon. */
    static NetworkState workedExample() {
        return new NetworkState(71_000, 1.355e14, 935_000, 0.03, 0, 935_424, AS_OF.plusSeconds(400L * 86_400));
    }

    static double btcPerHashDay(double difficulty, double reward) {
        return 86400 * reward / (difficulty * 4294967296.0);
    }
}
