package io.hashdesk.testing;

import java.time.Instant;
import java.util.List;

import io.hashdesk.network.MempoolStubs;
import io.hashdesk.network.NetworkSnapshot;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Network snapshots written straight to the store, for tests about history (ledgers, weekly figures). */
public final class Snapshots {

    private Snapshots() {
    }

    /**
     * A stored snapshot taken at {@code at}, at the given price and difficulty, height 934,000 (next retarget
     * at 935,424, 1,000 blocks away, +2 % expected), 0.03 BTC of fees per block.
     */
    public static NetworkSnapshot stored(Instant at, double price, double difficulty) {
        NetworkSnapshot s = MempoolStubs.snapshot(at, 934_000, price, difficulty);
        s.feesPerBlockBtc = 0.03;
        s.nextChangePercent = 2;
        s.previousRetargetPercent = 1;
        s.remainingBlocks = 1000;
        s.firstOfDay = false;
        QuarkusTransaction.requiringNew().run(() -> s.persist());
        return s;
    }

    public static void delete(List<NetworkSnapshot> snapshots) {
        QuarkusTransaction.requiringNew().run(() -> snapshots.forEach(s -> NetworkSnapshot.deleteById(s.id)));
    }
}
