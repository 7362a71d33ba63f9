package io.hashdesk.fleet;

import static io.hashdesk.fleet.FleetApiTest.as;
import static io.hashdesk.fleet.FleetApiTest.createRig;
import static io.hashdesk.fleet.FleetApiTest.createSite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.hashdesk.account.Operator;
import io.hashdesk.testing.Operators;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The /sites and /rigs pages: forms that keep the input and show the message beside the field, htmx fragments, delete. */
@QuarkusTest
class FleetPagesTest {

    @Inject
    FleetService fleet;

    static RequestSpecification form(Operators.Session session) {
        return as(session).redirects().follow(false).formParam("csrf-token", session.csrf());
    }

    @Test
    void aSiteIsAddedThroughTheFormAfterAMistake() {
        Operators.Session me = Operators.newSignedIn("site-page");
        as(me).get("/sites/new").then().statusCode(200)
                .body(containsString("<label for=\"name\">"))
                .body(containsString("<label for=\"usdPerKwh\">"))
                .body(containsString("name=\"csrf-token\""));

        // Mistakes: the page comes back with 422, each message beside its field, and what was typed kept.
        form(me).formParam("name", "Texas <b>bold</b>").formParam("tariffType", "flat").formParam("usdPerKwh", "abc")
                .formParam("poolFeePercent", "150").formParam("hostingUsdPerMonth", "0").formParam("powerOverhead", "1.05")
                .formParam("uptimePercent", "99").formParam("timezone", "America/Chicago")
                .post("/sites").then().statusCode(422)
                .body(containsString("id=\"usdPerKwh-error\""))
                .body(containsString("id=\"poolFeePercent-error\">Enter a pool fee from 0 to 100 %."))
                .body(containsString("value=\"150\""))
                .body(containsString("value=\"abc\""))
                .body(containsString("value=\"Texas &lt;b&gt;bold&lt;/b&gt;\""))
                .body(containsString("<option value=\"America/Chicago\" selected>"));
        assertEquals(0, FleetApiTest.siteCount(me));

        form(me).formParam("name", "Texas <b>bold</b>").formParam("tariffType", "flat").formParam("usdPerKwh", "0.045")
                .formParam("poolFeePercent", "2").formParam("hostingUsdPerMonth", "1,500").formParam("powerOverhead", "1.05")
                .formParam("uptimePercent", "99").formParam("curtail", "true").formParam("timezone", "America/Chicago")
                .post("/sites").then().statusCode(303).header("Location", containsString("/sites"));
        as(me).get("/sites").then().statusCode(200)
                .body(containsString("Texas &lt;b&gt;bold&lt;/b&gt;"))
                .body(not(containsString("<b>bold</b>")))
                .body(containsString("Flat, 0.0450 USD/kWh"))
                .body(containsString("1,500.00 USD / month"));
        as(me).get("/api/v1/sites").then().body("[0].hostingUsdPerMonth", equalTo(1500.0f))
                .body("[0].curtail", equalTo(true)).body("[0].timezone", equalTo("America/Chicago"));
    }

