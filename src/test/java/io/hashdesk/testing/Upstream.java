package io.hashdesk.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * One WireMock server standing in for mempool (under /mempool), esplora (under /esplora) and Braiins Pool (under /braiins) for the
 * whole test run; the app's source URLs point at it. Applies to every @QuarkusTest, so all of them
 * share one application start.
 */
@QuarkusTestResource(Upstream.class)
public class Upstream implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    /** Starts the server outside a @QuarkusTest (integration tests that run the packaged app). */
    public static synchronized WireMockServer startShared() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort());
            server.start();
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        startShared();
        String base = "http://localhost:" + server.port();
        return Map.of("hashdesk.network.mempool-url", base + "/mempool",
                "hashdesk.network.esplora-url", base + "/esplora",
                "hashdesk.pools.braiins-url", base + "/braiins");
    }

    @Override
    public void stop() {
        // Kept for the whole JVM: several application starts (profiles) may share it.
    }
}
