package io.hashdesk.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Operators;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Health and metrics are for whoever runs the instances, not for operators: they answer on the
 * management port only, and the port operators sign in on does not serve them at all.
 */
@QuarkusTest
class ManagementInterfaceTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @TestHTTPResource("/")
    URL main;

    @Test
    void aSignedInOperatorCannotReadHealthOrMetricsOnTheMainPort() {
        Operators.Session s = Operators.newSignedIn("mgmt");
        for (String path : new String[] { "/q/metrics", "/q/health", "/q/health/ready", "/q/health/live" }) {
            given().cookies(s.cookies()).redirects().follow(false).get(path)
                    .then().statusCode(404).body(not(containsString("jvm_memory"))).body(not(containsString("\"UP\"")));
        }
        // Without a session the main port sends the visitor to sign in, exactly as for any private path.
        given().redirects().follow(false).get("/q/metrics").then().statusCode(302)
                .header("Location", containsString("/login"));
    }

    @Test
    void theManagementPortAnswersHealthAndMetrics() {
        assertNotEquals(main.getPort(), management.getPort(), "health must be on a port of its own");
        String base = "http://" + management.getHost() + ":" + management.getPort();
        given().baseUri(base).get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().baseUri(base).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("Network data"));
        given().baseUri(base).get("/q/metrics").then().statusCode(200)
                .body(containsString("hashdesk_network_data_age_seconds"))
                .body(containsString("jvm_memory_used_bytes"));
    }
}