    @Test
    void aTimeOfUseSiteIsEditedAsRowsOfBandsAndShownAsAWeek() {
        Operators.Session me = Operators.newSignedIn("tou-page");
        long id = createSite(me, FleetApiTest.FLAT_SITE);
        as(me).get("/sites/" + id).then().statusCode(200).body(containsString("value=\"Texas 1\""));

        // A gap on Sunday: the message names the hour; the typed rows stay.
        form(me).formParam("name", "Texas 1").formParam("tariffType", "tou")
                .formParam("bandDays", "Mon-Fri", "Mon-Fri", "Sat", "").formParam("bandFrom", "0", "8", "0", "")
                .formParam("bandTo", "8", "24", "24", "").formParam("bandRate", "0.03", "0.08", "0.04", "")
                .formParam("timezone", "UTC")
                .post("/sites/" + id).then().statusCode(422)
                .body(containsString("id=\"bands-error\""))
                .body(containsString("Sunday 00:00 without a price"))
                .body(containsString("value=\"Sat\""));
        // A wrong day name is shown on its own row (row 3, index 2), even after a blank row.
        form(me).formParam("name", "Texas 1").formParam("tariffType", "tou")
                .formParam("bandDays", "Mon-Fri", "", "Caturday").formParam("bandFrom", "0", "", "0")
                .formParam("bandTo", "24", "", "24").formParam("bandRate", "0.03", "", "0.04")
                .formParam("timezone", "UTC")
                .post("/sites/" + id).then().statusCode(422)
                .body(containsString("id=\"band-2-days-error\""));
        as(me).get("/api/v1/sites/" + id).then().body("tariff.type", equalTo("flat"));

        form(me).formParam("name", "Texas 1").formParam("tariffType", "tou")
                .formParam("bandDays", "Mon-Fri", "Mon-Fri", "Sat-Sun").formParam("bandFrom", "0", "8", "0")
                .formParam("bandTo", "8", "24", "24").formParam("bandRate", "0.03", "0.08", "0.04")
                .formParam("timezone", "UTC")
                .post("/sites/" + id).then().statusCode(303);
        as(me).get("/api/v1/sites/" + id).then().body("tariff.type", equalTo("tou"))
                .body("tariff.bands[1].usdPerKwh", equalTo(0.08f)).body("tariff.bands[2].days", equalTo("Sat,Sun"));
        as(me).get("/sites/" + id).then().statusCode(200)
                .body(containsString("class=\"week-grid\""))
                .body(containsString("0.0300 USD/kWh (lightest) to 0.0800 USD/kWh (darkest)"))
                .body(containsString("value=\"Sat,Sun\""));

        // "Add a band row" shows one more empty row and saves nothing.
        form(me).formParam("name", "Changed").formParam("tariffType", "tou").formParam("addBand", "1")
                .formParam("bandDays", "Mon-Sun").formParam("bandFrom", "0").formParam("bandTo", "24").formParam("bandRate", "0.05")
                .post("/sites/" + id).then().statusCode(200).body(containsString("id=\"band-3-days\""));
        as(me).get("/api/v1/sites/" + id).then().body("name", equalTo("Texas 1"));
    }

    @Test
    void inlineValidationReturnsTheFormFragmentWithMessagesOnlyForFilledFields() {
        Operators.Session me = Operators.newSignedIn("validate");
        createSite(me, FleetApiTest.FLAT_SITE);
        String fragment = form(me).header("HX-Request", "true").header("HX-Trigger-Name", "poolFeePercent")
                .formParam("name", "").formParam("tariffType", "flat").formParam("usdPerKwh", "")
                .formParam("poolFeePercent", "101").formParam("timezone", "UTC")
                .post("/sites/validate").then().statusCode(200).extract().asString();
        assertTrue(fragment.contains("id=\"poolFeePercent-error\""), fragment);
        assertTrue(!fragment.contains("id=\"name-error\""), "no message yet for the empty name");
        assertTrue(!fragment.contains("<html"), "a fragment, not a page");
        assertTrue(fragment.trim().startsWith("<div id=\"site-fields\""), fragment);
        // The name of an existing site is refused as soon as it is typed.
        form(me).header("HX-Trigger-Name", "name").formParam("name", "texas 1").formParam("tariffType", "flat")
                .post("/sites/validate").then().statusCode(200).body(containsString("id=\"name-error\""));
    }

    /** Adding a rig group on /rigs/new: the catalog, the preview of today's figures, mistakes, a custom model. */
    @Nested
    class TheRigForm {

        Operators.Session me;
        long site;

        @BeforeEach
        void aSite() {
            me = Operators.newSignedIn("rig-page");
            site = createSite(me, FleetApiTest.FLAT_SITE);
        }

        @Test
        void offersTheCatalogAndAPreview() {
            as(me).get("/rigs/new").then().statusCode(200)
                    .body(containsString("<label for=\"catalogModel\">"))
                    .body(containsString("Bitmain Antminer S21 XP Hydro"))
                    .body(containsString("hx-post=\"/rigs/preview\""));
        }

