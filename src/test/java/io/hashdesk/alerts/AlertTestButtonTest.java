package io.hashdesk.alerts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.hashdesk.network.NetworkService;
import io.hashdesk.testing.Operators;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * "Send a test alert" on a webhook: the test alert goes to that webhook, at once, and to no other; the
 * request never delivers other alerts (another operator's webhooks could hold it up): the delivery job
 * sends those, to every webhook waiting (three webhooks for a fired alert: all three called, not only
 * the first); each delivery is visible on /alerts and in the JSON. The scheduled job runs beside the
 * test and may claim a delivery first, so each call is awaited rather than read at once.
 */
@QuarkusTest
@TestProfile(PrivateWebhooks.class)
class AlertTestButtonTest {

    static WireMockServer hooks;

    @Inject
    NetworkService network;

    @Inject
    AlertJob job;

    /** Waits up to 15 s for {@code check} to pass, then runs it once more so that its failure says what differed. */
    static void eventually(Runnable check) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                check.run();
                return;
            } catch (AssertionError e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        check.run();
    }

    @BeforeAll
    static void startHooks() {
        hooks = new WireMockServer(options().dynamicPort());
        hooks.start();
    }

    @AfterAll
    static void stopHooks() {
        hooks.stop();
    }

    static List<String> subjectsCalled(String path) {
        return hooks.findAll(postRequestedFor(urlEqualTo(path))).stream()
                .map(r -> JsonPath.from(new String(r.getBody(), StandardCharsets.UTF_8)).getString("subject")).toList();
    }

    @Test
    void aTestAlertSendsEveryDueWebhookAndShowsEachDelivery() {
        AlertFixtures.price(network, 71_000);
        Operators.Session s = AlertFixtures.verified("test-button");
        List<String> paths = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String path = "/test-button-" + i + "-" + UUID.randomUUID();
            hooks.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
            paths.add(path);
            ids.add(AlertFixtures.as(s).body("{\"url\":\"http://127.0.0.1:" + hooks.port() + path + "\"}")
                    .post("/api/v1/alerts/webhooks").then().statusCode(201).extract().jsonPath().getLong("id"));
        }
        AlertFixtures.as(s).body("{\"kind\":\"price-below\",\"threshold\":65000,\"confirmations\":1}")
                .post("/api/v1/alerts/rules").then().statusCode(201);
        AlertFixtures.price(network, 71_000); // first sight: above
        AlertFixtures.price(network, 60_000); // below: fires, its three webhook deliveries are due
        List<Map<String, Object>> fired = AlertFixtures.as(s).get("/api/v1/alerts").then().statusCode(200).extract()
                .jsonPath().getList("$");
        assertThat(fired).hasSize(1);
        String subject = (String) fired.get(0).get("subject");

        // The button on the second webhook (the page's form).
        Map<String, String> flash = given().cookies(s.cookies()).formParam("csrf-token", s.csrf())
                .formParam("webhookId", ids.get(1).toString()).redirects().follow(false).post("/alerts/test").then()
                .statusCode(303).extract().cookies();
        eventually(() -> assertThat(subjectsCalled(paths.get(1))).contains("Test alert from hashdesk"));
        assertThat(subjectsCalled(paths.get(0))).doesNotContain("Test alert from hashdesk");
        assertThat(subjectsCalled(paths.get(2))).doesNotContain("Test alert from hashdesk");
        // The fired alert's three deliveries go out with the delivery job, to every webhook.
        job.run(java.time.Instant.now());
        eventually(() -> {
            assertThat(subjectsCalled(paths.get(0))).containsExactly(subject);
            assertThat(subjectsCalled(paths.get(1))).containsExactlyInAnyOrder(subject, "Test alert from hashdesk");
            assertThat(subjectsCalled(paths.get(2))).containsExactly(subject);
        });
        String page = given().cookies(s.cookies()).cookies(flash).get("/alerts").then().statusCode(200).extract().asString();
        assertThat(page).contains("Test alert sent to webhook " + ids.get(1));
        JsonPath history = AlertFixtures.as(s).get("/api/v1/alerts").then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("kind")).containsExactly("test", "price-below");
        assertThat(history.getList("[0].deliveries.channel")).containsExactly("webhook " + ids.get(1));
        assertThat(history.getList("[1].deliveries.channel")).contains("webhook " + ids.get(0), "webhook " + ids.get(1),
                "webhook " + ids.get(2));
        eventually(() -> assertThat(AlertFixtures.as(s).get("/api/v1/alerts").then().statusCode(200).extract()
                .jsonPath().getList("[1].deliveries.findAll { it.channel.startsWith('webhook') }.state"))
                .containsExactly("sent", "sent", "sent"));
    }
}
