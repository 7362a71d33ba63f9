package io.hashdesk.projection;

import static io.hashdesk.projection.ProjectionApiTest.as;
import static io.hashdesk.projection.ProjectionApiTest.rig;
import static io.hashdesk.projection.ProjectionApiTest.site;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hashdesk.account.Operator;
import io.hashdesk.currency.Fx;
import io.hashdesk.economics.FleetToday;
import io.hashdesk.economics.GroupToday;
import io.hashdesk.economics.ProjectionResult;
import io.hashdesk.economics.Scenario;
import io.hashdesk.network.NetworkApiResource;
import io.hashdesk.network.NetworkService;
import io.hashdesk.testing.Operators;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The streamed /api/v1/projection answer is the one the endpoint gave when it serialised records
 * (kept here as the reference): every field, name, null and number the same.
 */
@QuarkusTest
class ProjectionJsonTest {

    @Inject
    NetworkService network;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    ProjectionService projections;

    @Inject
    ObjectMapper mapper;

    Operators.Session session;

    @BeforeEach
    void setUp() {
        breakers.resetAll();
        ProjectionApiTest.workedExampleNetwork(network, 71_000);
        session = Operators.newSignedIn("stream");
    }

    @Test
    void streamedAnswerMatchesTheRecordsFieldByField() throws Exception {
        long cheap = site(session, "Cheap", 0.04, 300);
        long dear = site(session, "Dear", 0.11, 0);
        rig(session, cheap, "Antminer S21", 10, 200, 3500, 900.0); // pays back within the horizon
        rig(session, cheap, "Custom 100 TH", 3, 100, 3000, null); // no purchase cost: null payback
        rig(session, dear, "Antminer S19", 5, 95, 3250, 4000.0); // loses money: null shutdown day etc.
        String query = "?days=400&priceDriftPercent=-3&hashrateGrowthPercent=2";
        String streamed = as(session).get("/api/v1/projection" + query).then().statusCode(200)
                .contentType("application/json").extract().asString();

        Operator owner = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> Operator.findByEmail(session.email()).orElseThrow());
        FleetProjection p = projections.project(owner,
                new ScenarioInput("api", "400", "-3", "2", null).parse().scenario());
        JsonNode expected = mapper.readTree(mapper.writeValueAsString(Reference.body(p)));
        JsonNode actual = mapper.readTree(streamed);
        List<String> differences = new ArrayList<>();
        compare("", expected, actual, differences);
        assertTrue(differences.isEmpty(), () -> differences.size() + " differences, first: "
                + differences.subList(0, Math.min(10, differences.size())));
        assertEquals(400, actual.get("days").size());
        assertEquals(3, actual.get("groups").size());
        assertTrue(actual.get("groups").get(1).get("paybackDays").isNull(), "nulls are written");
    }

    /** Same names in the same order, same numbers, same nulls. */
    static void compare(String path, JsonNode expected, JsonNode actual, List<String> differences) {
        if (expected.isObject() && actual.isObject()) {
            List<String> names = new ArrayList<>();
            expected.fieldNames().forEachRemaining(names::add);
            List<String> actualNames = new ArrayList<>();
            actual.fieldNames().forEachRemaining(actualNames::add);
            if (!names.equals(actualNames)) {
                differences.add(path + ": fields " + names + " vs " + actualNames);
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                compare(path + "." + e.getKey(), e.getValue(), actual.get(e.getKey()), differences);
            }
        } else if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                differences.add(path + ": " + expected.size() + " vs " + actual.size() + " items");
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(path + "[" + i + "]", expected.get(i), actual.get(i), differences);
            }
        } else if (expected.isNumber() && actual.isNumber()) {
            if (expected.doubleValue() != actual.doubleValue()) {
                differences.add(path + ": " + expected + " vs " + actual);
            }
        } else if (!expected.equals(actual)) {
            differences.add(path + ": " + expected + " vs " + actual);
        }
    }

    /**
     * What ProjectionApiResource answered before it streamed: records serialised by Jackson (with
     * {@code assumptions.policy} and {@code fx}, added since, at their defaults: this operator is shown USD).
     */
    static final class Reference {

        record Today(double btc, double revenueUsd, double poolFeeUsd, double powerCostUsd, double hostingUsd,
                double profitUsd, double hashpriceUsdPerThDay, Double costPerBtcUsd) {
        }

        record Group(long rigId, Today today, Double breakevenUsdPerKwh, Double shutdownUsdPerKwh,
                Double shutdownPriceUsd, double efficiencyJPerTh, boolean switchOff, Integer firstUnprofitableDay,
                Integer firstSwitchOffDay, Double paybackDays, Double projectedPaybackDays,
                Instant projectedPaybackDate, double runningHoursToday) {
        }

        record Day(int day, Instant date, double btc, double revenueUsd, double poolFeeUsd, double powerCostUsd,
                double hostingUsd, double profitUsd, double cumulativeProfitUsd, double difficulty, double priceUsd) {
        }

        record Body(Instant asOf, NetworkApiResource.Body network, ProjectionApiResource.Assumptions assumptions,
                Fx fx, Today today, List<Group> groups, List<Day> days, List<ProjectionApiResource.Event> events,
                Totals totals) {
        }

        /** The totals as ProjectionApiResource.Totals wrote them (now economics.Money). */
        record Totals(double btc, double revenueUsd, double poolFeeUsd, double powerCostUsd, double hostingUsd,
                double profitUsd) {
        }

        static Body body(FleetProjection p) {
            ProjectionResult r = p.result();
            Scenario s = p.scenario();
            var assumptions = new ProjectionApiResource.Assumptions(s.name(), s.days(), s.priceDriftPercent(),
                    s.hashrateGrowthPercent(), r.feesPerBlockBtc(), s.feesPerBlockBtc() == null, "switch-off",
                    "configured", null);
            List<Group> groups = new ArrayList<>();
            for (int i = 0; i < p.today().groups().size(); i++) {
                GroupToday t = p.today().groups().get(i);
                ProjectionResult.GroupOutcome o = r.groups().get(i);
                groups.add(new Group(t.rigId(), today(t), orNull(t.breakevenUsdPerKwh()),
                        orNull(t.shutdownUsdPerKwh()), orNull(t.shutdownPriceUsd()), t.efficiencyJPerTh(),
                        t.switchOff(), o.firstUnprofitableDay() < 0 ? null : o.firstUnprofitableDay(),
                        o.firstSwitchOffDay() < 0 ? null : o.firstSwitchOffDay(), orNull(t.paybackDays()),
                        orNull(o.paybackDay()),
                        o.paysBack() ? p.asOf().plusMillis((long) (o.paybackDay() * 86_400_000L)) : null,
                        t.runningHours()));
            }
            List<Day> days = new ArrayList<>(r.days());
            for (int d = 0; d < r.days(); d++) {
                days.add(new Day(d, p.asOf().plusSeconds(86_400L * d), r.btc()[d], r.revenueUsd()[d],
                        r.poolFeeUsd()[d], r.powerCostUsd()[d], r.hostingUsd()[d], r.profitUsd()[d],
                        r.cumulativeProfitUsd()[d], r.difficulty()[d], r.priceUsd()[d]));
            }
            List<ProjectionApiResource.Event> events = r.events().stream()
                    .map(e -> new ProjectionApiResource.Event(e.kind().name().toLowerCase(Locale.ROOT),
                            e.atDay(), p.asOf().plusMillis((long) (e.atDay() * 86_400_000L)), e.height(),
                            e.changePercent()))
                    .toList();
            var t = r.totals();
            FleetToday f = p.today();
            return new Body(p.asOf(), NetworkApiResource.Body.of(p.network()), assumptions, Fx.USD,
                    new Today(f.btc(), f.revenueUsd(), f.poolFeeUsd(), f.powerCostUsd(), f.hostingUsd(),
                            f.profitUsd(), f.hashpriceUsdPerThDay(), orNull(f.costPerBtcUsd())),
                    groups, days, events, new Totals(t.btc(), t.revenueUsd(), t.poolFeeUsd(),
                            t.powerCostUsd(), t.hostingUsd(), t.profitUsd()));
        }

        static Today today(GroupToday g) {
            return new Today(g.btc(), g.revenueUsd(), g.poolFeeUsd(), g.powerCostUsd(), g.hostingUsd(),
                    g.profitUsd(), g.hashpriceUsdPerThDay(), orNull(g.costPerBtcUsd()));
        }

        static Double orNull(double v) {
            return Double.isFinite(v) ? v : null;
        }
    }
}
