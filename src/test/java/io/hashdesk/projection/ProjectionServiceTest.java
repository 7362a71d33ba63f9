package io.hashdesk.projection;

import static io.hashdesk.network.MempoolStubs.mempool;
import static io.hashdesk.projection.ProjectionApiTest.as;
import static io.hashdesk.projection.ProjectionApiTest.rig;
import static io.hashdesk.projection.ProjectionApiTest.site;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hashdesk.account.Operator;
import io.hashdesk.economics.OperatingPolicy;
import io.hashdesk.economics.PriceRisk;
import io.hashdesk.economics.Projection.GroupDetail;
import io.hashdesk.economics.Scenario;
import io.hashdesk.network.MempoolStubs;
import io.hashdesk.network.NetworkService;
import io.hashdesk.testing.Json;
import io.hashdesk.testing.Operators;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** ProjectionService as pages and JSON use it: cache keys, policies, risk, and the figures issue 12 fixed. */
@QuarkusTest
class ProjectionServiceTest {

    @Inject
    NetworkService network;

    @Inject
    ProjectionService projections;

    @Inject
    CircuitBreakerMaintenance breakers;

    Operators.Session session;

    @BeforeEach
    void setUp() {
        breakers.resetAll();
        ProjectionApiTest.workedExampleNetwork(network, 71_000);
        session = Operators.newSignedIn("service");
    }

    private Operator owner() {
        return QuarkusTransaction.requiringNew().call(() -> Operator.findByEmail(session.email()).orElseThrow());
    }

    @Test
    void scenariosWithTheSameAssumptionsAreComputedOnceWhateverTheirNames() {
        long s = site(session, "Cache", 0.06, 0);
        rig(session, s, "Custom 200 TH", 2, 200, 3500, null);
        Operator owner = owner();
        FleetProjection a = projections.project(owner, new Scenario("winter", 120, -5, 2, null));
        FleetProjection b = projections.project(owner, new Scenario("my plan", 120, -5, 2, null));
        assertSame(a.result(), b.result(), "one computation for the same assumptions");
        assertEquals("winter", a.scenario().name());
        assertEquals("my plan", b.scenario().name(), "each caller sees its own name");
        FleetProjection other = projections.project(owner, new Scenario("my plan", 120, -5, 3, null));
        assertNotSame(a.result(), other.result());
    }

    /**
     * Each group's daily series are computed only for the callers that read them; a projection with them
     * answers a caller that does not need them (not the other way round), with the same figures.
     */
    @Test
    void groupSeriesAreKeptOnlyWhenAskedForAndAProjectionWithThemAnswersWithout() {
        long s = site(session, "Series", 0.06, 300);
        rig(session, s, "Antminer S19", 10, 95, 3250, 20_000.0);
        rig(session, s, "Custom 200 TH", 1, 200, 3500, 1_000.0);
        Operator owner = owner();
        Scenario scenario = new Scenario("series", 60, -3, 1, null);
        FleetProjection totals = projections.project(owner, scenario);
        assertFalse(totals.result().hasGroupSeries(), "not asked for: not computed");
        assertSame(totals.result(), projections.project(owner, scenario, GroupDetail.TOTALS).result());
        FleetProjection daily = projections.project(owner, scenario, GroupDetail.DAILY);
        assertTrue(daily.result().hasGroupSeries(), "a projection without series does not answer a request for them");
        assertEquals(totals.result().totals(), daily.result().totals());
        assertEquals(totals.result().groups(), daily.result().groups());
        assertArrayEquals(totals.result().profitUsd(), daily.result().profitUsd(), 0);
        assertSame(daily.result(), projections.project(owner, scenario).result(), "the one with series answers now");
        assertSame(daily.result(), projections.project(owner, scenario, GroupDetail.DAILY).result());
        // Asked for with series first: both kinds of request share it.
        Scenario other = new Scenario("other", 60, -3, 2, null);
        FleetProjection first = projections.project(owner, other, GroupDetail.DAILY);
        assertSame(first.result(), projections.project(owner, other).result());
    }

    /** The JSON without {@code groups=daily} is the same text whether its projection kept the series or not. */
    @Test
    void theJsonIsTheSameFromAProjectionWithOrWithoutSeries() {
        long s = site(session, "Same", 0.06, 300);
        rig(session, s, "Antminer S19", 10, 95, 3250, 20_000.0);
        rig(session, s, "Custom 200 TH", 1, 200, 3500, 1_000.0);
        projections.clearCaches();
        String path = "/api/v1/projection?days=120&priceDriftPercent=-4";
        String withoutSeries = as(session).get(path).then().statusCode(200).extract().asString();
        as(session).get(path + "&groups=daily").then().statusCode(200);
        String fromSeries = as(session).get(path).then().statusCode(200).extract().asString();
        assertEquals(withoutSeries, fromSeries);
    }

