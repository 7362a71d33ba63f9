package io.hashdesk.account;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * The address a request comes from, for the per-address sign-in limit. With
 * {@code quarkus.http.proxy.proxy-address-forwarding=true} Quarkus replaces the request's remote address
 * by the client-sent {@code X-Forwarded-For}/{@code Forwarded} header, and without
 * {@code quarkus.http.proxy.trusted-proxies} it does so for ANY peer: anyone could then claim a fresh
 * address per attempt. So the forwarded address is used only when trusted proxies are configured (then
 * Quarkus applies the header only when the peer is one of them); otherwise the TCP peer's address.
 */
@Singleton
public class ClientAddress {

    @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false")
    boolean forwarding;

    @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies")
    Optional<List<String>> trustedProxies;

    public String of(RoutingContext routing) {
        if (routing == null) {
            return "unknown";
        }
        boolean trustForwarded = forwarding && trustedProxies.isPresent() && !trustedProxies.get().isEmpty();
        SocketAddress address = trustForwarded || routing.request().connection() == null
                ? routing.request().remoteAddress()
                : routing.request().connection().remoteAddress();
        return address == null ? "unknown" : address.hostAddress();
    }
}
