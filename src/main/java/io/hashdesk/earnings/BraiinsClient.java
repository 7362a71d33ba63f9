package io.hashdesk.earnings;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.hashdesk.network.UpstreamSizeLimit;

/**
 * Braiins Pool's account API (base URL hashdesk.pools.braiins-url), authenticated by the account's
 * access-profile token in the Pool-Auth-Token header. Bodies are read as text, at most 2 MB, and
 * checked by {@link BraiinsAnswers}.
 */
@RegisterProvider(UpstreamSizeLimit.class)
@RegisterRestClient(configKey = "braiins")
public interface BraiinsClient {

    String TOKEN_HEADER = "Pool-Auth-Token";

    /** {@code {"btc": {"daily_rewards": [{"date": <unix s, UTC day start>, "total_reward": "0.001"}, ...]}}}. */
    @GET
    @Path("/accounts/rewards/json/btc")
    String rewards(@HeaderParam(TOKEN_HEADER) String token, @QueryParam("from") String from,
            @QueryParam("to") String to);

    /** {@code {"btc": {"hash_rate_unit": "Gh/s", "hash_rate_24h": 123.4, ...}}}. */
    @GET
    @Path("/accounts/profile/json/btc/")
    String profile(@HeaderParam(TOKEN_HEADER) String token);
}
