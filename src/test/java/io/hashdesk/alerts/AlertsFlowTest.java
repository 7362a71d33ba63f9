package io.hashdesk.alerts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.hashdesk.account.AccountMails;
import io.hashdesk.account.Operator;
import io.hashdesk.currency.Fx;
import io.hashdesk.economics.FleetToday;
import io.hashdesk.economics.RigEconomics;
import io.hashdesk.network.NetworkService;
import io.hashdesk.projection.ProjectionService;
import io.hashdesk.testing.Operators;
import io.hashdesk.testing.Smtp;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The cases end to end: a stubbed network whose price crosses a group's switch-off price, the
 * alerts it fires by mail (GreenMail) and webhook (WireMock, signature checked), delivery retried.
 */
@QuarkusTest
@TestProfile(PrivateWebhooks.class)
class AlertsFlowTest {

    static WireMockServer hooks;

    @Inject
    NetworkService network;

    @Inject
    ProjectionService projections;

    @Inject
    AlertJob job;

    @BeforeAll
    static void startHooks() {
        hooks = new WireMockServer(options().dynamicPort());
        hooks.start();
    }

    @AfterAll
    static void stopHooks() {
        hooks.stop();
    }

    /** A webhook answering 200 at a path of its own; returns its secret. */
    static String webhook(Operators.Session s, String path) {
        hooks.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        return AlertFixtures.as(s).body("{\"url\":\"http://127.0.0.1:" + hooks.port() + path + "\"}")
                .post("/api/v1/alerts/webhooks").then().statusCode(201).extract().jsonPath().getString("secret");
    }

    static List<LoggedRequest> calls(String path) {
        return hooks.findAll(postRequestedFor(urlEqualTo(path)));
    }

