package io.hashdesk.network;

import java.io.InputStream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The mempool REST API (base URL hashdesk.network.mempool-url). Each answer is a stream, read on the
 * calling worker thread up to {@link UpstreamSizeLimit#MAX_BYTES} ({@link UpstreamJson#call}): a String
 * return would make the client buffer the whole body on the event loop before any limit is checked.
 */
@RegisterProvider(UpstreamSizeLimit.class)
@RegisterRestClient(configKey = "mempool")
@Path("/api")
public interface MempoolClient {

    @GET
    @Path("/v1/prices")
    InputStream prices();

    @GET
    @Path("/v1/difficulty-adjustment")
    InputStream difficultyAdjustment();

    @GET
    @Path("/v1/mining/hashrate/3m")
    InputStream hashrate3m();

    @GET
    @Path("/v1/mining/reward-stats/144")
    InputStream rewardStats144();

    @GET
    @Path("/blocks/tip/height")
    InputStream tipHeight();
}
