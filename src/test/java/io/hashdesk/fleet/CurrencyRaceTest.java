package io.hashdesk.fleet;

import static io.hashdesk.fleet.FleetApiTest.as;
import static io.hashdesk.fleet.FleetRacesTest.operator;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.hashdesk.account.Operator;
import io.hashdesk.currency.CurrencyService;
import io.hashdesk.currency.OperatorRate;
import io.hashdesk.testing.Operators;
import io.hashdesk.web.Problem.FieldError;
import io.hashdesk.web.Saved;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The rate of NOK removed while a site is saved in NOK, in both orders (one write holds its
 * transaction open while the other starts): the first to commit wins, the other is refused naming
 * its field, and the fleet always prices. A fleet left without a rate by a change made outside
 * hashdesk answers a clear 409, never a 500.
 */
@QuarkusTest
class CurrencyRaceTest {

    @Inject
    SiteService sites;

    @Inject
    CurrencyService currencies;

    @Inject
    ObjectMapper json;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private Object race(Supplier<Object> first, Callable<Object> second) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> holder = pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
            Object out = first.get();
            done.countDown();
            release.await(10, TimeUnit.SECONDS);
            return out;
        }));
        assertTrue(done.await(10, TimeUnit.SECONDS), "the first write ran");
        Future<Object> other = pool.submit(() -> {
            try {
                return second.call();
            } catch (Throwable t) {
                return t;
            }
        });
        Thread.sleep(300);
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        return other.get(10, TimeUnit.SECONDS);
    }

    private SiteJson hydro() throws Exception {
        return json.readValue(FleetCurrencyTest.HYDRO_NOK, SiteJson.class);
    }

    private static Operators.Session withNok(String hint) {
        Operators.Session s = Operators.newSignedIn(hint);
        as(s).contentType("application/json").body("{\"rates\":[{\"code\":\"NOK\",\"perUsd\":10.9,\"asOf\":\"2026-01-02\"}]}")
                .put("/api/v1/settings/currency").then().statusCode(200);
        FleetApiTest.createSite(s, FleetCurrencyTest.TEXAS);
        return s;
    }

    private static void prices(Operators.Session s) {
        as(s).get("/api/v1/projection?days=30").then().statusCode(200);
        as(s).accept("text/html").get("/dashboard").then().statusCode(200);
    }

    @Test
    void theRateRemovedFirstRefusesTheSiteInNok() throws Exception {
        Operators.Session me = withNok("race-rate-first");
        Operator owner = operator(me);
        Object saved = race(() -> currencies.save(owner.id, null, List.of(), Instant.now()),
                () -> sites.createSite(owner, hydro()));
        Saved<?> refused = assertInstanceOf(Saved.class, saved);
        assertTrue(refused.errors().any(), "the site in NOK is refused once NOK has no rate");
        assertEquals(1, FleetApiTest.siteCount(me));
        prices(me);
    }

    @Test
    void theSiteSavedFirstKeepsTheRate() throws Exception {
        Operators.Session me = withNok("race-site-first");
        Operator owner = operator(me);
        SiteJson hydro = hydro();
        Object removed = race(() -> sites.createSite(owner, hydro),
                () -> currencies.save(owner.id, null, List.of(), Instant.now()));
        @SuppressWarnings("unchecked")
        List<FieldError> errors = (List<FieldError>) assertInstanceOf(List.class, removed);
        assertFalse(errors.isEmpty(), "the removal is refused: a site is now in NOK");
        assertEquals("rates", errors.get(0).field());
        assertTrue(errors.get(0).message().contains("NOK"), errors.get(0).message());
        assertEquals(1, currencies.entered(owner.id).size());
        assertEquals(2, FleetApiTest.siteCount(me));
        prices(me);
    }

    @Test
    void aFleetLeftWithoutARateAnswersAClearRefusalNotAServerError() {
        Operators.Session me = withNok("no-rate-left");
        FleetApiTest.createSite(me, FleetCurrencyTest.HYDRO_NOK);
        long id = operator(me).id;
        QuarkusTransaction.requiringNew().run(() -> {
            // As a change made outside hashdesk would leave it: a site in NOK, no NOK rate.
            OperatorRate.delete("operatorId", id);
            Operator.update("fleetVersion = fleetVersion + 1 where id = ?1", id);
        });
        as(me).get("/api/v1/projection?days=30").then().statusCode(409).body("detail", containsString("NOK"));
        as(me).accept("text/html").get("/dashboard").then().statusCode(409)
                .body(containsString("Enter a rate for NOK on /settings"));
        as(me).accept("text/html").get("/settings").then().statusCode(200);
    }
}
