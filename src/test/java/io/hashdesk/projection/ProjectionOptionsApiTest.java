package io.hashdesk.projection;

import static io.hashdesk.projection.ProjectionApiTest.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hashdesk.economics.PriceRisk;
import io.hashdesk.network.NetworkService;
import io.hashdesk.testing.Operators;
import io.hashdesk.testing.WinnerAndLoser;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The projection's options in JSON and CSV: operating policy, per-group daily series, price-risk bands.
 * Fleet: {@link WinnerAndLoser}.
 */
@QuarkusTest
class ProjectionOptionsApiTest {

    @Inject
    NetworkService network;

    @Inject
    CircuitBreakerMaintenance breakers;

    Operators.Session session;
    long winner;
    long loser;

    @BeforeEach
    void setUp() {
        WinnerAndLoser fleet = WinnerAndLoser.create(network, breakers, "options");
        session = fleet.session();
        winner = fleet.winner();
        loser = fleet.loser();
    }

    /** Read with Jackson: REST Assured compiles a Groovy script for every distinct path, far too slow in loops. */
    private JsonNode projection(String query) {
        try {
            return MAPPER.readTree(as(session).get("/api/v1/projection" + query).then().statusCode(200)
                    .contentType("application/json").extract().asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    private static double num(JsonNode j, String pointer) {
        JsonNode n = j.at(pointer);
        assertTrue(n.isNumber(), pointer + " is " + n);
        return n.doubleValue();
    }

    @Test
    void policyIsEchoedAndALosingGroupIsOffOnItsLosingDaysWithHostingStillCharged() {
        JsonNode off = projection("?days=30&groups=daily");
        JsonNode on = projection("?days=30&groups=daily&policy=run-all");
        assertEquals("switch-off", off.at("/assumptions/policy").asText());
        assertEquals("run-all", on.at("/assumptions/policy").asText());
        assertEquals(loser, off.at("/groups/1/rigId").asLong());
        for (int d = 0; d < 30; d++) {
            String day = "/groups/1/days/" + d + "/";
            assertEquals(d, off.at(day + "day").asInt());
            assertEquals(0, num(off, day + "hoursRun"), 0, "loser off on day " + d);
            assertEquals(0, num(off, day + "powerCostUsd"), 0);
            assertEquals(12, num(off, day + "hostingUsd"), 1e-4, "hosting still charged");
            assertEquals(-12, num(off, day + "profitUsd"), 1e-4);
            assertEquals(24, num(on, day + "hoursRun"), 0, "kept running");
            assertEquals(24, num(off, "/groups/0/days/" + d + "/hoursRun"), 0, "the winner runs");
        }
        assertTrue(num(off, "/totals/profitUsd") > num(on, "/totals/profitUsd"), "switching the loser off saves its power");
        // Without groups=daily the default answer stays totals only.
        assertTrue(projection("?days=30").at("/groups/0/days").isMissingNode());
    }

    @Test
    void groupSeriesSumToTheFleetSeries() {
        JsonNode j = projection("?days=200&priceDriftPercent=-8&hashrateGrowthPercent=3&groups=daily");
        String[] fields = { "btc", "revenueUsd", "poolFeeUsd", "powerCostUsd", "hostingUsd", "profitUsd" };
        boolean switchedOff = false;
        for (int d = 0; d < 200; d++) {
            for (String f : fields) {
                double sum = num(j, "/groups/0/days/" + d + "/" + f) + num(j, "/groups/1/days/" + d + "/" + f);
                double fleet = num(j, "/days/" + d + "/" + f);
                // Group series are kept in float precision: about 1e-6 of the day's revenue.
                double scale = Math.max(1, num(j, "/days/" + d + "/revenueUsd"));
                assertEquals(fleet, sum, 1e-6 * scale, f + " on day " + d);
            }
            switchedOff |= num(j, "/groups/1/days/" + d + "/hoursRun") == 0;
        }
        assertTrue(switchedOff, "the sums hold with a group off");
    }

    @Test
    void riskBandsAreOrderedStableBySeedAndCollapseWithoutVolatility() {
        JsonNode j = projection("?days=120&priceDriftPercent=-3&paths=300&volatilityPercent=80&seed=7");
        assertEquals(300, j.at("/risk/paths").asInt());
        assertEquals(80, num(j, "/risk/volatilityPercent"), 0);
        assertEquals(7, j.at("/risk/seed").asLong());
        assertEquals(120, j.at("/risk/days").size());
        boolean spread = false;
        for (int d = 0; d < 120; d++) {
            String at = "/risk/days/" + d + "/";
            assertEquals(d, j.at(at + "day").asInt());
            assertTrue(num(j, at + "profitP10") <= num(j, at + "profitP50"), "day " + d);
            assertTrue(num(j, at + "profitP50") <= num(j, at + "profitP90"), "day " + d);
            assertTrue(num(j, at + "cumulativeP10") <= num(j, at + "cumulativeP50"), "day " + d);
            assertTrue(num(j, at + "cumulativeP50") <= num(j, at + "cumulativeP90"), "day " + d);
            spread |= num(j, at + "cumulativeP90") - num(j, at + "cumulativeP10") > 1;
        }
        assertTrue(spread, "80 % volatility spreads the bands");
        double positive = num(j, "/risk/probabilityPositive");
        assertTrue(positive >= 0 && positive <= 1);
        assertEquals(winner, j.at("/risk/groups/0/rigId").asLong());
        assertEquals(loser, j.at("/risk/groups/1/rigId").asLong());
        // The same seed gives the same bands (the cache is cleared so they are recomputed, not recalled).
        io.quarkus.arc.Arc.container().instance(ProjectionService.class).get().clearCaches();
        JsonNode again = projection("?days=120&priceDriftPercent=-3&paths=300&volatilityPercent=80&seed=7");
        assertEquals(j.at("/risk"), again.at("/risk"));
        assertTrue(!j.at("/risk").equals(projection("?days=120&priceDriftPercent=-3&paths=300&volatilityPercent=80&seed=8")
                .at("/risk")), "another seed, other paths");

        // Volatility 0: every band is the deterministic projection.
        JsonNode flat = projection("?days=120&priceDriftPercent=-3&paths=20&volatilityPercent=0");
        for (int d = 0; d < 120; d++) {
            double profit = num(flat, "/days/" + d + "/profitUsd");
            double cumulative = num(flat, "/days/" + d + "/cumulativeProfitUsd");
            for (String p : List.of("P10", "P50", "P90")) {
                assertEquals(profit, num(flat, "/risk/days/" + d + "/profit" + p), 1e-6 * Math.max(1, Math.abs(profit)));
                assertEquals(cumulative, num(flat, "/risk/days/" + d + "/cumulative" + p),
                        1e-6 * Math.max(1, Math.abs(cumulative)));
            }
        }
        // The winner pays back on every path, the loser (off, paying hosting) on none.
        assertEquals(1.0, num(flat, "/risk/groups/0/paybackProbability"), 0);
        assertEquals(0.0, num(flat, "/risk/groups/1/paybackProbability"), 0);
        assertTrue(flat.at("/risk/groups/1/medianPaybackDay").isNull());
        assertEquals(num(flat, "/groups/0/projectedPaybackDays"), num(flat, "/risk/groups/0/medianPaybackDay"), 1e-6);
        assertTrue(projection("?days=10").at("/risk").isMissingNode(), "no paths asked, no risk");
    }

    @Test
    void badOptionsAreRefusedNamingTheField() {
        String[][] cases = { { "policy=sometimes", "policy" }, { "groups=weekly", "groups" }, { "paths=0", "paths" },
                { "paths=" + (PriceRisk.MAX_PATHS + 1), "paths" }, { "paths=many", "paths" },
                { "paths=10&volatilityPercent=-1", "volatilityPercent" },
                { "paths=10&volatilityPercent=" + (PriceRisk.MAX_VOLATILITY_PERCENT + 1), "volatilityPercent" },
                { "paths=10&volatilityPercent=NaN", "volatilityPercent" }, { "paths=10&volatilityPercent=5,5", "volatilityPercent" },
                { "paths=10&seed=x", "seed" } };
        for (String[] c : cases) {
            as(session).get("/api/v1/projection?days=10&" + c[0]).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(c[1]));
            given().cookies(session.cookies()).get("/projection/daily.csv?days=10&" + c[0]).then().statusCode(400)
                    .body(containsString(c[1] + ": "));
        }
    }

    @Test
    void tenThousandPathsAsTheContractSaysWithinTheMemoryBound() {
        // docs/api.md: paths 1 to 10,000. The price factors of one run are bounded (paths x days), so the
        // longest horizon takes fewer paths, and says how many.
        JsonNode many = projection("?days=30&paths=10,000&volatilityPercent=55");
        assertEquals(10_000, many.at("/risk/paths").asInt());
        int most = PriceRisk.Options.maxPaths(1500);
        assertEquals(5_333, most);
        as(session).get("/api/v1/projection?days=1500&paths=" + (most + 1)).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("paths"))
                .body(containsString("1 to 5,333 over 1,500 days"));
    }

    @Test
    void csvTakesTheSameParameters() {
        String fleet = given().cookies(session.cookies())
                .get("/projection/daily.csv?days=20&policy=run-all&paths=50&volatilityPercent=40").then().statusCode(200)
                .header("Content-Disposition", containsString("run-all")).extract().asString();
        String[] lines = fleet.split("\r\n");
        assertEquals(21, lines.length);
        assertTrue(lines[0].endsWith(",cumulative_p10_usd,cumulative_p50_usd,cumulative_p90_usd"), lines[0]);
        assertEquals(17, lines[1].split(",").length);
        String groups = given().cookies(session.cookies()).get("/projection/daily.csv?days=20&groups=daily").then()
                .statusCode(200).extract().asString();
        String[] rows = groups.split("\r\n");
        assertEquals(1 + 2 * 20, rows.length);
        assertTrue(rows[0].startsWith("rig_id,day,date,"), rows[0]);
        assertTrue(rows[21].startsWith(loser + ",0,"), "the second group's days follow the first's");
        assertTrue(rows[21].endsWith(",0.00"), "off: no hours run");
    }
}
