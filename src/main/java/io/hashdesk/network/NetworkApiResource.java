package io.hashdesk.network;

import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** GET /api/v1/network as in docs/api.md (plus a few fields a script may want). */
@Path("/api/v1/network")
@Produces(MediaType.APPLICATION_JSON)
public class NetworkApiResource {

    /** The next retarget as the contract names it. */
    public record NextAdjustment(double changePercent, long retargetHeight, Instant estimatedRetargetDate,
            long remainingBlocks, double progressPercent, double previousRetargetPercent) {
    }

    /**
     * @param sample true while the app shows its bundled sample (no live data yet)
     * @param priceFetchedAt when the price was read (earlier than fetchedAt when carried over)
     */
    public record Body(String source, Instant fetchedAt, boolean stale, boolean sample, double priceUsd,
            Instant priceFetchedAt, double difficulty, long height, double hashrate, double feesPerBlockBtc,
            double avgBlockTimeSeconds, double hashpriceUsdPerThDay, NextAdjustment nextAdjustment) {

        public static Body of(NetworkView n) {
            return new Body(n.source(), n.fetchedAt(), n.stale(), n.bundled(), n.priceUsd(), n.priceAt(),
                    n.difficulty(), n.height(), n.hashrate(), n.feesPerBlockBtc(), n.avgBlockTimeSeconds(),
                    n.hashpriceUsdPerThDay(), new NextAdjustment(n.nextChangePercent(), n.nextRetargetHeight(),
                            n.estimatedRetargetDate(), n.remainingBlocks(), n.progressPercent(),
                            n.previousRetargetPercent()));
        }
    }

    @Inject
    NetworkService network;

    @GET
    public Body get() {
        return Body.of(network.latest());
    }
}
