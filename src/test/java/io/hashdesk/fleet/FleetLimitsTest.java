package io.hashdesk.fleet;

import static io.hashdesk.fleet.FleetApiTest.as;
import static io.hashdesk.fleet.FleetApiTest.createRig;
import static io.hashdesk.fleet.FleetApiTest.createSite;
import static io.hashdesk.fleet.FleetApiTest.rigCount;
import static io.hashdesk.fleet.FleetApiTest.siteCount;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.hashdesk.testing.Operators;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Bounded work per operator (sites, rig groups, saved scenarios), and an exported file imported a
 * second time: warned about, and replaced only when asked.
 */
@QuarkusTest
class FleetLimitsTest {

    @Inject
    AgroalDataSource db;

    /** Fills an account quickly (plain SQL batches), to the brim of a limit. */
    private void insert(String sql, int rows, Object... values) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < rows; i++) {
                for (int v = 0; v < values.length; v++) {
                    Object value = values[v];
                    st.setObject(v + 1, "#".equals(value) ? "n" + i : value);
                }
                st.addBatch();
                if (i % 1000 == 999) {
                    st.executeBatch();
                }
            }
            st.executeBatch();
        }
    }

    /** The /rigs import form: multipart, the CSRF token as a field, the mode when one is chosen. */
    static Response upload(Operators.Session me, String csv, String mode) {
        RequestSpecification form = RestAssured.given().cookies(me.cookies()).redirects().follow(false)
                .multiPart("csrf-token", me.csrf())
                .multiPart("file", "rigs.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        if (mode != null) {
            form.multiPart("mode", mode);
        }
        return form.post("/rigs/import");
    }

    @Test
    void aThousandSitesIsTheMost() throws SQLException {
        Operators.Session me = Operators.newSignedIn("limit-sites");
        long operatorId = FleetRacesTest.operator(me).id;
        OffsetDateTime now = OffsetDateTime.now();
        insert("INSERT INTO site (operator_id, name, name_key, tariff_type, flat_usd_per_kwh, pool_fee_percent,"
                + " hosting_usd_per_month, power_overhead, uptime_percent, curtail, timezone, created_at, updated_at)"
                + " VALUES (?, ?, ?, 'flat', 0.05, 0, 0, 1, 100, FALSE, 'UTC', ?, ?)", FleetService.MAX_SITES - 1,
                operatorId, "#", "#", now, now);
        createSite(me, FleetApiTest.FLAT_SITE);
        as(me).contentType(ContentType.JSON).body(FleetApiTest.FLAT_SITE.replace("Texas 1", "One too many"))
                .post("/api/v1/sites").then().statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Limit reached"))
                .body("detail", containsString("1,000 sites"));
        FleetPagesTest.form(me).formParam("name", "One too many").formParam("tariffType", "flat")
                .formParam("usdPerKwh", "0.05").formParam("timezone", "UTC").post("/sites").then().statusCode(422)
                .body(containsString("1,000 sites, the most one account can hold"));
        assertEquals(FleetService.MAX_SITES, siteCount(me));
    }

    @Test
    void twentyThousandRigGroupsIsTheMostAlsoForAnImport() throws SQLException {
        Operators.Session me = Operators.newSignedIn("limit-rigs");
        long operatorId = FleetRacesTest.operator(me).id;
        long site = createSite(me, FleetApiTest.FLAT_SITE);
        OffsetDateTime now = OffsetDateTime.now();
        insert("INSERT INTO rig_group (operator_id, site_id, model, units, terahash_per_unit, watts_per_unit,"
                + " created_at, updated_at) VALUES (?, ?, ?, 1, 100, 3000, ?, ?)", FleetService.MAX_RIG_GROUPS - 1,
                operatorId, site, "#", now, now);
        createRig(me, site, "The last one", 1);
        as(me).contentType(ContentType.JSON).body("{\"siteId\": " + site + ", \"model\": \"S21\", \"units\": 1,"
                + " \"terahash\": 200, \"watts\": 3500}").post("/api/v1/rigs").then().statusCode(422)
                .body("detail", containsString("at most 20,000 rig groups"));
        RigCsvTest.importApi(me, RigCsvTest.HEADER + "Texas 1,S21,1,200,3500,,,\nTexas 1,S19,1,95,3250,,,\n").then()
                .statusCode(422).body("detail", containsString("so 2 more do not fit"));
        upload(me, RigCsvTest.HEADER + "Texas 1,S21,1,200,3500,,,\n", null).then().statusCode(422).body(containsString("at most 20,000 rig groups"));
        // Replacing the fleet with a small file is fine: the groups it replaces make room.
        RigCsvTest.importApi(me, "/api/v1/rigs/import?mode=replace",
                RigCsvTest.HEADER + "Texas 1,S21,1,200,3500,,,\n").then().statusCode(200)
                .body("imported", equalTo(1)).body("replaced", equalTo(FleetService.MAX_RIG_GROUPS));
        assertEquals(1, rigCount(me));
    }

    @Test
    void anExportedFileImportedAgainIsStoppedUntilTheOperatorChooses() {
        Operators.Session me = Operators.newSignedIn("reimport");
        long site = createSite(me, FleetApiTest.FLAT_SITE);
        createRig(me, site, "Bitmain Antminer S21", 40);
        createRig(me, site, "Bitmain Antminer S19", 12);
        String exported = as(me).get("/rigs.csv").then().statusCode(200).extract().asString();

        RigCsvTest.importApi(me, exported).then().statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("Likely duplicates"))
                .body("detail", containsString("?mode=replace"))
                .body("errors", hasSize(2))
                .body("errors.line", hasItem(2))
                .body("errors.message", hasItem("The same as your group of 40 × Bitmain Antminer S21 at Texas 1."));
        assertEquals(2, rigCount(me), "nothing imported");

        // On the page: the warning, and the choices.
        upload(me, exported, null).then().statusCode(409)
                .body(containsString("id=\"import-duplicates\""))
                .body(containsString("2 rows match rig groups"))
                .body(containsString("value=\"replace\""));
        assertEquals(2, rigCount(me));

        // Replace, all or nothing: a file with a bad row changes nothing.
        RigCsvTest.importApi(me, "/api/v1/rigs/import?mode=replace", exported + "Nowhere,S21,1,200,3500,,,\r\n").then()
                .statusCode(422);
        assertEquals(2, rigCount(me));
        upload(me, exported, "replace").then().statusCode(303);
        assertEquals(2, rigCount(me), "replaced, not doubled");

        // Adding anyway is a choice too.
        RigCsvTest.importApi(me, "/api/v1/rigs/import?mode=append-all", exported).then().statusCode(200)
                .body("imported", equalTo(2));
        assertEquals(4, rigCount(me));
        RigCsvTest.importApi(me, "/api/v1/rigs/import?mode=merge", exported).then().statusCode(400)
                .body("errors[0].field", equalTo("mode"));
    }

    @Test
    void sitesListShowsTheFleetTotals() {
        Operators.Session me = Operators.newSignedIn("site-totals");
        long texas = createSite(me, FleetApiTest.FLAT_SITE);
        long oslo = createSite(me, FleetApiTest.TOU_SITE);
        createRig(me, texas, "Bitmain Antminer S21", 40); // 40 x 200 TH/s, 3,500 W
        createRig(me, oslo, "Bitmain Antminer S21", 10);
        as(me).get("/sites").then().statusCode(200)
                .body(containsString("<tfoot>"))
                .body(containsString("id=\"sites-total-units\">50 units in 2 groups"))
                .body(containsString("id=\"sites-total-hashrate\">10.00 PH/s"))
                .body(containsString("id=\"sites-total-power\">175.0 kW, 17.5 J/TH"));
    }
}
