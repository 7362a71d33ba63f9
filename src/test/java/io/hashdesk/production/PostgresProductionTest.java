package io.hashdesk.production;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hashdesk.network.MempoolStubs;
import io.hashdesk.network.NetworkService;
import io.hashdesk.network.NetworkSnapshot;
import io.hashdesk.testing.Json;
import io.hashdesk.testing.Operators;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The production database: every Flyway migration and the sign-up flow against the machine's
 * PostgreSQL (127.0.0.1:5432, database "test", trust auth), in a schema of its own.
 */
@QuarkusTest
@TestProfile(PostgresProductionTest.OnPostgres.class)
class PostgresProductionTest {

    public static class OnPostgres implements QuarkusTestProfile {
        // -Dpg.schema lets parallel checkouts on one machine keep their runs apart.
        static final String SCHEMA = System.getProperty("pg.schema", "hashdesk_it");

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.db-kind", "postgresql",
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + SCHEMA,
                    "quarkus.datasource.username", System.getProperty("pg.user", "postgres"),
                    "quarkus.datasource.password", "",
                    "quarkus.flyway.schemas", SCHEMA,
                    "quarkus.flyway.default-schema", SCHEMA,
                    // As production on PostgreSQL should: a key of its own, so no key file is written under ./data.
                    "HASHDESK_SESSION_KEY", UUID.randomUUID() + "-" + UUID.randomUUID());
        }
    }

    @Test
    void migratesAndKeepsAccountsOnPostgres() {
        String email = Operators.newEmail("pg");
        Operators.register(email, Operators.PASSWORD, Operators.PASSWORD).then().statusCode(303);
        // A second registration of the address answers as the first (its owner is mailed instead) and
        // changes nothing: the account and its password stay.
        Operators.register(email, Operators.PASSWORD + " changed", Operators.PASSWORD + " changed")
                .then().statusCode(303).header("Location", equalTo("/login"));
        var signedIn = Operators.signIn(email, Operators.PASSWORD)
                .then().statusCode(302).header("Location", endsWith("/dashboard"))
                .extract();
        given().cookie(Operators.SESSION_COOKIE, signedIn.cookie(Operators.SESSION_COOKIE))
                .cookie(Operators.SESSION_ID_COOKIE, signedIn.cookie(Operators.SESSION_ID_COOKIE)).get("/api/v1/me")
                .then().statusCode(200).body("email", equalTo(email));
    }

    @Inject
    NetworkService network;

    @Test
    void fleetNetworkAndProjectionWorkOnPostgres() {
        Operators.Session s = Operators.newSignedIn("pg-fleet");
        MempoolStubs.wm().resetAll();
        MempoolStubs.mempool(935_000, 71_000, 1.355e14, 432_000_000L, -5,
                System.currentTimeMillis() + 3L * 86_400_000);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .run(() -> NetworkSnapshot.deleteAll());
        network.reload();
        org.junit.jupiter.api.Assertions.assertEquals(NetworkService.Outcome.MEMPOOL, network.refresh());
        var json = given().cookies(s.cookies()).header("X-CSRF-TOKEN", s.csrf()).contentType("application/json");
        long site = json.body("{\"name\":\"PG site\",\"tariff\":{\"type\":\"tou\",\"bands\":["
                + "{\"days\":\"Mon-Sun\",\"fromHour\":0,\"toHour\":8,\"usdPerKwh\":0.03},"
                + "{\"days\":\"Mon-Sun\",\"fromHour\":8,\"toHour\":24,\"usdPerKwh\":0.09}]},"
                + "\"hostingUsdPerMonth\":365,\"curtail\":true,\"timezone\":\"UTC\"}")
                .post("/api/v1/sites").then().statusCode(201).extract().jsonPath().getLong("id");
        given().cookies(s.cookies()).header("X-CSRF-TOKEN", s.csrf()).contentType("application/json")
                .body("{\"siteId\":" + site + ",\"model\":\"Custom 200 TH\",\"units\":1,\"terahash\":200,"
                        + "\"watts\":3500,\"purchaseUsd\":2000}")
                .post("/api/v1/rigs").then().statusCode(201);
        given().cookies(s.cookies()).get("/api/v1/network").then().statusCode(200).body("source", equalTo("mempool"));
        var projection = Json.exact(given().cookies(s.cookies()).get("/api/v1/projection?days=60")
                .then().statusCode(200).extract().asString());
        // Curtailed to the 8 cheap hours (the shutdown rate is 0.0792 USD/kWh): 3.5 kW x 8 h x 0.03 USD.
        org.junit.jupiter.api.Assertions.assertEquals(0.84, projection.getDouble("today.powerCostUsd"), 1e-9);
        org.junit.jupiter.api.Assertions.assertEquals(12.0, projection.getDouble("today.hostingUsd"), 1e-9);
        org.junit.jupiter.api.Assertions.assertEquals(60, projection.getList("days").size());
        given().cookies(s.cookies()).get("/dashboard").then().statusCode(200).body(containsString("PG site"));
        given().cookies(s.cookies()).redirects().follow(false).formParam("csrf-token", s.csrf())
                .formParam("saveName", "pg scenario").formParam("days", "30").post("/projection/scenarios")
                .then().statusCode(303);
        given().cookies(s.cookies()).get("/projection").then().statusCode(200).body(containsString("pg scenario"));
    }

    @TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    /**
     * docs/operations.md, Backups: on PostgreSQL POST /backup refuses (pg_dump's job), and a pg_dump taken
     * while hashdesk runs restores with pg_restore into a fresh database that holds the data.
     */
    @Test
    void aPgDumpTakenWhileHashdeskRunsRestoresIntoAFreshDatabase(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(onPath("pg_dump") && onPath("pg_restore"), "pg_dump and pg_restore are not installed");
        Operators.Session s = Operators.newSignedIn("pg-backup");
        given().cookies(s.cookies()).header("X-CSRF-TOKEN", s.csrf()).contentType("application/json")
                .body("{\"name\":\"Backed up\",\"tariff\":{\"type\":\"flat\",\"usdPerKwh\":0.05}}")
                .post("/api/v1/sites").then().statusCode(201);
        given().baseUri("http://" + management.getHost() + ":" + management.getPort()).post("/backup")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("pg_dump"));

        Path dump = dir.resolve("hashdesk.dump");
        String user = System.getProperty("pg.user", "postgres");
        run("pg_dump", "--format=custom", "--no-owner", "--schema=" + OnPostgres.SCHEMA, "--host=127.0.0.1",
                "--username=" + user, "--file=" + dump, "test");
        String restored = OnPostgres.SCHEMA + "_restored_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", user, "");
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + restored);
        }
        try {
            run("pg_restore", "--no-owner", "--host=127.0.0.1", "--username=" + user, "--dbname=" + restored,
                    dump.toString());
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + restored, user, "");
                    PreparedStatement q = c.prepareStatement("SELECT s.name FROM " + OnPostgres.SCHEMA + ".site s JOIN "
                            + OnPostgres.SCHEMA + ".operator o ON o.id = s.operator_id WHERE o.email = ?")) {
                q.setString(1, s.email());
                try (ResultSet r = q.executeQuery()) {
                    org.junit.jupiter.api.Assertions.assertTrue(r.next(), "the site is in the restored database");
                    org.junit.jupiter.api.Assertions.assertEquals("Backed up", r.getString(1));
                }
            }
        } finally {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", user, "");
                    Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + restored);
            }
        }
    }

    private static boolean onPath(String command) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), command[0] + " timed out");
        org.junit.jupiter.api.Assertions.assertEquals(0, p.exitValue(), command[0] + " failed: " + output);
    }
}
