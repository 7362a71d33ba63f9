package io.hashdesk.fleet;

import static io.hashdesk.fleet.FleetApiTest.as;
import static io.hashdesk.fleet.FleetApiTest.createSite;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Operators;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** CSV export and import of rig groups: round trip, all or nothing, and every kind of bad file refused with a 4xx. */
@QuarkusTest
class RigCsvTest {

    /** A site name with a comma and quotes, as JSON string content. */
    static final String NORTH_YARD_JSON = "Texas, \\\"north\\\" yard";

    static final String HEADER = "site,model,units,terahash,watts,purchaseUsdPerUnit,purchaseDate,notes\n";

    static Response importApi(Operators.Session session, byte[] csv) {
        return as(session).contentType("text/csv").body(csv).post("/api/v1/rigs/import");
    }

    static Response importApi(Operators.Session session, String path, String csv) {
        return as(session).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post(path);
    }

    static Response importApi(Operators.Session session, String csv) {
        return importApi(session, csv.getBytes(StandardCharsets.UTF_8));
    }

    /** The rigs as comparable rows: site name instead of id, nothing that depends on ids. */
    static List<List<Object>> rigsOf(Operators.Session session) {
        Map<Object, Object> siteNames = new HashMap<>();
        for (Map<String, Object> s : as(session).get("/api/v1/sites").then().extract().jsonPath().<Map<String, Object>>getList("$")) {
            siteNames.put(s.get("id"), s.get("name"));
        }
        return as(session).get("/api/v1/rigs").then().extract().jsonPath().<Map<String, Object>>getList("$").stream()
                .map(r -> Arrays.asList(siteNames.get(r.get("siteId")), r.get("model"), r.get("units"),
                        r.get("terahash"), r.get("watts"), r.get("purchaseUsd"), r.get("purchaseDate"), r.get("notes")))
                .toList();
    }

    @Test
    void exportedRigsImportIntoAnotherAccountUnchanged() {
        Operators.Session from = Operators.newSignedIn("csv-from");
        long texas = createSite(from, FleetApiTest.FLAT_SITE.replace("Texas 1", NORTH_YARD_JSON));
        long plus = createSite(from, FleetApiTest.TOU_SITE.replace("Oslo", "+47 Oslo"));
        String[] rigs = {
                "{\"siteId\": " + texas + ", \"model\": \"Bitmain Antminer S21 XP\", \"units\": 1200, \"terahash\": 270, \"watts\": 3645,"
                        + " \"purchaseUsd\": 5499.99, \"purchaseDate\": \"2024-11-02\", \"notes\": \"rack A, \\\"hot\\\" aisle\\nsecond line\"}",
                "{\"siteId\": " + plus + ", \"model\": \"=HYPERLINK(\\\"http://evil\\\")\", \"units\": 3, \"terahash\": 13.5, \"watts\": 1323}",
                "{\"siteId\": " + plus + ", \"model\": \"MicroBT Whatsminer M60S\", \"units\": 1, \"terahash\": 186.25, \"watts\": 3441,"
                        + " \"notes\": \"@ownerdesk -5 °C, ünïcödé\"}",
        };
        for (String rig : rigs) {
            as(from).contentType(ContentType.JSON).body(rig).post("/api/v1/rigs").then().statusCode(201);
        }
        String csv = as(from).get("/rigs.csv").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment"))
                .extract().asString();
        assertTrue(csv.startsWith("site,model,units,terahash,watts,purchaseUsdPerUnit,purchaseDate,notes\r\n"), csv);
        // Formula-like cells start with an apostrophe, so a spreadsheet shows them as text.
        assertTrue(csv.contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",3,"), csv);
        assertTrue(csv.contains("'+47 Oslo"), csv);
        assertTrue(csv.contains("\"'@ownerdesk -5 °C, ünïcödé\""), csv);
        assertTrue(csv.contains("\"Texas, \"\"north\"\" yard\",Bitmain Antminer S21 XP,1200,270,3645,5499.99,2024-11-02,"
                + "\"rack A, \"\"hot\"\" aisle\nsecond line\""), csv);

        Operators.Session to = Operators.newSignedIn("csv-to");
        createSite(to, FleetApiTest.FLAT_SITE.replace("Texas 1", NORTH_YARD_JSON));
        createSite(to, FleetApiTest.TOU_SITE.replace("Oslo", "+47 Oslo"));
        importApi(to, csv).then().statusCode(200).body("imported", equalTo(3));
        assertEquals(rigsOf(from), rigsOf(to));

