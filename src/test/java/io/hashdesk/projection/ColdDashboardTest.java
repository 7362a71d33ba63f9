package io.hashdesk.projection;

import static io.hashdesk.testing.Fleets.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.hashdesk.testing.Fleets;
import io.hashdesk.testing.Operators;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Many views of a dashboard arriving together on a cold cache (right after an edit or a new snapshot)
 * wait for one computation of the fleet's projection instead of each computing it.
 */
@QuarkusTest
class ColdDashboardTest {

    static final int VIEWS = 16;

    @Inject
    ProjectionService projections;

    @Test
    void viewsArrivingTogetherComputeTheProjectionOnce() throws Exception {
        Operators.Session me = Operators.newSignedIn("cold-dashboard");
        long site = Fleets.site(me, "Cold start").usdPerKwh(0.05).create();
        StringBuilder csv = new StringBuilder("site,model,units,terahash,watts,purchaseUsdPerUnit,purchaseDate,notes\n");
        for (int i = 0; i < 600; i++) {
            csv.append("Cold start,Group ").append(i).append(',').append(10 + i % 7).append(',').append(90 + i % 120)
                    .append(',').append(3000 + i % 500).append(",,,\n");
        }
        as(me).contentType("text/csv").body(csv.toString()).post("/api/v1/rigs/import?mode=append-all").then()
                .statusCode(200);
        assertThat(site).isPositive();

        ExecutorService pool = Executors.newFixedThreadPool(VIEWS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            long before = projections.computed();
            List<Future<Integer>> views = new ArrayList<>();
            for (int i = 0; i < VIEWS; i++) {
                views.add(pool.submit(() -> {
                    go.await();
                    return given().cookies(me.cookies()).get("/dashboard").then().extract().statusCode();
                }));
            }
            go.countDown();
            for (Future<Integer> v : views) {
                assertThat(v.get()).isEqualTo(200);
            }
            assertThat(projections.computed() - before).as("projections computed for %d views at once", VIEWS)
                    .isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