        @Test
        void choosingACatalogModelFillsInItsNameplateFigures() {
            String fields = form(me).header("HX-Trigger-Name", "catalogModel")
                    .formParam("siteId", String.valueOf(site)).formParam("catalogModel", "Bitmain Antminer S21 Pro")
                    .formParam("units", "10").formParam("terahash", "").formParam("watts", "")
                    .post("/rigs/validate").then().statusCode(200).header("HX-Trigger-After-Settle", containsString("rig-fields-updated"))
                    .extract().asString();
            assertThat(fields).contains("id=\"terahash\" name=\"terahash\" value=\"234\"")
                    .contains("id=\"watts\" name=\"watts\" value=\"3531\"")
                    .as("a fragment, not a page").doesNotContain("<html");
        }

        @Test
        void thePreviewShowsTodaysFiguresForTheGroupAtItsSite() {
            String preview = form(me).formParam("siteId", String.valueOf(site)).formParam("catalogModel", "Bitmain Antminer S21 Pro")
                    .formParam("units", "10").formParam("terahash", "234").formParam("watts", "3531")
                    .post("/rigs/preview").then().statusCode(200).extract().asString();
            assertThat(preview).contains("id=\"preview-revenue\"")
                    .containsPattern("id=\"preview-profit\"[^>]*>−?[0-9,]+\\.[0-9]{2} USD / day")
                    .containsPattern("id=\"preview-shutdown\">[0-9,]+ USD / BTC")
                    .contains("kWh / day")
                    // 10 units at 3531 W, overhead 1.1, uptime 97 %, at 0.05 USD/kWh: 10 * 3.531 * 1.1 * 0.97 * 24 * 0.05 = 45.21 USD/day.
                    .contains("id=\"preview-power\">45.21 USD / day");
        }

        @Test
        void mistakesComeBackBesideTheirFieldsAndNothingIsSaved() {
            form(me).formParam("siteId", String.valueOf(site)).formParam("catalogModel", "Bitmain Antminer S21 Pro")
                    .formParam("units", "0").formParam("terahash", "234").formParam("watts", "3531")
                    .formParam("purchaseDate", "2999-01-01").formParam("notes", "hall <3>")
                    .post("/rigs").then().statusCode(422)
                    .body(containsString("id=\"units-error\""))
                    .body(containsString("id=\"purchaseDate-error\">The purchase date cannot be in the future."))
                    .body(containsString("value=\"0\""))
                    .body(containsString("hall &lt;3&gt;</textarea>"))
                    .body(containsString("<option value=\"Bitmain Antminer S21 Pro\" selected>"));
            assertEquals(0, FleetApiTest.rigCount(me));
        }

        @Test
        void theListAddsUpTheGroupsOfACatalogAndACustomModel() {
            form(me).formParam("siteId", String.valueOf(site)).formParam("catalogModel", "Bitmain Antminer S21 Pro")
                    .formParam("units", "1,000").formParam("terahash", "234").formParam("watts", "3531")
                    .formParam("purchaseUsd", "3200").formParam("purchaseDate", "2024-06-01")
                    .post("/rigs").then().statusCode(303);
            form(me).formParam("siteId", String.valueOf(site)).formParam("catalogModel", "custom").formParam("model", "")
                    .formParam("units", "2").formParam("terahash", "100").formParam("watts", "3000")
                    .post("/rigs").then().statusCode(422).body(containsString("id=\"model-error\">Name your custom model"));
            form(me).formParam("siteId", String.valueOf(site)).formParam("catalogModel", "custom").formParam("model", "Home-made")
                    .formParam("units", "2").formParam("terahash", "100").formParam("watts", "3000")
                    .post("/rigs").then().statusCode(303);

            // 1000 x 234 TH/s + 2 x 100 TH/s = 234.2 PH/s; 3,531 kW + 6 kW = 3.54 MW; 3,537,000 W / 234,200 TH/s = 15.1 J/TH.
            as(me).get("/rigs").then().statusCode(200)
                    .body(containsString("1,002"))
                    .body(containsString("234.20 PH/s"))
                    .body(containsString("3.54 MW"))
                    .body(containsString("15.1 J/TH"))
                    .body(containsString("Home-made"))
                    .body(containsString("href=\"/rigs.csv\""));
        }
    }