        // The page's upload form does the same (multipart, CSRF field in the form).
        Operators.Session page = Operators.newSignedIn("csv-page");
        createSite(page, FleetApiTest.FLAT_SITE.replace("Texas 1", NORTH_YARD_JSON));
        createSite(page, FleetApiTest.TOU_SITE.replace("Oslo", "+47 Oslo"));
        RestAssured.given().cookies(page.cookies()).redirects().follow(false)
                .multiPart("csrf-token", page.csrf())
                .multiPart("file", "rigs.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/rigs/import").then().statusCode(303);
        assertEquals(rigsOf(from), rigsOf(page));
    }

    @Test
    void oneBadRowRefusesTheWholeFileNamingEachLineAndColumn() {
        Operators.Session me = Operators.newSignedIn("csv-bad");
        createSite(me, FleetApiTest.FLAT_SITE);
        String csv = HEADER
                + "Texas 1,Bitmain Antminer S21,10,200,3500,,,\n"
                + "Nowhere,Bitmain Antminer S21,10,200,3500,,,\n"
                + "Texas 1,Bitmain Antminer S21,ten,200,3500,,,\n"
                + "\"Texas 1\",\"multi\nline model\",5,0,3500,-1,2024-02-30,\n"
                + "Texas 1,Bitmain Antminer S19,1,95,3250,,,fine\n";
        importApi(me, csv).then().statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("nothing was imported"))
                .body("errors", hasSize(5))
                .body("errors.find { it.line == 3 }.column", equalTo("site"))
                .body("errors.find { it.line == 3 }.message", containsString("no site named \"Nowhere\""))
                .body("errors.find { it.line == 4 }.column", equalTo("units"))
                .body("errors.findAll { it.line == 5 }.column", containsInAnyOrder(
                        "terahash", "purchaseUsdPerUnit", "purchaseDate"));
        assertEquals(0, FleetApiTest.rigCount(me), "nothing imported");

        // The page lists the same problems by line.
        RestAssured.given().cookies(me.cookies()).redirects().follow(false)
                .multiPart("csrf-token", me.csrf())
                .multiPart("file", "rigs.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/rigs/import").then().statusCode(422)
                .body(containsString("Nothing was imported"))
                .body(containsString("Line 4, column <code>units</code>"))
                .body(containsString("Line 3, column <code>site</code>: There is no site named &quot;Nowhere&quot;"));
        assertEquals(0, FleetApiTest.rigCount(me));
    }

    @Test
    void filesThatAreNotTheExpectedCsvAreRefusedWithAClearClientError() {
        Operators.Session me = Operators.newSignedIn("csv-refused");
        createSite(me, FleetApiTest.FLAT_SITE);

        importApi(me, "site,model,units,terahash,watts,notes\nTexas 1,S21,1,200,3500,\n").then().statusCode(400)
                .body("errors.column", hasItem("purchaseUsdPerUnit"))
                .body("errors.column", hasItem("purchaseDate"))
                .body("errors[0].line", equalTo(1));
        importApi(me, HEADER.replace("notes", "notes,colour") + "Texas 1,S21,1,200,3500,,,,red\n").then().statusCode(400)
                .body("errors.column", hasItem("colour"));
        importApi(me, HEADER + "Texas 1,S21,1,200\n").then().statusCode(400)
                .body("errors[0].line", equalTo(2)).body("errors[0].message", containsString("Expected 8 cells, found 4"));
        importApi(me, HEADER + "\"Texas 1,S21,1,200,3500,,,\n").then().statusCode(400)
                .body("errors[0].message", containsString("never closed"));
        importApi(me, "").then().statusCode(400).body("detail", containsString("empty"));

        byte[] latin1 = (HEADER + "Texas 1,S21 für Köln,1,200,3500,,,\n").getBytes(StandardCharsets.ISO_8859_1);
        importApi(me, latin1).then().statusCode(400)
                .body("detail", containsString("not UTF-8")).body("errors[0].line", equalTo(2));

        StringBuilder many = new StringBuilder(HEADER);
        for (int i = 0; i < 10_001; i++) {
            many.append("Texas 1,Bitmain Antminer S21,1,200,3500,,,\n");
        }
        importApi(me, many.toString()).then().statusCode(400).body("detail", containsString("more than 10,000 rows"));

        assertEquals(413, statusOfAnOversizedUpload(me), "a body over the limit is refused before it is read");

        as(me).contentType(ContentType.JSON).body("{}").post("/api/v1/rigs/import").then().statusCode(415);
        // Not text/plain either: a cross-site form could send that.
        as(me).contentType("text/plain").body(HEADER + "Texas 1,S21,1,200,3500,,,\n").post("/api/v1/rigs/import")
                .then().statusCode(415);
        assertEquals(0, FleetApiTest.rigCount(me), "nothing imported");

        // Exactly 10,000 rows are fine, and a byte order mark and CRLF line ends are accepted.
        StringBuilder max = new StringBuilder("\uFEFF" + HEADER.replace("\n", "\r\n"));
        for (int i = 0; i < 10_000; i++) {
            max.append("Texas 1,Bitmain Antminer S21,1,200,3500,,,\r\n");
        }
        importApi(me, max.toString()).then().statusCode(200).body("imported", equalTo(10_000));
    }

    @TestHTTPResource("/")
    URL base;

    /**
     * Announces an 11 MB CSV body and reads the answer without sending it: the server must refuse it
     * from the Content-Length alone (413), not read it nor fail with a 5xx.
     */
    int statusOfAnOversizedUpload(Operators.Session session) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String request = "POST /api/v1/rigs/import HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Cookie: " + Operators.SESSION_COOKIE + "=" + session.sessionCookie() + "; "
                    + Operators.SESSION_ID_COOKIE + "=" + session.sessionId() + "; " + Operators.CSRF_COOKIE
                    + "=" + session.csrf() + "\r\nX-CSRF-TOKEN: " + session.csrf() + "\r\n"
                    + "Content-Type: text/csv\r\nContent-Length: " + (11 * 1024 * 1024) + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(HEADER.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
