package io.hashdesk.network;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The mempool REST API (base URL hashdesk.network.mempool-url). Bodies are read as text and validated by us. */
@RegisterProvider(UpstreamSizeLimit.class)
@RegisterRestClient(configKey = "mempool")
@Path("/api")
public interface MempoolClient {

    @GET
    @Path("/v1/prices")
    String prices();

    @GET
    @Path("/v1/difficulty-adjustment")
    String difficultyAdjustment();

    @GET
    @Path("/v1/mining/hashrate/3m")
    String hashrate3m();

    @GET
    @Path("/v1/mining/reward-stats/144")
    String rewardStats144();

    @GET
    @Path("/blocks/tip/height")
    String tipHeight();
}