    @Test
    void theDefaultProjectionSwitchesLosersOffAndTheComparisonSaysWhatThatIsWorth() {
        long s = site(session, "Policy", 0.06, 300);
        rig(session, s, "Antminer S19", 10, 95, 3250, 20_000.0); // loses at the margin at 0.06 USD/kWh
        rig(session, s, "Custom 200 TH", 1, 200, 3500, 1_000.0);
        Operator owner = owner();
        FleetProjection def = projections.projectDefault(owner);
        assertEquals(OperatingPolicy.SWITCH_OFF_WHEN_LOSING, def.policy());
        assertEquals(Scenario.DEFAULT_DAYS, def.result().days());
        assertEquals(0, def.result().groups().get(0).firstDayOff());
        assertEquals(0, def.result().groups().get(1).daysOff());
        var series = projections.project(owner, Scenario.base(Scenario.DEFAULT_DAYS), GroupDetail.DAILY).result()
                .groupSeries();
        assertTrue(series.off(0, 0) && !series.off(1, 0));
        var cmp = projections.comparePolicies(owner, Scenario.base(90));
        assertTrue(cmp.disciplineWorthUsd() > 0);
        assertEquals(cmp.switchOffWhenLosing().result().totals().profitUsd()
                - cmp.keepRunning().result().totals().profitUsd(), cmp.disciplineWorthUsd(), 0);
        PriceRisk.Result risk = projections.risk(owner, Scenario.base(90), new PriceRisk.Options(200, 55, 3));
        assertSame(risk, projections.risk(owner, Scenario.base(90), new PriceRisk.Options(200, 55, 3)), "cached");
        assertEquals(2, risk.groups().size());
        assertEquals(90, risk.cumulativeP50().length);
    }

    @Test
    void aZeroPurchaseCostShowsNoPaybackInJsonOrOnThePage() {
        long s = site(session, "Free", 0.06, 0);
        rig(session, s, "Custom 200 TH", 1, 200, 3500, 0.0);
        String body = as(session).get("/api/v1/projection?days=30").then().statusCode(200).extract().asString();
        JsonPath j = Json.exact(body);
        assertNull(j.get("groups[0].paybackDays"));
        assertNull(j.get("groups[0].projectedPaybackDays"));
        assertNull(j.get("groups[0].projectedPaybackDate"));
        given().cookies(session.cookies()).get("/projection?days=30").then().statusCode(200)
                .body(not(containsString("not within 30 days")));
    }

    @Test
    void theDashboardSaysWhenTheRetargetEstimateIsOverdue() {
        MempoolStubs.startAfresh(network);
        // The estimate said three hours ago; the retarget block has not come yet.
        mempool(935_000, 71_000, 1.355e14, 432_000_000L, -14, System.currentTimeMillis() - 3 * 3_600_000L);
        assertEquals(NetworkService.Outcome.MEMPOOL, network.refresh());
        long s = site(session, "Overdue", 0.06, 0);
        rig(session, s, "Custom 200 TH", 1, 200, 3500, null);
        given().cookies(session.cookies()).get("/dashboard").then().statusCode(200)
                .body(containsString("id=\"retarget-overdue\""))
                .body(containsString("overdue: expected"));
        FleetProjection p = projections.projectDefault(owner());
        assertTrue(p.retargetOverdue());
        assertEquals(p.today().profitUsd(), p.result().profitUsd()[0], 1e-9 * Math.abs(p.today().revenueUsd()),
                "day 0 is today");
        ProjectionApiTest.workedExampleNetwork(network, 71_000);
        given().cookies(session.cookies()).get("/dashboard").then().statusCode(200)
                .body(not(containsString("retarget-overdue")));
    }

    @Test
    void theDashboardSaysHowLongACurtailedGroupRunsAndWhatItDraws() {
        String body = "{\"name\":\"Night\",\"tariff\":{\"type\":\"tou\",\"bands\":["
                + "{\"days\":\"Mon-Sun\",\"fromHour\":0,\"toHour\":8,\"usdPerKwh\":0.03},"
                + "{\"days\":\"Mon-Sun\",\"fromHour\":8,\"toHour\":24,\"usdPerKwh\":0.12}]},"
                + "\"poolFeePercent\":0,\"hostingUsdPerMonth\":0,\"powerOverhead\":1,\"uptimePercent\":100,"
                + "\"curtail\":true,\"timezone\":\"UTC\"}";
        long s = as(session).body(body).post("/api/v1/sites").then().statusCode(201).extract().jsonPath().getLong("id");
        rig(session, s, "Custom 200 TH", 1, 200, 3500, null);
        given().cookies(session.cookies()).get("/dashboard").then().statusCode(200)
                .body(containsString("runs 8.0 h a day"))
                .body(containsString("28.0 kWh drawn"))
                .body(containsString("Every rig group earns more than its power costs"));
    }
}
