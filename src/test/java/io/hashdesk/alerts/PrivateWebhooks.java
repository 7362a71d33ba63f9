package io.hashdesk.alerts;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Webhooks may call the test's own WireMock on 127.0.0.1 over http (refused by default). */
public class PrivateWebhooks implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("hashdesk.alerts.allow-private-webhooks", "true");
    }
}
