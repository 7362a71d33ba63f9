package io.hashdesk.fleet;

import static io.hashdesk.testing.Fleets.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hashdesk.account.Operator;
import io.hashdesk.alerts.FleetFactsCache;
import io.hashdesk.economics.FlatTariff;
import io.hashdesk.network.MempoolStubs;
import io.hashdesk.network.NetworkService;
import io.hashdesk.network.NetworkSnapshot;
import io.hashdesk.summary.Ledger;
import io.hashdesk.summary.LedgerDay;
import io.hashdesk.testing.Json;
import io.hashdesk.testing.Networks;
import io.hashdesk.testing.Operators;
import io.hashdesk.testing.Snapshots;
import io.hashdesk.web.Formats;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Tariffs, hosting fees and purchase prices in the operator's currencies: every figure is the USD
 * computation at the rate of the snapshot being priced, history keeps its day's rate, bad input saves nothing.
 */
@QuarkusTest
class FleetCurrencyTest {

    static final double NOK = 10.9;
    /** mempool's EUR price in the stub, whatever the USD price: the EUR rate moves with the USD price. */
    static final double PRICE_EUR = 65_700;

    static final String HYDRO_NOK = "{\"name\":\"Hydro\",\"tariff\":{\"type\":\"flat\",\"currency\":\"NOK\",\"perKwh\":0.45},"
            + "\"poolFeePercent\":2,\"hostingPerMonth\":3270,\"hostingCurrency\":\"NOK\",\"timezone\":\"UTC\"}";
    static final String HYDRO_USD = "{\"name\":\"Hydro\",\"tariff\":{\"type\":\"flat\",\"usdPerKwh\":" + (0.45 / NOK) + "},"
            + "\"poolFeePercent\":2,\"hostingUsdPerMonth\":" + (3270 / NOK) + ",\"timezone\":\"UTC\"}";
    static final String TEXAS = "{\"name\":\"Texas\",\"tariff\":{\"type\":\"flat\",\"usdPerKwh\":0.052},"
            + "\"poolFeePercent\":2,\"hostingUsdPerMonth\":300,\"timezone\":\"UTC\"}";

    @Inject
    NetworkService network;

    @Inject
    Ledger ledger;

    @Inject
    FleetFactsCache facts;

    final List<NetworkSnapshot> snapshots = new ArrayList<>();

    @BeforeEach
    void network() {
        Networks.startWorked(network, 71_000, -5, 3);
    }

    @AfterEach
    void removeOldSnapshots() {
        Snapshots.delete(snapshots);
        snapshots.clear();
    }

    static long post(Operators.Session s, String path, String json) {
        return as(s).body(json).post(path).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static void rates(Operators.Session s, String display, double nokPerUsd) {
        as(s).body("{\"display\":\"" + display + "\",\"rates\":[{\"code\":\"NOK\",\"perUsd\":" + nokPerUsd + ",\"asOf\":\""
                + LocalDate.now(ZoneOffset.UTC).minusDays(1) + "\"}]}").put("/api/v1/settings/currency").then()
                .statusCode(200);
    }

    /** A hydro site and a Texas site, ten 200 TH/s rigs at each; hydro's in NOK when {@code nok}, else the same in USD. */
    static Operators.Session fleet(String hint, boolean nok) {
        Operators.Session s = Operators.newSignedIn(hint);
        if (nok) {
            rates(s, "NOK", NOK);
        }
        long hydro = post(s, "/api/v1/sites", nok ? HYDRO_NOK : HYDRO_USD);
        long texas = post(s, "/api/v1/sites", TEXAS);
        post(s, "/api/v1/rigs", "{\"siteId\":" + hydro + ",\"model\":\"Custom 200 TH\",\"units\":10,\"terahash\":200,"
                + "\"watts\":3500," + (nok ? "\"purchasePrice\":26160,\"purchaseCurrency\":\"NOK\"" : "\"purchaseUsd\":" + (26160 / NOK))
                + "}");
        post(s, "/api/v1/rigs", "{\"siteId\":" + texas + ",\"model\":\"Custom 200 TH\",\"units\":10,\"terahash\":200,"
                + "\"watts\":3500,\"purchaseUsd\":2400}");
        return s;
    }

    static JsonPath projection(Operators.Session s) {
        return Json.exact(as(s).get("/api/v1/projection?days=30").then().statusCode(200).extract().asString());
    }

    static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
    }

