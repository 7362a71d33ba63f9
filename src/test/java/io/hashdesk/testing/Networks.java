package io.hashdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.hashdesk.economics.NetworkState;
import io.hashdesk.network.MempoolStubs;
import io.hashdesk.network.NetworkService;

/**
 * docs/economics.md's worked network (difficulty 1.355e14, 3.125 + 0.03 BTC per block), as a plain
 * {@link NetworkState} for the economics tests, or served by the stubbed mempool and refreshed into a
 * stored snapshot for the tests that run the app.
 */
public final class Networks {

    /** A Monday. */
    public static final Instant AS_OF = Instant.parse("2026-02-09T00:00:00Z");
    public static final double DIFFICULTY = 1.355e14;
    /** 0.03 BTC of fees per block over the last 144 blocks, in sats. */
    private static final long FEES_144_BLOCKS_SATS = 432_000_000L;
    private static final long HEIGHT = 935_000;

    private Networks() {
    }

    /** The worked example at 71,000 USD; no retarget soon. */
    public static NetworkState workedExample() {
        return new NetworkState(71_000, DIFFICULTY, HEIGHT, 0.03, 0, 935_424, AS_OF.plusSeconds(400L * 86_400));
    }

    public static double btcPerHashDay(double difficulty, double reward) {
        return 86400 * reward / (difficulty * 4294967296.0);
    }

    /**
     * The worked network at {@code price} USD, the next adjustment {@code changePercent} in {@code days} days,
     * from an empty snapshot store (other test classes leave their own snapshots, at other heights).
     */
    public static void startWorked(NetworkService network, double price, double changePercent, int days) {
        MempoolStubs.startAfresh(network);
        serve(price, changePercent, days);
        assertThat(network.refresh()).as("the refresh of the stubbed mempool").isEqualTo(NetworkService.Outcome.MEMPOOL);
    }

    /** The stubbed mempool now at {@code price}, refreshed: whatever reads the latest snapshot sees it. */
    public static void reprice(NetworkService network, double price, double changePercent, int days) {
        serve(price, changePercent, days);
        refresh(network);
    }

    /**
     * The same with a -5 % adjustment in 3 days, and the currencies of {@code perUsd} at those units per USD
     * (their BTC price moves with the USD one; mempool's others as it serves them).
     */
    public static void reprice(NetworkService network, double price, java.util.Map<String, Double> perUsd) {
        serve(price, -5, 3);
        MempoolStubs.prices(price, perUsd);
        refresh(network);
    }

    private static void refresh(NetworkService network) {
        // A refresh that failed (the REST client now and then trips on a busy machine) stores nothing and
        // evaluates nothing: try again.
        NetworkService.Outcome outcome = network.refresh();
        for (int i = 0; i < 2 && outcome == NetworkService.Outcome.UNAVAILABLE; i++) {
            outcome = network.refresh();
        }
        assertThat(outcome).isEqualTo(NetworkService.Outcome.MEMPOOL);
    }

    private static void serve(double price, double changePercent, int days) {
        MempoolStubs.mempool(HEIGHT, price, DIFFICULTY, FEES_144_BLOCKS_SATS, changePercent,
                System.currentTimeMillis() + days * 86_400_000L);
    }
}
