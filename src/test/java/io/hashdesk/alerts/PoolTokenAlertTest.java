package io.hashdesk.alerts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Operators;
import io.hashdesk.testing.Upstream;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The pool-token-refused rule: accepted only for the operator's own accounts, fired once when the pool refuses. */
@QuarkusTest
class PoolTokenAlertTest {

    @Inject
    AlertJob job;

    static long account(Operators.Session s, String token) {
        return AlertFixtures.as(s).body("{\"name\": \"Braiins main\", \"kind\": \"braiins\", \"token\": \"" + token + "\"}")
                .post("/api/v1/pools").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static void refuse(String token) {
        Upstream.server().stubFor(get(urlPathEqualTo("/braiins/accounts/rewards/json/btc"))
                .withHeader("Pool-Auth-Token", equalTo(token)).willReturn(aResponse().withStatus(401)
                        .withHeader("Content-Type", "application/json").withBody("{\"detail\": \"Invalid token\"}")));
    }

    static List<String> alerts(Operators.Session s) {
        return AlertFixtures.as(s).get("/api/v1/alerts").then().statusCode(200).extract().jsonPath().getList("subject");
    }

    @Test
    void aRefusedTokenFiresOnceAndOnlyTheOperatorsOwnAccountsAreAccepted() {
        Operators.Session s = AlertFixtures.verified("pool-token");
        Operators.Session other = AlertFixtures.verified("pool-token-other");
        String token = "brtk-" + UUID.randomUUID();
        long id = account(s, token);
        long theirs = account(other, "brtk-" + UUID.randomUUID());
        AlertFixtures.as(s).body("{\"kind\":\"pool-token-refused\",\"poolId\":" + theirs + "}")
                .post("/api/v1/alerts/rules").then().statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("poolId"));
        AlertFixtures.as(s).body("{\"kind\":\"price-below\",\"threshold\":60000,\"poolId\":" + id + "}")
                .post("/api/v1/alerts/rules").then().statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("poolId"));
        AlertFixtures.as(s).body("{\"kind\":\"pool-token-refused\",\"poolId\":" + id + "}")
                .post("/api/v1/alerts/rules").then().statusCode(201);
        job.run(Instant.now()); // first sight: the account is not refused, nothing fires
        assertThat(alerts(s)).isEmpty();

        refuse(token);
        JsonPath after = AlertFixtures.as(s).post("/api/v1/pools/" + id + "/fetch").then().statusCode(200).extract()
                .jsonPath();
        assertThat(after.getString("state")).isEqualTo("token-refused");
        assertThat(alerts(s)).containsExactly("Save a new token: the pool refuses the token of Braiins main");

        AlertFixtures.as(s).post("/api/v1/pools/" + id + "/fetch").then().statusCode(200);
        job.run(Instant.now().plusSeconds(60));
        assertThat(alerts(s)).as("once, however often it is evaluated").hasSize(1);
        assertThat(alerts(other)).isEmpty();
    }
}