    @Test
    void anOperatorInNokGetsTheUsdComputationAtTheirRate() {
        Operators.Session nok = fleet("fx-fleet-nok", true);
        Operators.Session usd = fleet("fx-fleet-usd", false);

        // Stored as entered, answered with the USD figures beside.
        JsonPath sites = Json.exact(as(nok).get("/api/v1/sites").then().statusCode(200).extract().asString());
        assertEquals("Hydro", sites.getString("[0].name"));
        assertEquals("NOK", sites.getString("[0].tariff.currency"));
        assertEquals(0.45, sites.getDouble("[0].tariff.perKwh"), 0);
        close(0.45 / NOK, sites.getDouble("[0].tariff.usdPerKwh"), "usdPerKwh");
        assertEquals(3270, sites.getDouble("[0].hostingPerMonth"), 0);
        close(300, sites.getDouble("[0].hostingUsdPerMonth"), "hostingUsdPerMonth");
        assertEquals("USD", sites.getString("[1].tariff.currency"));
        assertEquals(0.052, sites.getDouble("[1].tariff.perKwh"), 0);
        JsonPath rigs = Json.exact(as(nok).get("/api/v1/rigs").then().statusCode(200).extract().asString());
        assertEquals(26160, rigs.getDouble("[0].purchasePrice"), 0);
        assertEquals("NOK", rigs.getString("[0].purchaseCurrency"));
        close(2400, rigs.getDouble("[0].purchaseUsd"), "purchaseUsd");

        // Every figure is the USD operator's.
        JsonPath a = projection(nok);
        JsonPath b = projection(usd);
        for (String f : List.of("today.revenueUsd", "today.powerCostUsd", "today.hostingUsd", "today.profitUsd",
                "totals.profitUsd", "totals.powerCostUsd", "groups[0].today.powerCostUsd", "groups[0].paybackDays",
                "groups[0].breakevenUsdPerKwh", "groups[1].today.powerCostUsd")) {
            close(b.getDouble(f), a.getDouble(f), f);
        }
        assertTrue(a.getDouble("groups[0].today.powerCostUsd") > 0);
        // The hydro group's power costs 0.45 NOK/kWh: 35 kW all day.
        close(35 * 24 * 0.45 / NOK, a.getDouble("groups[0].today.powerCostUsd"), "hydro power cost");
        as(nok).get("/dashboard").then().statusCode(200)
                .body(containsString("id=\"fleet-profit\">" + Formats.number(b.getDouble("today.profitUsd") * NOK, 2) + " NOK<"));
        as(nok).get("/sites").then().statusCode(200).body(containsString("Flat, 0.4500 NOK/kWh"))
                .body(containsString("3,270.00 NOK / month"));
        as(nok).get("/rigs").then().statusCode(200).body(containsString("26,160.00 NOK"));

        // The rate moves: today follows at once, the Texas site does not move.
        rates(nok, "NOK", 12);
        JsonPath c = projection(nok);
        close(35 * 24 * 0.45 / 12, c.getDouble("groups[0].today.powerCostUsd"), "hydro power cost at 12 NOK");
        close(a.getDouble("groups[1].today.powerCostUsd"), c.getDouble("groups[1].today.powerCostUsd"), "Texas");
        close(10 * 26160 / 12.0 / c.getDouble("groups[0].today.profitUsd"), c.getDouble("groups[0].paybackDays"), "payback");
    }

