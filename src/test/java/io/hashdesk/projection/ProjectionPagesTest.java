package io.hashdesk.projection;

import static io.hashdesk.projection.ProjectionApiTest.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hashdesk.network.NetworkService;
import io.hashdesk.testing.Json;
import io.hashdesk.testing.Operators;
import io.hashdesk.testing.WinnerAndLoser;
import io.hashdesk.web.Formats;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** The pages show the operating policy, both policies' cumulative curves, the price-risk bands and each group's outlook. */
@QuarkusTest
class ProjectionPagesTest {

    @Inject
    NetworkService network;

    @Inject
    CircuitBreakerMaintenance breakers;

    Operators.Session session;
    long winner;
    long loser;

    @BeforeEach
    void setUp() {
        WinnerAndLoser fleet = WinnerAndLoser.create(network, breakers, "pages");
        session = fleet.session();
        winner = fleet.winner();
        loser = fleet.loser();
    }

    private String page(String path) {
        return given().cookies(session.cookies()).get(path).then().statusCode(200).extract().asString();
    }

    @Test
    void projectionPageShowsPolicyBothCurvesDisciplineAndRisk() {
        String page = page("/projection?days=60&volatilityPercent=70");
        JsonPath off = Json.exact(as(session).get("/api/v1/projection?days=60").then().statusCode(200).extract().asString());
        JsonPath on = Json.exact(as(session).get("/api/v1/projection?days=60&policy=run-all").then().statusCode(200)
                .extract().asString());
        JsonPath risk = Json.exact(as(session).get("/api/v1/projection?days=60&paths=1000&volatilityPercent=70")
                .then().statusCode(200).extract().asString());
        double worth = off.getDouble("totals.profitUsd") - on.getDouble("totals.profitUsd");
        assertTrue(worth > 0);
        String discipline = section(page, "id=\"discipline\"", "</p>");
        assertTrue(discipline.contains("Switch-off discipline is worth"), discipline);
        assertTrue(discipline.contains(String.format(Locale.ENGLISH, "%,.0f USD", worth)), discipline);

        String chart = section(page, "id=\"cumulative-profit\"", "</figure>");
        assertTrue(chart.contains("(switch off when losing)"), "the chart names its policy");
        assertTrue(chart.contains("class=\"band b1\""), "P10 to P90 band");
        assertTrue(chart.contains("class=\"line s1\"") && chart.contains("class=\"line s2\""), "both policies' curves");
        assertTrue(chart.contains("Cumulative profit, keep everything running"));
        assertTrue(chart.contains("Median price path (P50)"));
        assertTrue(chart.contains("1,000 price paths at 70 % volatility"));
        assertTrue(section(page, "id=\"daily-profit\"", "</figure>").contains("(switch off when losing)"));

        String summary = section(page, "id=\"risk-summary\"", "</p>");
        long pct = Math.round(risk.getDouble("risk.probabilityPositive") * 100);
        assertTrue(summary.contains(">" + pct + " %<") || summary.contains("above 99 %") || summary.contains("below 1 %"),
                summary);
        // Beside the bands: how far the median path lies below the base case (1 - exp(-s^2 t / 2), s = 0.7 / sqrt(365)).
        double gap = 100 * (1 - Math.exp(-0.7 * 0.7 / 365 * 60 / 2));
        String median = section(page, "id=\"median-path\"", "</p>");
        assertTrue(median.contains(String.format(Locale.ENGLISH, "%.1f %% below the base case", gap)), median);
        assertTrue(median.contains("median of log-normal price paths lies below their mean"), median);
        // The volatility input says its bound; the policy can be chosen.
        assertTrue(page.contains("id=\"volatilityPercent\"") && page.contains("Annualised, 0 to 200 %; default 55 %"));
        assertTrue(page.contains("<option value=\"run-all\">Keep everything running</option>"));
        // Per group: the chance of paying back and the median day (the winner pays back on every path).
        String table = section(page, "Payback per rig group", "</table>");
        String chance = Formats.probability(risk.getDouble("risk.groups[0].paybackProbability"));
        assertTrue(table.contains("<td class=\"num\">" + chance + "</td>"), chance + " in " + table);
        assertTrue(table.contains("<td class=\"num\">60</td>"), "the loser is off on all 60 days: " + table);

        String kept = page("/projection?days=60&policy=run-all");
        assertTrue(section(kept, "id=\"cumulative-profit\"", "</figure>").contains("(keep everything running)"));
        assertTrue(kept.contains("<option value=\"run-all\" selected>"));
    }

    @Test
    void aBadVolatilityIsShownBesideTheFieldAndKept() {
        given().cookies(session.cookies()).get("/projection?days=30&volatilityPercent=500").then().statusCode(422)
                .body(containsString("id=\"volatility-error\""))
                .body(containsString("value=\"500\""))
                .body(containsString("From 0 to 200 % a year"));
    }

    @Test
    void dashboardChartNamesTheDefaultPolicy() {
        String chart = section(page("/dashboard"), "id=\"profit-90\"", "</figure>");
        assertTrue(chart.contains("(switch off when losing)"), chart);
    }

    @Test
    void aRigGroupsPageShowsItsDailyProfitPaybackAndDaysOff() {
        assertTrue(page("/rigs/" + loser).contains("hx-get=\"/projection/rigs/" + loser + "\""));
        String lost = page("/projection/rigs/" + loser + "?days=30");
        assertTrue(lost.contains("id=\"rig-profit\""));
        assertTrue(section(lost, "id=\"rig-days-off\"", "</dd>").contains("30 of 30 days"), lost);
        assertTrue(section(lost, "id=\"rig-payback\"", "</dd>").contains("not within 30 days"));
        assertTrue(lost.contains("(days 0 to 29, 30 days)"), "the period it is off");
        assertTrue(section(lost, "id=\"rig-daily-profit\"", "</figure>").contains("class=\"line s1\""), "its own chart");

        JsonPath j = Json.exact(as(session).get("/api/v1/projection?days=90").then().statusCode(200).extract().asString());
        String date = j.getString("groups[0].projectedPaybackDate");
        String won = given().cookies(session.cookies()).header("HX-Request", "true")
                .get("/projection/rigs/" + winner + "?days=90").then().statusCode(200).extract().asString();
        assertTrue(!won.contains("<html"), "htmx gets the fragment");
        String payback = section(won, "id=\"rig-payback\"", "</dd>");
        DateTimeFormatter f = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
        assertTrue(payback.contains("on " + f.format(Instant.parse(date).atZone(ZoneOffset.UTC))),
                payback + " vs " + date);
        assertTrue(section(won, "id=\"rig-days-off\"", "</dd>").contains("none"));

        Operators.Session other = Operators.newSignedIn("pages-other");
        given().cookies(other.cookies()).get("/projection/rigs/" + winner).then().statusCode(404);
    }

    static String section(String page, String start, String end) {
        int a = page.indexOf(start);
        assertTrue(a >= 0, "no " + start);
        int b = page.indexOf(end, a);
        assertEquals(true, b > a, "no end of " + start);
        return page.substring(a, b);
    }
}
