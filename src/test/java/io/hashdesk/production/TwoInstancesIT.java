package io.hashdesk.production;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.hashdesk.network.MempoolStubs;
import io.hashdesk.testing.Upstream;
import io.restassured.path.json.JsonPath;

/**
 * Two instances of the packaged PostgreSQL app (built by {@code ./mvnw verify} into
 * target/postgresql, as the README's production build) on one fresh schema of the local
 * PostgreSQL, started at the same moment with one HASHDESK_SESSION_KEY, as a load balancer would
 * see them. Live data comes from a WireMock stand-in for mempool.
 *
 * <p>Tests tagged {@code needs-...} wait for work on other branches and are left out by the
 * {@code it.excludedGroups} property in pom.xml until it is merged ({@code -Dit.excludedGroups=}
 * runs everything). Still to add once the summary outbox lands: a weekly summary due now delivered
 * exactly once across both (point {@code QUARKUS_MAILER_HOST/PORT} of both instances at one GreenMail).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    static final String PASSWORD = "correct horse battery staple";
    static final long HEIGHT = 935_000;
    static final double PRICE = 71_000;

    ScratchSchema schema;
    WireMockServer upstream;
    AppInstance a;
    AppInstance b;

    @BeforeAll
    void startTwoInstancesOnOneDatabase() {
        String app = System.getProperty("hashdesk.postgresql.app");
        if (app == null || !Files.isRegularFile(Path.of(app))) {
            throw new IllegalStateException("the PostgreSQL package is missing (" + app
                    + "): run this test with ./mvnw verify, which builds it into target/postgresql");
        }
        upstream = Upstream.startShared();
        upstream.resetAll();
        MempoolStubs.mempool(HEIGHT, PRICE, 1.355e14, 432_000_000L, -5, System.currentTimeMillis() + 3L * 86_400_000);
        schema = ScratchSchema.create("two");

        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", schema.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", ScratchSchema.user());
        env.put("QUARKUS_FLYWAY_SCHEMAS", schema.name);
        env.put("QUARKUS_FLYWAY_DEFAULT_SCHEMA", schema.name);
        env.put("HASHDESK_SESSION_KEY", Base64.getUrlEncoder().withoutPadding().encodeToString(key));
        String base = "http://127.0.0.1:" + upstream.port();
        env.put("HASHDESK_NETWORK_MEMPOOL_URL", base + "/mempool");
        env.put("HASHDESK_NETWORK_ESPLORA_URL", base + "/esplora");
        // One refresh each, about 2 s after start (the scheduler's delay); none during the test after that.
        env.put("HASHDESK_NETWORK_REFRESH", "1h");
        env.put("QUARKUS_SHUTDOWN_DELAY", "5s");

        Path work = Path.of("target", "two-instances", schema.name);
        // Both at once: their migrations race, and Flyway's lock must let exactly one run them.
        a = AppInstance.start("a", Path.of(app), work.resolve("a"), env);
        b = AppInstance.start("b", Path.of(app), work.resolve("b"), env);
        // A few seconds each on a quiet machine; generous for a build machine shared with other builds.
        a.awaitReady(Duration.ofSeconds(180));
        b.awaitReady(Duration.ofSeconds(180));
    }

    @AfterAll
    void stopEverything() {
        try {
            for (AppInstance instance : new AppInstance[] { a, b }) {
                if (instance != null) {
                    instance.close();
                }
            }
        } finally {
            if (schema != null) {
                schema.close();
            }
            if (upstream != null) {
                upstream.resetAll();
            }
        }
    }

    /** A new operator, registered on one instance and signed in on the other. */
    Visitor signedIn(AppInstance registerOn, AppInstance signInOn) {
        Visitor v = new Visitor();
        String email = "two-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        v.register(registerOn, email, PASSWORD).then().statusCode(303);
        v.signIn(signInOn, email, PASSWORD).then().statusCode(302).header("Location", endsWith("/dashboard"));
        assertTrue(v.session() != null, "signed in, with a session cookie");
        return v;
    }

    @Test
    @Order(1)
    void migrationsRanOnceThoughBothInstancesStartedTogether() throws IOException {
        long migrations;
        try (Stream<Path> files = Files.list(Path.of("src", "main", "resources", "db", "migration"))) {
            migrations = files.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
        }
        String history = "flyway_schema_history where version is not null";
        assertEquals(migrations, schema.count("select count(*) from " + history), schema.rows("select * from " + history).toString());
        assertEquals(migrations, schema.count("select count(distinct version) from " + history));
        assertEquals(0, schema.count("select count(*) from " + history + " and not success"));
        for (AppInstance instance : new AppInstance[] { a, b }) {
            JsonPath ready = JsonPath.from(new Visitor().on(instance).baseUri(instance.managementUrl())
                    .get("/q/health/ready").then().statusCode(200).extract().asString());
            assertEquals("UP", ready.getString("status"));
            assertEquals("UP", ready.getString("checks.find { it.name == 'Database connections health check' }.status"));
        }
    }

    @Test
    @Order(2)
    void aSessionFromOneInstanceIsAcceptedByTheOther() {
        Visitor v = signedIn(a, a);
        v.on(b).get("/api/v1/me").then().statusCode(200).body("email", containsString("two-"));
        v.on(b).get("/dashboard").then().statusCode(200).body(containsString("Dashboard"));
        // And back: a cookie B refreshes is still one A accepts.
        v.get(b, "/rigs");
        v.on(a).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    @Order(3)
    void aRigWrittenOnOneInstanceIsReadOnTheOther() {
        // Registered on B, signed in on A: the CSRF cookie came from B, the writes go to B and the reads to A.
        Visitor v = signedIn(b, a);
        long site = v.json(b).body("{\"name\":\"Two-instance site\",\"tariff\":{\"type\":\"flat\",\"usdPerKwh\":0.05},"
                + "\"hostingUsdPerMonth\":0,\"curtail\":false,\"timezone\":\"UTC\"}")
                .post("/api/v1/sites").then().statusCode(201).extract().jsonPath().getLong("id");
        long rig = v.json(b).body("{\"siteId\":" + site + ",\"model\":\"Custom 321 TH\",\"units\":7,\"terahash\":321,"
                + "\"watts\":5000}")
                .post("/api/v1/rigs").then().statusCode(201).extract().jsonPath().getLong("id");

        v.on(a).get("/api/v1/rigs/" + rig).then().statusCode(200)
                .body("model", equalTo("Custom 321 TH")).body("units", equalTo(7));
        v.on(a).get("/rigs").then().statusCode(200).body(containsString("Custom 321 TH"))
                .body(containsString("Two-instance site"));
    }

    /** Waits until both instances show mempool's reading (each fetched it once, about 2 s after it started). */
    void awaitLiveDataOnBoth(Visitor v) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (AppInstance instance : new AppInstance[] { a, b }) {
            while (!"mempool".equals(v.on(instance).get("/api/v1/network").then().statusCode(200)
                    .extract().jsonPath().getString("source"))) {
                assertTrue(System.nanoTime() < deadline, instance + " never showed the live data");
                AppInstance.sleep(250);
            }
        }
    }

    @Test
    @Order(4)
    void bothInstancesShowTheLiveReading() {
        Visitor v = signedIn(a, b);
        awaitLiveDataOnBoth(v);
        for (AppInstance instance : new AppInstance[] { a, b }) {
            v.on(instance).get("/api/v1/network").then().statusCode(200)
                    .body("height", equalTo((int) HEIGHT)).body("priceUsd", equalTo((float) PRICE))
                    .body("sample", equalTo(false));
        }
    }

    /**
     * Both instances run the scheduled refresh against the same upstream reading; the charts must
     * not get that reading twice. Needs the database-enforced dedupe of the robustness work: until it
     * is merged this test is excluded by the {@code it.excludedGroups} property in pom.xml (run it
     * with {@code -Dit.excludedGroups=}).
     */
    @Test
    @Order(5)
    @Tag("needs-snapshot-dedupe")
    void twoInstancesRefreshingTheSameReadingStoreItOnce() {
        awaitLiveDataOnBoth(signedIn(b, a));
        AppInstance.sleep(1000);
        assertEquals(1, schema.count("select count(*) from network_snapshot"),
                schema.rows("select id, fetched_at, source, height, price_usd from network_snapshot").toString());
    }

    /**
     * Sign-out on A ends the session on B too: a copy of the cookie kept from before (as a thief
     * would keep it) is refused there. Needs the server-side session check of the security work:
     * excluded through {@code it.excludedGroups} until that is merged.
     */
    @Test
    @Order(6)
    @Tag("needs-session-end")
    void signOutOnOneInstanceEndsTheSessionOnTheOther() {
        Visitor v = signedIn(a, a);
        Map<String, String> copy = v.cookies();
        v.on(b).get("/api/v1/me").then().statusCode(200);
        String token = v.formToken(a, "/dashboard"); // the sign-out button's form
        v.keep(v.on(a).formParam("csrf-token", token).post("/logout")).then().statusCode(303);
        given().baseUri(b.url()).cookies(copy).redirects().follow(false).get("/api/v1/me").then().statusCode(401);
        given().baseUri(b.url()).cookies(copy).redirects().follow(false).get("/dashboard").then().statusCode(302)
                .header("Location", containsString("/login"));
    }

    /**
     * A rolling restart: SIGTERM to B. For the shutdown delay B's readiness is DOWN (a balancer
     * probing it stops sending traffic) while B still answers what reaches it; then it exits.
     */
    @Test
    @Order(100)
    void onSigtermReadinessTurnsDownWhileRequestsAreStillServed() {
        Visitor v = signedIn(a, b);
        b.terminate();
        long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        int ready;
        while ((ready = b.management("/q/health/ready")) != 503 && System.nanoTime() < deadline) {
            AppInstance.sleep(50);
        }
        assertEquals(503, ready, "readiness during the shutdown delay");
        v.on(b).get("/api/v1/me").then().statusCode(200);
        b.awaitExit(Duration.ofSeconds(40));
        assertEquals(-1, b.management("/q/health/live"), "B is gone");
        v.on(a).get("/api/v1/me").then().statusCode(200);
        assertEquals(200, a.management("/q/health/ready"));
    }
}