    @Test
    void theListsShowAnAmountInAnotherCurrencyInTheDisplayCurrencyBesideIt() {
        Operators.Session s = fleet("fx-lists-eur", true);
        rates(s, "EUR", NOK);
        double eur = PRICE_EUR / 71_000;
        String yours = "at your rate of " + LocalDate.now(ZoneOffset.UTC).minusDays(1);
        as(s).get("/sites").then().statusCode(200)
                .body(containsString("Flat, 0.4500 NOK/kWh<span class=\"muted\"> (" + Formats.number(0.45 / NOK * eur, 4)
                        + " EUR/kWh " + yours + ")</span>"))
                .body(containsString("3,270.00 NOK / month<span class=\"muted\"> (" + Formats.number(300 * eur, 2)
                        + " EUR " + yours + ")</span>"))
                // An amount in USD at mempool's rate: no "your rate".
                .body(containsString("Flat, 0.0520 USD/kWh<span class=\"muted\"> (" + Formats.number(0.052 * eur, 4)
                        + " EUR/kWh)</span>"));
        as(s).get("/rigs").then().statusCode(200)
                .body(containsString("26,160.00 NOK<span class=\"muted\"> (" + Formats.number(2400 * eur, 2) + " EUR "
                        + yours + ")</span>"))
                .body(containsString("2,400.00 USD<span class=\"muted\"> (" + Formats.number(2400 * eur, 2) + " EUR)</span>"));
        // Shown in NOK, an amount in NOK stands alone.
        rates(s, "NOK", NOK);
        as(s).get("/sites").then().statusCode(200).body(containsString("Flat, 0.4500 NOK/kWh</td>"));
    }

    @Test
    void aLiveRateMovesWithTheNextReading() {
        Operators.Session s = Operators.newSignedIn("fx-fleet-eur");
        long site = post(s, "/api/v1/sites", "{\"name\":\"Ireland\",\"tariff\":{\"type\":\"flat\",\"currency\":\"EUR\","
                + "\"perKwh\":0.05},\"timezone\":\"UTC\"}");
        post(s, "/api/v1/rigs", "{\"siteId\":" + site + ",\"model\":\"Custom\",\"units\":1,\"terahash\":200,\"watts\":1000}");
        close(24 * 0.05 / (PRICE_EUR / 71_000), projection(s).getDouble("today.powerCostUsd"), "at 71,000 USD");
        as(s).get("/dashboard").then().statusCode(200);
        Operator o = Operators.operator(s.email());
        close(0.05 / (PRICE_EUR / 71_000), alertsTariff(o), "the alerts' tariff at 71,000 USD");
        // A new reading: 72,000 USD and still 65,700 EUR, so fewer EUR per USD; nothing of the fleet changed.
        Networks.reprice(network, 72_000, -5, 3);
        close(24 * 0.05 / (PRICE_EUR / 72_000), projection(s).getDouble("today.powerCostUsd"), "at 72,000 USD");
        close(0.05 / (PRICE_EUR / 72_000), alertsTariff(o), "the alerts' tariff at 72,000 USD");
    }

    /** The USD/kWh the alerts' evaluation prices the operator's first site at. */
    double alertsTariff(Operator o) {
        FlatTariff t = (FlatTariff) facts.of(Map.of(o.id, o.fleetVersion)).get(o.id).fleet().sites().get(0).tariff();
        return t.usdPerKwh();
    }

    @Test
    void theRateMovesAndYesterdaysLedgerDayDoesNot() {
        Operators.Session nok = fleet("fx-fleet-ledger-nok", true);
        Operators.Session usd = fleet("fx-fleet-ledger-usd", false);
        Operator a = Operators.operator(nok.email());
        Operator b = Operators.operator(usd.email());
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        Instant since = yesterday.minusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant();
        backdate(a.id, since, since);
        backdate(b.id, since, since);
        NetworkSnapshot y = MempoolStubs.snapshot(yesterday.atTime(12, 0).toInstant(ZoneOffset.UTC), 934_000, 71_000, 1.355e14);
        QuarkusTransaction.requiringNew().run(() -> y.persist());
        snapshots.add(y);
        ledger.recordDue(Instant.now());
        LedgerDay dayA = day(a.id, yesterday);
        LedgerDay dayB = day(b.id, yesterday);
        close(dayB.powerCostUsd, dayA.powerCostUsd, "yesterday's power cost");
        close(dayB.hostingUsd, dayA.hostingUsd, "yesterday's hosting");
        close(dayB.profitUsd, dayA.profitUsd, "yesterday's profit");
        assertTrue(dayA.fxRates.contains("\"NOK\":10.9"), dayA.fxRates);

        String yesterdays = "id=\"earned-profit\">" + Formats.number(dayA.profitUsd * NOK, 2) + " NOK<";
        as(nok).get("/dashboard").then().statusCode(200).body(containsString(yesterdays));
        rates(nok, "NOK", 12);
        LedgerDay again = day(a.id, yesterday);
        assertEquals(dayA.powerCostUsd, again.powerCostUsd, 0);
        assertEquals(dayA.fxRates, again.fxRates);
        // Yesterday still reads at yesterday's 10.9 NOK; today at 12.
        as(nok).get("/dashboard").then().statusCode(200).body(containsString(yesterdays))
                .body(containsString("1 USD = 12.0000 NOK"));
    }

