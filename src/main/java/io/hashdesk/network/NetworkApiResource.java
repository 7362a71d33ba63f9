package io.hashdesk.network;

import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.hashdesk.currency.DisplayFx;
import io.hashdesk.currency.Fx;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** GET /api/v1/network as in docs/api.md (plus a few fields a script may want). */
@Path("/api/v1/network")
@Tag(name = "Network", description = "The latest stored network snapshot: price, difficulty, hashrate, fees, the next adjustment.")
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
    @Schema(name = "Network")
    public record Body(String source, Instant fetchedAt, boolean stale, boolean sample, double priceUsd,
            Instant priceFetchedAt, double difficulty, long height, double hashrate, double feesPerBlockBtc,
            double avgBlockTimeSeconds, double hashpriceUsdPerThDay, NextAdjustment nextAdjustment,
            @JsonInclude(JsonInclude.Include.NON_NULL) Fx fx) {

        public static Body of(NetworkView n) {
            return of(n, null);
        }

        /** With the operator's display currency at this snapshot's rates (money stays in the ...Usd fields). */
        public static Body of(NetworkView n, Fx fx) {
            return new Body(n.source(), n.fetchedAt(), n.stale(), n.bundled(), n.priceUsd(), n.priceAt(),
                    n.difficulty(), n.height(), n.hashrate(), n.feesPerBlockBtc(), n.avgBlockTimeSeconds(),
                    n.hashpriceUsdPerThDay(), new NextAdjustment(n.nextChangePercent(), n.nextRetargetHeight(),
                            n.estimatedRetargetDate(), n.remainingBlocks(), n.progressPercent(),
                            n.previousRetargetPercent()), fx);
        }
    }

    @Inject
    NetworkService network;

    @Inject
    DisplayFx fx;

    @GET
    @Operation(summary = "The latest network data", description = "Read from the stored snapshot (no request waits on the"
            + " internet): its source (mempool, esplora or the bundled sample), age, and whether it is stale.")
    public Body get() {
        NetworkView n = network.latest();
        return Body.of(n, fx.at(n));
    }
}