    static List<Map<String, Object>> alerts(Operators.Session s) {
        return AlertFixtures.as(s).get("/api/v1/alerts").then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** The alert mails sent to {@code email}: account mails (the address's confirmation link) left out. */
    static List<MimeMessage> mails(String email) {
        return java.util.Arrays.stream(Smtp.server().getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equalsIgnoreCase(email)
                        && m.getHeader(AccountMails.KIND_HEADER) == null;
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Today's figures of the operator's fleet at a price, as the alerts compute them. */
    FleetToday at(Operator o, double price) {
        return RigEconomics.today(projections.fleetOf(o).fleet(), network.latest().state().withPrice(price),
                Instant.now().truncatedTo(ChronoUnit.HOURS));
    }

    @Test
    void crossingTheSwitchOffPriceFiresOnceEachWayByMailAndSignedWebhook() throws Exception {
        AlertFixtures.price(network, 71_000);
        Operators.Session s = AlertFixtures.verified("cross");
        long site = AlertFixtures.flatSite(s, "Pecos", 0.04);
        AlertFixtures.rig(s, site, "Antminer S19j Pro");
        String path = "/hook-" + UUID.randomUUID();
        String secret = webhook(s, path);
        Operator o = AlertFixtures.operator(s.email());
        double line = at(o, 71_000).groups().get(0).shutdownPriceUsd();
        assertThat(line).as("the group runs at 71,000 and has a switch-off price below it").isBetween(40_000.0, 68_000.0);

        AlertFixtures.price(network, 71_000); // first sight: the group is on, nothing fires
        AlertFixtures.price(network, line * 0.96);
        assertThat(alerts(s)).as("one refresh below is not yet confirmed (2 needed)").isEmpty();
        AlertFixtures.price(network, line * 0.96);
        List<Map<String, Object>> fired = alerts(s);
        assertThat(fired).hasSize(1);
        assertThat((String) fired.get(0).get("subject")).startsWith("Switch off: Antminer S19j Pro at Pecos, BTC ")
                .contains(" USD below " + Fx.USD.money0(line));
        assertThat(fired.get(0).get("kind")).isEqualTo("group-switch");
        AlertFixtures.price(network, line * 0.95);
        AlertFixtures.price(network, line * 0.94);
        assertThat(alerts(s)).as("none while it stays below").hasSize(1);

        job.run(Instant.now());
        assertThat(mails(s.email())).extracting(AlertsFlowTest::subject)
                .containsExactly((String) fired.get(0).get("subject"));
        List<LoggedRequest> calls = calls(path);
        assertThat(calls).hasSize(1);
        LoggedRequest call = calls.get(0);
        assertThat(call.getHeader("X-Hashdesk-Signature"))
                .isEqualTo(WebhookSignature.header(secret, call.getBody()));
        JsonPath body = JsonPath.from(new String(call.getBody(), StandardCharsets.UTF_8));
        assertThat(body.getLong("id")).isEqualTo(((Number) fired.get(0).get("id")).longValue());
        assertThat(call.getHeader("X-Hashdesk-Alert-Id")).isEqualTo(Long.toString(body.getLong("id")));
        assertThat(body.getString("subject")).isEqualTo(fired.get(0).get("subject"));
        assertThat(body.getString("text")).contains("profit");
        assertThat(body.getDouble("details.shutdownPriceUsd")).isCloseTo(line, org.assertj.core.data.Offset.offset(0.01));

        AlertFixtures.price(network, line * 1.04);
        AlertFixtures.price(network, line * 1.05);
        fired = alerts(s);
        assertThat(fired).hasSize(2);
        assertThat((String) fired.get(0).get("subject")).startsWith("Switch back on: Antminer S19j Pro at Pecos");
        job.run(Instant.now());
        job.run(Instant.now());
        assertThat(calls(path)).hasSize(2);
        assertThat(mails(s.email())).hasSize(2);
        assertThat(alerts(s).get(0).get("deliveries").toString()).contains("state=sent").doesNotContain("pending");
    }

    @Test
    void aPriceOscillatingInsideTheMarginFiresNothing() {
        AlertFixtures.price(network, 71_000);
        Operators.Session s = AlertFixtures.verified("margin");
        AlertFixtures.rig(s, AlertFixtures.flatSite(s, "Odessa", 0.04), "Antminer S19j Pro");
        double line = at(AlertFixtures.operator(s.email()), 71_000).groups().get(0).shutdownPriceUsd();
        AlertFixtures.price(network, line * 1.003); // first sight, inside the margin: state unknown
        for (int i = 0; i < 3; i++) {
            AlertFixtures.price(network, line * 0.995);
            AlertFixtures.price(network, line * 0.995);
            AlertFixtures.price(network, line * 1.005);
            AlertFixtures.price(network, line * 1.005);
        }
        assertThat(alerts(s)).isEmpty();
        // Beyond the margin the group is settled as on, and a crossing beyond the margin below then fires.
        AlertFixtures.price(network, line * 1.05);
        AlertFixtures.price(network, line * 0.995);
        AlertFixtures.price(network, line * 1.005);
        assertThat(alerts(s)).isEmpty();
        AlertFixtures.price(network, line * 0.97);
        AlertFixtures.price(network, line * 0.97);
        assertThat(alerts(s)).hasSize(1);
    }

    @Test
    void aCurtailingTimeOfUseGroupIsOffOnlyWhenNoHourPays() {
        AlertFixtures.price(network, 71_000);
        Operators.Session s = AlertFixtures.verified("tou");
        AlertFixtures.rig(s, AlertFixtures.touSite(s, "Abilene", 0.03, 0.20), "Antminer S19 XP");
        Operator o = AlertFixtures.operator(s.email());
        // The price below which no hour pays: bisect the group's own switch-off verdict.
        double lo = 1_000, hi = 200_000;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (at(o, mid).groups().get(0).switchOff()) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double line = hi;
        FleetToday partTime = at(o, line * 1.2);
        assertThat(partTime.groups().get(0).partTime()).as("at 1.2 x the line only the cheap hours pay").isTrue();
        assertThat(partTime.groups().get(0).runningHours()).isLessThan(24);

        AlertFixtures.price(network, line * 1.2);
        AlertFixtures.price(network, line * 1.1);
        AlertFixtures.price(network, line * 1.1);
        assertThat(alerts(s)).as("losing in the dear hours is not 'switch off' while some hour pays").isEmpty();
        AlertFixtures.price(network, line * 0.97);
        AlertFixtures.price(network, line * 0.97);
        List<Map<String, Object>> fired = alerts(s);
        assertThat(fired).hasSize(1);
        assertThat((String) fired.get(0).get("subject")).startsWith("Switch off: Antminer S19 XP at Abilene");
        assertThat((String) fired.get(0).get("text")).contains("No hour of the day pays");
        AlertFixtures.price(network, line * 1.1);
        AlertFixtures.price(network, line * 1.1);
        fired = alerts(s);
        assertThat(fired).hasSize(2);
        assertThat((String) fired.get(0).get("subject")).startsWith("Switch back on: Antminer S19 XP at Abilene");
        assertThat((String) fired.get(0).get("text")).contains("12 hours of the day pay again");
    }

    @Test
    void aWebhookAnswering500ThenIsDeliveredOnceAndSmtpDownThenUpDeliversTheMailOnce() {
        AlertFixtures.price(network, 71_000);
        Operators.Session s = AlertFixtures.verified("retry");
        AlertFixtures.rig(s, AlertFixtures.flatSite(s, "Midland", 0.04), "Antminer S21");
        String path = "/flaky-" + UUID.randomUUID();
        hooks.stubFor(post(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
        hooks.stubFor(post(urlEqualTo(path)).inScenario(path).whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));
        String secret = AlertFixtures.as(s).body("{\"url\":\"http://127.0.0.1:" + hooks.port() + path + "\"}")
                .post("/api/v1/alerts/webhooks").then().statusCode(201).extract().jsonPath().getString("secret");
        double line = at(AlertFixtures.operator(s.email()), 71_000).groups().get(0).shutdownPriceUsd();
        AlertFixtures.price(network, 71_000);
        Smtp.refuse();
        try {
            AlertFixtures.price(network, line * 0.9);
            AlertFixtures.price(network, line * 0.9);
            assertThat(alerts(s)).hasSize(1);
            Instant now = Instant.now();
            job.run(now);
            assertThat(calls(path)).hasSize(1);
            assertThat(mails(s.email())).isEmpty();
            Map<String, Object> alert = alerts(s).get(0);
            assertThat(alert.get("deliveries").toString()).contains("channel=email, state=pending, attempts=1")
                    .contains("state=pending, attempts=1, lastError=HTTP 500");
            AlertFixtures.as(s).get("/api/v1/alerts/webhooks").then().statusCode(200)
                    .body("[0].lastStatus", org.hamcrest.Matchers.equalTo("500"));
            job.run(now.plusSeconds(5));
            assertThat(calls(path)).as("not again before its backoff").hasSize(1);
            Smtp.accept();
            job.run(now.plus(Duration.ofMinutes(2)));
            job.run(now.plus(Duration.ofMinutes(10)));
        } finally {
            Smtp.accept();
        }
        List<LoggedRequest> calls = calls(path);
        assertThat(calls).as("500 once, then 200 once, never again").hasSize(2);
        assertThat(calls.get(1).getHeader("X-Hashdesk-Signature"))
                .isEqualTo(WebhookSignature.header(secret, calls.get(1).getBody()));
        assertThat(calls.get(1).getBody()).isEqualTo(calls.get(0).getBody());
        assertThat(mails(s.email())).hasSize(1);
        assertThat(alerts(s).get(0).get("deliveries").toString()).contains("channel=email, state=sent")
                .contains("state=sent, attempts=2");
    }
}
