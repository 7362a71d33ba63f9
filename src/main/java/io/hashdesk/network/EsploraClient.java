package io.hashdesk.network;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** An esplora REST API (base URL hashdesk.network.esplora-url): blocks only. */
@RegisterProvider(UpstreamSizeLimit.class)
@RegisterRestClient(configKey = "esplora")
public interface EsploraClient {

    @GET
    @Path("/blocks/tip/height")
    String tipHeight();

    @GET
    @Path("/block-height/{height}")
    String blockHash(@PathParam("height") long height);

    @GET
    @Path("/block/{hash}")
    String block(@PathParam("hash") String hash);
}