    @Test
    void deletingAsksFirstAndASiteWithRigsIsKept() {
        Operators.Session me = Operators.newSignedIn("delete-page");
        long site = createSite(me, FleetApiTest.FLAT_SITE);
        long rig = createRig(me, site, "Bitmain Antminer S19", 3);

        as(me).get("/sites/" + site + "/delete").then().statusCode(200)
                .body(containsString("still run"))
                .body(not(containsString("action=\"/sites/" + site + "/delete\"")));
        form(me).post("/sites/" + site + "/delete").then().statusCode(409)
                .body(containsString("still hosts 1 rig group"));
        as(me).get("/api/v1/sites/" + site).then().statusCode(200);

        as(me).get("/rigs/" + rig + "/delete").then().statusCode(200)
                .body(containsString("Delete 3 × Bitmain Antminer S19?"))
                .body(containsString("action=\"/rigs/" + rig + "/delete\""));
        form(me).post("/rigs/" + rig + "/delete").then().statusCode(303);
        as(me).get("/api/v1/rigs/" + rig).then().statusCode(404);
        form(me).post("/sites/" + site + "/delete").then().statusCode(303);
        as(me).get("/api/v1/sites/" + site).then().statusCode(404);
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefusedAndSavesNothing() {
        Operators.Session me = Operators.newSignedIn("csrf");
        RestAssured.given().cookies(me.cookies()).redirects().follow(false)
                .formParam("name", "Forged").formParam("tariffType", "flat").formParam("usdPerKwh", "0.05")
                .post("/sites").then().statusCode(400);
        as(me).get("/api/v1/sites").then().body("name", not(hasItem("Forged")));
    }

    @Test
    void theDashboardGetsTheFleetInOrderAndAVersionThatChangesWithEveryWrite() {
        Operators.Session me = Operators.newSignedIn("fleet-of");
        Operator owner = QuarkusTransaction.requiringNew().call(() -> Operator.findByEmail(me.email()).orElseThrow());
        FleetService.OperatorFleet empty = fleet.fleetOf(owner);
        assertTrue(empty.sites().isEmpty() && empty.fleet().groups().isEmpty());

        long b = createSite(me, FleetApiTest.FLAT_SITE.replace("Texas 1", "B site"));
        long a = createSite(me, FleetApiTest.TOU_SITE.replace("Oslo", "A site"));
        long rig1 = createRig(me, b, "Bitmain Antminer S21", 10);
        long rig2 = createRig(me, a, "Custom", 4);
        FleetService.OperatorFleet f = fleet.fleetOf(owner);
        assertTrue(f.version() > empty.version());
        assertEquals(2, f.sites().size());
        for (int i = 0; i < f.sites().size(); i++) {
            assertEquals(f.sites().get(i).terms(io.hashdesk.currency.Rates.USD_ONLY), f.fleet().sites().get(i));
        }
        for (int j = 0; j < f.rigs().size(); j++) {
            RigGroup rig = f.rigs().get(j);
            var spec = f.fleet().groups().get(j);
            assertEquals(rig.id.longValue(), spec.id());
            assertEquals(rig.site.id, f.sites().get(spec.siteIndex()).id);
            assertEquals(rig.units * 2500.0, spec.purchaseUsd(), 1e-9);
        }
        assertEquals(List.of(rig1, rig2), f.rigs().stream().map(r -> r.id).toList());
        assertEquals(a, f.sites().get(f.fleet().groups().get(1).siteIndex()).id);

        long before = f.version();
        as(me).contentType(ContentType.JSON).body(FleetApiTest.rigWith(b, "units", "11"))
                .put("/api/v1/rigs/" + rig1).then().statusCode(200);
        long afterUpdate = fleet.fleetOf(owner).version();
        assertNotEquals(before, afterUpdate);
        // A refused write changes nothing, not even the version.
        as(me).contentType(ContentType.JSON).body(FleetApiTest.rigWith(b, "units", "0"))
                .put("/api/v1/rigs/" + rig1).then().statusCode(422);
        assertEquals(afterUpdate, fleet.fleetOf(owner).version());
        as(me).delete("/api/v1/rigs/" + rig2).then().statusCode(204);
        assertNotEquals(afterUpdate, fleet.fleetOf(owner).version());
    }
}