    @Test
    void aReadingWithoutTheCurrencysPriceUsesItsLastKnownRate() {
        Operators.Session s = Operators.newSignedIn("fx-fleet-noprice");
        long site = post(s, "/api/v1/sites", "{\"name\":\"Ireland\",\"tariff\":{\"type\":\"flat\",\"currency\":\"EUR\","
                + "\"perKwh\":0.05},\"timezone\":\"UTC\"}");
        post(s, "/api/v1/rigs", "{\"siteId\":" + site + ",\"model\":\"Custom\",\"units\":1,\"terahash\":200,\"watts\":1000}");
        projection(s);
        Operator o = Operators.operator(s.email());
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        Instant since = yesterday.minusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant();
        backdate(o.id, since, since);
        // Yesterday's only reading has no EUR price (a source that gave none).
        NetworkSnapshot y = MempoolStubs.snapshot(yesterday.atTime(12, 0).toInstant(ZoneOffset.UTC), 934_000, 71_000, 1.355e14);
        QuarkusTransaction.requiringNew().run(() -> y.persist());
        snapshots.add(y);
        ledger.recordDue(Instant.now());
        LedgerDay d = day(o.id, yesterday);
        org.junit.jupiter.api.Assertions.assertNotNull(d, "the day is recorded, at the last known EUR rate");
        close(d.hours * 0.05 / (PRICE_EUR / 71_000), d.powerCostUsd, "power cost at the last known rate");
        assertTrue(!d.fxRates.contains("EUR"), "the day does not claim a rate it did not have: " + d.fxRates);
    }

