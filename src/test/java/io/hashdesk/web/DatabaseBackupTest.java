package io.hashdesk.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Operators;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The embedded database backed up while hashdesk runs and writes (POST /backup on the management port),
 * restored into a fresh database the way docs/operations.md tells an operator to, and the data found there.
 */
@QuarkusTest
class DatabaseBackupTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void aBackupTakenWhileSitesAreAddedRestoresIntoAFreshDatabaseWithTheSitesSavedBeforeIt() throws Exception {
        Operators.Session s = Operators.newSignedIn("backup");
        createSite(s, "Before the backup");
        // Writes keep going while the backup is taken: it must neither wait for them to stop nor break them.
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<List<Integer>> during = writer.submit(() -> {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                statuses.add(siteStatus(s, "During " + i));
            }
            return statuses;
        });
        String file = given().baseUri(managementBase()).post("/backup")
                .then().statusCode(200).contentType(ContentType.JSON).extract().path("file");
        assertThat(during.get(60, TimeUnit.SECONDS)).containsOnly(201);
        writer.shutdown();

        Path zip = Path.of(file);
        assertThat(zip).exists();
        assertThat(zip.getFileName().toString()).matches("hashdesk-\\d{8}T\\d{9}Z\\.zip");
        assertThat(Files.getPosixFilePermissions(zip)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        // Restore as documented: unzip the backup into an empty data directory and start on it.
        Path restored = Files.createTempDirectory("hashdesk-restored");
        unzip(zip, restored);
        assertThat(restored.resolve("hashdesk.mv.db")).exists();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + restored.resolve("hashdesk") + ";IFEXISTS=TRUE", "sa", "");
                PreparedStatement q = c.prepareStatement(
                        "SELECT s.name FROM site s JOIN operator o ON o.id = s.operator_id WHERE o.email = ? ORDER BY s.id")) {
            q.setString(1, s.email());
            List<String> names = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            assertThat(names).first().isEqualTo("Before the backup");
            // Each site added during the backup is either wholly in it or not at all.
            assertThat(names.subList(1, names.size())).allMatch(n -> n.startsWith("During "));
        }
    }

    @Test
    void onlyAPostOnTheManagementPortTakesABackup() {
        given().baseUri(managementBase()).get("/backup").then().statusCode(405);
        Operators.Session s = Operators.newSignedIn("backup-main");
        given().cookies(s.cookies()).header("X-CSRF-TOKEN", s.csrf()).redirects().follow(false).post("/backup")
                .then().statusCode(404);
    }

    private String managementBase() {
        return "http://" + management.getHost() + ":" + management.getPort();
    }

    private static void createSite(Operators.Session s, String name) {
        assertThat(siteStatus(s, name)).isEqualTo(201);
    }

    private static int siteStatus(Operators.Session s, String name) {
        return given().cookies(s.cookies()).header("X-CSRF-TOKEN", s.csrf()).contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"tariff\": {\"type\": \"flat\", \"usdPerKwh\": 0.05}}")
                .post("/api/v1/sites").statusCode();
    }

    private static void unzip(Path zip, Path into) throws Exception {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                Path target = into.resolve(e.getName()).normalize();
                assertThat(target).startsWithRaw(into);
                Files.copy(z, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
