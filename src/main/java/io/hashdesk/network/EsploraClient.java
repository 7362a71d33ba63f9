package io.hashdesk.network;

import java.io.InputStream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * An esplora REST API (base URL hashdesk.network.esplora-url): blocks only. Answers are streams, read up
 * to {@link UpstreamSizeLimit#MAX_BYTES} by {@link UpstreamJson#call} (see {@link MempoolClient}).
 */
@RegisterProvider(UpstreamSizeLimit.class)
@RegisterRestClient(configKey = "esplora")
public interface EsploraClient {

    @GET
    @Path("/blocks/tip/height")
    InputStream tipHeight();

    @GET
    @Path("/block-height/{height}")
    InputStream blockHash(@PathParam("height") long height);

    @GET
    @Path("/block/{hash}")
    InputStream block(@PathParam("hash") String hash);
}