    /** The account and its rigs as if created at {@code at}: the ledger records the days since. */
    static void backdate(long operatorId, Instant at, Instant rigsAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            Operator.getEntityManager().createQuery("update Operator o set o.createdAt = :at where o.id = :id")
                    .setParameter("at", at).setParameter("id", operatorId).executeUpdate();
            Operator.getEntityManager().createQuery("update RigGroup r set r.createdAt = :at where r.operatorId = :id")
                    .setParameter("at", rigsAt).setParameter("id", operatorId).executeUpdate();
        });
    }

    static LedgerDay day(long operatorId, LocalDate date) {
        return QuarkusTransaction.requiringNew().call(() -> LedgerDay
                .<LedgerDay>find("operatorId = ?1 and date = ?2", operatorId, date).firstResult());
    }

    static ValidatableResponse refused(Operators.Session s, String path, String json, String field) {
        return as(s).body(json).post(path).then().statusCode(422).body("errors.field", hasItem(field));
    }

    @Test
    void badCurrenciesAndAmountsAreRefusedByFieldAndNothingIsSaved() {
        Operators.Session s = Operators.newSignedIn("fx-fleet-bad");
        refused(s, "/api/v1/sites", HYDRO_NOK, "tariff.currency")
                .body("errors.find { it.field == 'tariff.currency' }.message", containsString("enter a rate for NOK on /settings first"));
        refused(s, "/api/v1/sites", HYDRO_NOK.replace("\"NOK\",\"perKwh\"", "\"XYZ\",\"perKwh\""), "tariff.currency");
        refused(s, "/api/v1/sites", HYDRO_NOK.replace("\"hostingCurrency\":\"NOK\"", "\"hostingCurrency\":\"dollars\""), "hostingCurrency");
        rates(s, "USD", NOK);
        refused(s, "/api/v1/sites", HYDRO_NOK.replace("0.45", "-0.45"), "tariff.perKwh");
        // 200 NOK/kWh is 18 USD/kWh: beyond the 10 USD/kWh any tariff is.
        refused(s, "/api/v1/sites", HYDRO_NOK.replace("0.45", "200"), "tariff.perKwh")
                .body("errors.find { it.field == 'tariff.perKwh' }.message", containsString("109.00 NOK/kWh"));
        refused(s, "/api/v1/sites", HYDRO_NOK.replace("3270", "-1"), "hostingPerMonth");
        refused(s, "/api/v1/sites", "{\"name\":\"TOU\",\"tariff\":{\"type\":\"tou\",\"currency\":\"NOK\",\"bands\":"
                + "[{\"days\":\"Mon-Sun\",\"fromHour\":0,\"toHour\":24,\"perKwh\":-1}]},\"timezone\":\"UTC\"}",
                "tariff.bands[0].perKwh");
        // USD given twice, differently.
        refused(s, "/api/v1/sites", TEXAS.replace("\"usdPerKwh\":0.052", "\"usdPerKwh\":0.052,\"perKwh\":0.06"), "tariff.perKwh");
        assertEquals(0, FleetApiTest.siteCount(s));

        long site = post(s, "/api/v1/sites", TEXAS);
        String rig = "{\"siteId\":" + site + ",\"model\":\"Custom\",\"units\":1,\"terahash\":200,\"watts\":3500,";
        refused(s, "/api/v1/rigs", rig + "\"purchasePrice\":2400,\"purchaseCurrency\":\"PYG\"}", "purchaseCurrency")
                .body("errors.find { it.field == 'purchaseCurrency' }.message", containsString("enter a rate for PYG on /settings first"));
        refused(s, "/api/v1/rigs", rig + "\"purchasePrice\":2400,\"purchaseCurrency\":\"QQQ\"}", "purchaseCurrency");
        refused(s, "/api/v1/rigs", rig + "\"purchasePrice\":-5,\"purchaseCurrency\":\"NOK\"}", "purchasePrice");
        refused(s, "/api/v1/rigs", rig + "\"purchasePrice\":1e9,\"purchaseCurrency\":\"NOK\"}", "purchasePrice");
        assertEquals(0, FleetApiTest.rigCount(s));

        // A rate a site is entered in stays until the site changes currency.
        post(s, "/api/v1/sites", HYDRO_NOK);
        as(s).body("{\"rates\":[]}").put("/api/v1/settings/currency").then().statusCode(400)
                .body("errors.field", hasItem("rates")).body(containsString("before removing the rate of NOK"));
        as(s).get("/api/v1/settings/currency").then().statusCode(200).body("rates[0].code", equalTo("NOK"));
    }

    @Test
    void theSiteFormHasACurrencyBesideTheAmount() {
        Operators.Session s = Operators.newSignedIn("fx-fleet-form");
        as(s).get("/sites/new").then().statusCode(200).body(containsString("<option value=\"EUR\">EUR</option>"))
                .body(containsString("<option value=\"USD\" selected>USD</option>"));
        // NOK without a rate: refused beside the currency, what was typed kept.
        FleetPagesTest.form(s).formParam("name", "Hydro").formParam("tariffType", "flat").formParam("usdPerKwh", "0.45")
                .formParam("tariffCurrency", "NOK").formParam("hostingUsdPerMonth", "3270").formParam("hostingCurrency", "NOK")
                .formParam("poolFeePercent", "2").formParam("powerOverhead", "1").formParam("uptimePercent", "100")
                .formParam("timezone", "UTC").post("/sites").then().statusCode(422)
                .body(containsString("id=\"tariffCurrency-error\">NOK has no rate: enter a rate for NOK on /settings first"))
                .body(containsString("id=\"hostingCurrency-error\">"))
                .body(containsString("value=\"0.45\"")).body(containsString("value=\"3270\""));
        assertEquals(0, FleetApiTest.siteCount(s));
        rates(s, "USD", NOK);
        FleetPagesTest.form(s).formParam("name", "Hydro").formParam("tariffType", "flat").formParam("usdPerKwh", "0.45")
                .formParam("tariffCurrency", "NOK").formParam("hostingUsdPerMonth", "3270").formParam("hostingCurrency", "NOK")
                .formParam("poolFeePercent", "2").formParam("powerOverhead", "1").formParam("uptimePercent", "100")
                .formParam("timezone", "UTC").post("/sites").then().statusCode(303);
        long site = as(s).get("/api/v1/sites").then().statusCode(200).body("[0].tariff.currency", equalTo("NOK"))
                .body("[0].hostingCurrency", equalTo("NOK")).extract().jsonPath().getLong("[0].id");
        as(s).get("/sites/" + site).then().statusCode(200).body(containsString("<option value=\"NOK\" selected>NOK</option>"))
                .body(containsString("Price of electricity (NOK/kWh)"));

        // The rig form: a purchase cost of 30 million NOK a unit is beyond belief (2.75 million USD is fine).
        FleetPagesTest.form(s).formParam("siteId", site).formParam("catalogModel", RigForm.CUSTOM).formParam("model", "Custom")
                .formParam("units", "1").formParam("terahash", "200").formParam("watts", "3500")
                .formParam("purchaseUsd", "300000000").formParam("purchaseCurrency", "NOK").post("/rigs").then().statusCode(422)
                .body(containsString("id=\"purchaseUsd-error\">Enter at most"))
                .body(containsString("<option value=\"NOK\" selected>NOK</option>"))
                .body(containsString("value=\"300000000\""));
        assertEquals(0, FleetApiTest.rigCount(s));
    }

    @Test
    void rigsRoundTripThroughCsvWithTheirCurrencies() {
        Operators.Session s = fleet("fx-fleet-csv", true);
        String csv = as(s).get("/rigs.csv").then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith("site,model,units,terahash,watts,purchaseUsdPerUnit,purchaseDate,notes,purchaseCurrency\r\n"), csv);
        assertTrue(csv.contains("Hydro,Custom 200 TH,10,200,3500,26160,,,NOK\r\n"), csv);
        assertTrue(csv.contains("Texas,Custom 200 TH,10,200,3500,2400,,,USD\r\n"), csv);
        List<Map<String, Object>> before = as(s).get("/api/v1/rigs").then().extract().jsonPath().getList("$");
        as(s).contentType("text/csv").body(csv).post("/api/v1/rigs/import?mode=replace").then().statusCode(200)
                .body("imported", equalTo(2));
        List<Map<String, Object>> after = as(s).get("/api/v1/rigs").then().extract().jsonPath().getList("$");
        for (int i = 0; i < 2; i++) {
            for (String f : List.of("siteId", "model", "units", "purchasePrice", "purchaseCurrency", "purchaseUsd")) {
                assertEquals(before.get(i).get(f), after.get(i).get(f), f);
            }
        }
        // Without the column: USD. A currency without a rate or unknown: refused by line and column, nothing saved.
        as(s).contentType("text/csv").body("site,model,units,terahash,watts,purchaseUsdPerUnit,purchaseDate,notes\n"
                + "Texas,Custom X,1,100,3000,1500,,\n").post("/api/v1/rigs/import?mode=append-all").then().statusCode(200);
        as(s).get("/api/v1/rigs").then().body("find { it.model == 'Custom X' }.purchaseCurrency", equalTo("USD"))
                .body("find { it.model == 'Custom X' }.purchasePrice", equalTo(1500.0f));
        as(s).contentType("text/csv").body("site,model,units,terahash,watts,purchaseUsdPerUnit,purchaseDate,notes,purchaseCurrency\n"
                + "Texas,Custom Y,1,100,3000,1500,,,PYG\nTexas,Custom Z,1,100,3000,1500,,,ZZZ\n")
                .post("/api/v1/rigs/import?mode=append-all").then().statusCode(422)
                .body("errors.column", hasItem("purchaseCurrency"))
                .body(containsString("enter a rate for PYG on /settings first"));
        assertEquals(3, FleetApiTest.rigCount(s));
    }
}
