package io.hashdesk.alerts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;

import io.hashdesk.account.Operator;
import io.hashdesk.network.MempoolStubs;
import io.hashdesk.network.NetworkService;
import io.hashdesk.testing.Operators;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;

/** Operators with a verified address and a fleet, and a stubbed network at the price a test needs. */
final class AlertFixtures {

    static final double DIFFICULTY = 1.355e14;

    private AlertFixtures() {
    }

    static RequestSpecification as(Operators.Session s) {
        return given().cookies(s.cookies()).header("X-CSRF-TOKEN", s.csrf()).contentType("application/json");
    }

    /** A new signed-in operator whose address is verified (alert mail goes only to verified addresses). */
    static Operators.Session verified(String hint) {
        Operators.Session s = Operators.newSignedIn(hint);
        QuarkusTransaction.requiringNew().run(() -> Operator.getEntityManager()
                .createQuery("update Operator o set o.emailVerifiedAt = :at where o.email = :e")
                .setParameter("at", Instant.now()).setParameter("e", s.email()).executeUpdate());
        return s;
    }

    static Operator operator(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Operator.findByEmail(email).orElseThrow());
    }

    static long flatSite(Operators.Session s, String name, double usdPerKwh) {
        String body = String.format(Locale.ROOT, "{\"name\":\"%s\",\"tariff\":{\"type\":\"flat\",\"usdPerKwh\":%s},"
                + "\"poolFeePercent\":2,\"hostingUsdPerMonth\":0,\"powerOverhead\":1,\"uptimePercent\":100,"
                + "\"curtail\":false,\"timezone\":\"UTC\"}", name, usdPerKwh);
        return as(s).body(body).post("/api/v1/sites").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A curtailing time-of-use site: cheap from midnight to noon, dear from noon to midnight, every day. */
    static long touSite(Operators.Session s, String name, double cheap, double dear) {
        String body = String.format(Locale.ROOT, "{\"name\":\"%s\",\"tariff\":{\"type\":\"tou\",\"bands\":["
                + "{\"days\":\"Mon-Sun\",\"fromHour\":0,\"toHour\":12,\"usdPerKwh\":%s},"
                + "{\"days\":\"Mon-Sun\",\"fromHour\":12,\"toHour\":24,\"usdPerKwh\":%s}]},"
                + "\"poolFeePercent\":2,\"hostingUsdPerMonth\":0,\"powerOverhead\":1,\"uptimePercent\":100,"
                + "\"curtail\":true,\"timezone\":\"UTC\"}", name, cheap, dear);
        return as(s).body(body).post("/api/v1/sites").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long rig(Operators.Session s, long siteId, String model) {
        String body = String.format(Locale.ROOT, "{\"siteId\":%d,\"model\":\"%s\",\"units\":10,\"terahash\":104,"
                + "\"watts\":3068}", siteId, model);
        return as(s).body(body).post("/api/v1/rigs").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The stubbed mempool at this BTC price, refreshed: the alerts evaluate the new snapshot. */
    static void price(NetworkService network, double price) {
        MempoolStubs.mempool(935_000, price, DIFFICULTY, 432_000_000L, -5, System.currentTimeMillis() + 3L * 86_400_000);
        // A refresh that failed (the REST client now and then trips on a busy machine) stores nothing and
        // evaluates nothing: try again.
        NetworkService.Outcome outcome = network.refresh();
        for (int i = 0; i < 2 && outcome == NetworkService.Outcome.UNAVAILABLE; i++) {
            outcome = network.refresh();
        }
        assertThat(outcome).isEqualTo(NetworkService.Outcome.MEMPOOL);
    }
}
