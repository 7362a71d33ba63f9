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
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.hashdesk.account.AccountMails;
import io.hashdesk.network.MempoolStubs;
import io.hashdesk.testing.Upstream;
import io.restassured.path.json.JsonPath;

/**
 * Two instances of the packaged PostgreSQL app (built by {@code ./mvnw verify} into
 * target/postgresql, as the README's production build) on one fresh schema of the local
 * PostgreSQL, started at the same moment with one HASHDESK_SESSION_KEY, as a load balancer would
 * see them. Live data comes from a WireMock stand-in for mempool, and both send mail to one GreenMail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    static final String PASSWORD = "correct horse battery staple";
    static final long HEIGHT = 935_000;
    static final double PRICE = 71_000;

    ScratchSchema schema;
    WireMockServer upstream;
    GreenMail smtp;
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
        try (ServerSocket socket = new ServerSocket(0)) {
            smtp = new GreenMail(new ServerSetup(socket.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        } catch (IOException e) {
            throw new IllegalStateException("no free port for the SMTP server", e);
        }
        smtp.start();

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
        // One refresh each, about 2 s after start (the scheduler's delay), none later; and a refresh
        // period (the dedupe's slot) whose boundary, midnight UTC, the two are unlikely to straddle.
        env.put("HASHDESK_NETWORK_REFRESH", "24h");
        env.put("QUARKUS_SHUTDOWN_DELAY", "5s");
        // Both send through one SMTP server and look for due summaries every 2 s (10 s after start).
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", Integer.toString(smtp.getSmtp().getPort()));
        env.put("QUARKUS_MAILER_START_TLS", "DISABLED");
        env.put("HASHDESK_SUMMARY_CHECK_EVERY", "2s");
        env.put("HASHDESK_BASE_URL", "https://hashdesk.example");
        // Both evaluate the timed alert kinds and send due webhooks and mails every 2 s; the webhook is
        // the WireMock on 127.0.0.1, so private addresses (and http) are allowed here.
        env.put("HASHDESK_ALERTS_DELIVER_EVERY", "2s");
        env.put("HASHDESK_ALERTS_ALLOW_PRIVATE_WEBHOOKS", "true");

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
            if (smtp != null) {
                smtp.stop();
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
     * not get that reading twice.
     */
    @Test
    @Order(5)
    void twoInstancesRefreshingTheSameReadingStoreItOnce() {
        awaitLiveDataOnBoth(signedIn(b, a));
        AppInstance.sleep(1000);
        assertEquals(1, schema.count("select count(*) from network_snapshot"),
                schema.rows("select id, fetched_at, source, height, price_usd from network_snapshot").toString());
    }

    /**
     * Sign-out on A ends the session on B too: a copy of the cookies kept from before (as a thief
     * would keep them) is refused there once B's cache of session answers has expired (5 s).
     */
    @Test
    @Order(6)
    void signOutOnOneInstanceEndsTheSessionOnTheOther() {
        Visitor v = signedIn(a, a);
        Map<String, String> copy = v.cookies();
        v.on(b).get("/api/v1/me").then().statusCode(200); // B has just checked (and cached) this session
        String token = v.formToken(a, "/dashboard"); // the sign-out button's form
        v.keep(v.on(a).formParam("csrf-token", token).post("/logout")).then().statusCode(303);
        long signedOut = System.nanoTime();
        while (given().baseUri(b.url()).cookies(copy).redirects().follow(false).get("/api/v1/me").statusCode() == 200) {
            assertTrue(System.nanoTime() - signedOut < Duration.ofSeconds(10).toNanos(),
                    "B still accepts the session 10 s after sign-out on A");
            AppInstance.sleep(200);
        }
        given().baseUri(b.url()).cookies(copy).redirects().follow(false).get("/api/v1/me").then().statusCode(401);
        given().baseUri(b.url()).cookies(copy).redirects().follow(false).get("/dashboard").then().statusCode(302)
                .header("Location", containsString("/login"));
        given().baseUri(a.url()).cookies(copy).redirects().follow(false).get("/api/v1/me").then().statusCode(401);
    }

    /**
     * A weekly summary due now goes out once, though both instances look for due summaries every
     * 2 s and both send what the outbox holds.
     */
    @Test
    @Order(7)
    void aWeeklySummaryDueNowIsDeliveredOnceAcrossBoth() {
        Visitor v = signedIn(a, b);
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        v.json(a).body("{\"enabled\":true,\"sendDay\":\"" + now.getDayOfWeek() + "\",\"sendHour\":" + now.getHour() + "}")
                .put("/api/v1/summary/settings").then().statusCode(200).body("timezone", equalTo("UTC"));
        // An account opened this week gets its first summary next week: make this one a week older.
        assertEquals(1, schema.update("UPDATE operator SET created_at = created_at - INTERVAL '8 days' WHERE email = '"
                + v.email + "'"));
        // As if the link mailed at registration had been followed: summaries go only to confirmed addresses.
        assertEquals(1, schema.update("UPDATE operator SET email_verified_at = CURRENT_TIMESTAMP WHERE email = '"
                + v.email + "'"));

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (mailsTo(v.email) == 0) {
            assertTrue(System.nanoTime() < deadline, "no summary within 60 s");
            AppInstance.sleep(250);
        }
        AppInstance.sleep(6000); // three more rounds of both instances
        assertEquals(1, mailsTo(v.email), "summaries delivered to " + v.email);
        assertEquals(1, schema.count("SELECT COUNT(*) FROM summary_outbox o JOIN operator p ON p.id = o.operator_id"
                + " WHERE p.email = '" + v.email + "' AND o.status = 'sent'"));
    }

    /**
     * Both instances evaluate the same crossing (a pool account whose last 3 reconciled days fall from
     * far above expected to far below, a timed rule both evaluate every 2 s) and send what is due:
     * exactly one alert, one mail and one webhook call result.
     */
    @Test
    @Order(8)
    void bothInstancesEvaluateTheSameCrossingAndOneAlertGoesOutOnce() {
        Visitor v = signedIn(a, b);
        assertEquals(1, schema.update("UPDATE operator SET email_verified_at = CURRENT_TIMESTAMP WHERE email = '"
                + v.email + "'"));
        long site = v.json(a).body("{\"name\":\"Pecos\",\"tariff\":{\"type\":\"flat\",\"usdPerKwh\":0.05},"
                + "\"hostingUsdPerMonth\":0,\"curtail\":false,\"timezone\":\"UTC\"}")
                .post("/api/v1/sites").then().statusCode(201).extract().jsonPath().getLong("id");
        v.json(a).body("{\"siteId\":" + site + ",\"model\":\"S21\",\"units\":100,\"terahash\":200,\"watts\":3500}")
                .post("/api/v1/rigs").then().statusCode(201);
        long pool = v.json(b).body("{\"name\":\"Braiins Pecos\",\"kind\":\"csv\",\"siteId\":" + site + "}")
                .post("/api/v1/pools").then().statusCode(201).extract().jsonPath().getLong("id");
        String hook = "/two-hook-" + UUID.randomUUID();
        upstream.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(hook))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)));
        v.json(a).body("{\"url\":\"http://127.0.0.1:" + upstream.port() + hook + "\"}").post("/api/v1/alerts/webhooks")
                .then().statusCode(201);
        long rule = v.json(b).body("{\"kind\":\"pool-underpaid\",\"poolId\":" + pool + "}")
                .post("/api/v1/alerts/rules").then().statusCode(201).extract().jsonPath().getLong("id");
        // The last three closed UTC days: their network, and credits far above what the rigs earn.
        java.time.LocalDate today = java.time.LocalDate.now(ZoneOffset.UTC);
        for (int i = 1; i <= 3; i++) {
            String day = "DATE '" + today.minusDays(i) + "'";
            schema.update("DELETE FROM network_day WHERE network_date = " + day);
            schema.update("INSERT INTO network_day (network_date, difficulty, height, price_usd, fees_per_block_btc,"
                    + " recorded_at) VALUES (" + day + ", 1.4e14, 935000, 90000, 0.025, CURRENT_TIMESTAMP)");
            schema.update("INSERT INTO pool_earning_day (pool_id, earning_date, credited_btc, source, recorded_at)"
                    + " VALUES (" + pool + ", " + day + ", 1.0, 'csv', CURRENT_TIMESTAMP)");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (schema.count("SELECT COUNT(*) FROM alert_state WHERE rule_id = " + rule + " AND state = 'paid'") == 0) {
            assertTrue(System.nanoTime() < deadline, "the rule never saw the account paid: "
                    + schema.rows("SELECT * FROM alert_state WHERE rule_id = " + rule));
            AppInstance.sleep(250);
        }
        // The pool restates the days: almost nothing credited. Both instances see it within 2 s.
        assertEquals(3, schema.update("UPDATE pool_earning_day SET credited_btc = 0.00001 WHERE pool_id = " + pool));
        deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (mailsTo(v.email) == 0 || upstream.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(hook))).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "no alert mail and webhook call within 60 s");
            AppInstance.sleep(250);
        }
        AppInstance.sleep(8000); // four more rounds of both instances
        assertEquals(1, schema.count("SELECT COUNT(*) FROM alert WHERE rule_id = " + rule),
                schema.rows("SELECT id, subject, fired_at FROM alert WHERE rule_id = " + rule).toString());
        assertEquals(1, mailsTo(v.email), "alert mails to " + v.email);
        assertEquals(1, upstream.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(hook))).size(), "webhook calls");
        v.on(a).get("/api/v1/alerts").then().statusCode(200)
                .body("[0].subject", containsString("Check Braiins Pecos: credited 0."));
    }

    /** Summary mails to the address (not the account's own mails, such as the verification link). */
    private long mailsTo(String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getHeader(AccountMails.KIND_HEADER) == null
                        && Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(email));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
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
