package io.hashdesk.earnings;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.hashdesk.network.UpstreamSizeLimit;

/** mempool's history endpoints (the same base URL and timeouts as the live source). Bodies as text, at most 2 MB. */
@RegisterProvider(UpstreamSizeLimit.class)
@RegisterRestClient(configKey = "mempool")
@Path("/api/v1")
public interface MempoolHistoryClient {

    /** {@code [[time, height, difficulty, change], ...]}, newest first: every retarget. */
    @GET
    @Path("/mining/difficulty-adjustments")
    String difficultyAdjustments();

    /** {@code {"prices": [{"time": ..., "USD": ...}], "exchangeRates": {...}}}: the close at or before the time. */
    @GET
    @Path("/historical-price")
    String historicalPrice(@QueryParam("currency") String currency, @QueryParam("timestamp") long timestamp);

    /** {@code [{"id": ..., "height": ..., "timestamp": <unix s>, ...}, ...]}: up to 15 blocks from the height down. */
    @GET
    @Path("/blocks/{height}")
    String blocks(@PathParam("height") long height);

    /** {@code [{"avgHeight": ..., "timestamp": ..., "avgFees": <sats>, "USD": ...}, ...]} over the interval. */
    @GET
    @Path("/mining/blocks/fees/{interval}")
    String blockFees(@PathParam("interval") String interval);
}
