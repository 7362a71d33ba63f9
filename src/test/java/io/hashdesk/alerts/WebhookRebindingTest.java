package io.hashdesk.alerts;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Operators;
import io.quarkus.test.junit.QuarkusTest;

/**
 * DNS rebinding: a webhook whose name resolved to a public address when it was saved, and resolves to
 * 127.0.0.1 when an alert is sent (the name mapped in the test), is not called: the delivery fails at
 * once, saying where the name pointed, and the webhook's last status says "refused". Private
 * addresses are refused by default (this test's profile).
 */
@QuarkusTest
class WebhookRebindingTest {

    static final String NAME = "hooks.rebinding.test";

    @Inject
    AlertService alerts;

    @Inject
    WebhookSender sender;

    /** Where the test's name resolves now. */
    final AtomicReference<String> address = new AtomicReference<>("93.184.215.14");

    WebhookAddress.Resolver mapped() {
        return host -> {
            if (NAME.equals(host)) {
                return new InetAddress[] { InetAddress.getByName(address.get()) };
            }
            throw new UnknownHostException(host);
        };
    }

    @AfterEach
    void dnsAgain() {
        alerts.resolveWith(null);
        sender.resolveWith(null);
    }

    @Test
    void aNameThatResolvesToLoopbackWhenTheAlertIsSentIsNotCalled() {
        alerts.resolveWith(mapped());
        sender.resolveWith(mapped());
        Operators.Session s = AlertFixtures.verified("rebind");
        long id = AlertFixtures.as(s).body("{\"url\":\"https://" + NAME + "/hook\"}").post("/api/v1/alerts/webhooks")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        address.set("127.0.0.1"); // the name's owner rebinds it to the server's own loopback
        AlertFixtures.as(s).post("/api/v1/alerts/test?webhookId=" + id).then().statusCode(202)
                .body("deliveries[0].channel", equalTo("webhook " + id))
                .body("deliveries[0].state", equalTo("failed"))
                .body("deliveries[0].lastError", containsString("points to 127.0.0.1"));
        AlertFixtures.as(s).get("/api/v1/alerts/webhooks").then().statusCode(200)
                .body("[0].lastStatus", equalTo("refused"));
        // And a name that is loopback when saved (localhost, through the real resolver) is refused there.
        alerts.resolveWith(null);
        AlertFixtures.as(s).body("{\"url\":\"https://localhost/hook\"}").post("/api/v1/alerts/webhooks").then()
                .statusCode(422).body("errors[0].field", equalTo("url"));
    }
}
