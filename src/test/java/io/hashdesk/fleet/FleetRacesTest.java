package io.hashdesk.fleet;

import static io.hashdesk.fleet.FleetApiTest.as;
import static io.hashdesk.fleet.FleetApiTest.createRig;
import static io.hashdesk.fleet.FleetApiTest.createSite;
import static io.hashdesk.fleet.FleetApiTest.rigCount;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.hashdesk.account.Operator;
import io.hashdesk.testing.Operators;
import io.hashdesk.web.Database;
import io.hashdesk.web.Saved;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A site deleted while a rig group is added to it, moved to it or imported to it, in both orders:
 * one request holds its transaction open (a latch) while the other starts, so the second really
 * runs while the first is in flight. The first to commit wins; the other gets a clear refusal,
 * never a server error and never a rig at a deleted site.
 */
@QuarkusTest
class FleetRacesTest {

    @Inject
    SiteService sites;

    @Inject
    RigService rigs;

    @Inject
    RigImportService imports;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    static Operator operator(Operators.Session s) {
        return QuarkusTransaction.requiringNew().call(() -> Operator.findByEmail(s.email()).orElseThrow());
    }

    static RigJson rig(long siteId) {
        return new RigJson(null, siteId, "Bitmain Antminer S21", 10L, 200.0, 3500.0, null, null, null);
    }

    /** Runs {@code first} in a transaction held open until {@code second} has started and had time to reach the database. */
    private <T> Object race(Runnable first, Callable<T> second) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            first.run();
            done.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertTrue(done.await(10, TimeUnit.SECONDS), "the first request ran");
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

    @Test
    void aRigAddedWhileItsSiteIsDeleted() throws Exception {
        // The rig first: the delete waits for it and then refuses, the site still hosting it (409).
        Operators.Session me = Operators.newSignedIn("race-add");
        Operator owner = operator(me);
        long site = createSite(me, FleetApiTest.FLAT_SITE);
        Object delete = race(() -> rigs.createRig(owner, rig(site)), () -> {
            sites.deleteSite(owner, site);
            return "deleted";
        });
        assertInstanceOf(SiteService.SiteInUseException.class, delete);
        assertEquals(1, rigCount(me));
        as(me).get("/api/v1/sites/" + site).then().statusCode(200);

        // The delete first: the rig waits for it and is refused naming its site (422), nothing saved.
        Operators.Session you = Operators.newSignedIn("race-add2");
        Operator other = operator(you);
        long gone = createSite(you, FleetApiTest.FLAT_SITE);
        Object add = race(() -> sites.deleteSite(other, gone), () -> rigs.createRig(other, rig(gone)));
        Saved<?> saved = assertInstanceOf(Saved.class, add);
        assertEquals(RigService.NOT_YOUR_SITE, saved.errors().get("siteId"));
        assertEquals(0, rigCount(you));
        as(you).get("/api/v1/sites/" + gone).then().statusCode(404);
    }

    @Test
    void aRigMovedWhileItsNewSiteIsDeleted() throws Exception {
        Operators.Session me = Operators.newSignedIn("race-move");
        Operator owner = operator(me);
        long from = createSite(me, FleetApiTest.FLAT_SITE);
        long to = createSite(me, FleetApiTest.TOU_SITE);
        long id = createRig(me, from, "Bitmain Antminer S21", 5);
        RigJson move = new RigJson(null, to, "Bitmain Antminer S21", 5L, 200.0, 3500.0, 2500.0, null, null);
        Object delete = race(() -> rigs.updateRig(owner, id, move), () -> {
            sites.deleteSite(owner, to);
            return "deleted";
        });
        assertInstanceOf(SiteService.SiteInUseException.class, delete);
        as(me).get("/api/v1/rigs/" + id).then().statusCode(200).body("siteId", equalTo((int) to));

        long back = createSite(me, FleetApiTest.FLAT_SITE.replace("Texas 1", "Texas 2"));
        RigJson moveBack = new RigJson(null, back, "Bitmain Antminer S21", 5L, 200.0, 3500.0, 2500.0, null, null);
        Object moved = race(() -> sites.deleteSite(owner, back), () -> rigs.updateRig(owner, id, moveBack));
        Saved<?> saved = assertInstanceOf(Saved.class, moved);
        assertEquals(RigService.NOT_YOUR_SITE, saved.errors().get("siteId"));
        as(me).get("/api/v1/rigs/" + id).then().statusCode(200).body("siteId", equalTo((int) to));
    }

    @Test
    void rigsImportedWhileTheirSiteIsDeleted() throws Exception {
        Operators.Session me = Operators.newSignedIn("race-import");
        Operator owner = operator(me);
        long site = createSite(me, FleetApiTest.FLAT_SITE);
        List<RigCsv.Row> rows = RigCsv.read((RigCsvTest.HEADER + "Texas 1,Bitmain Antminer S21,4,200,3500,,,\n"
                + "Texas 1,Bitmain Antminer S19,2,95,3250,,,\n").getBytes());
        Object delete = race(() -> imports.importRigs(owner, rows, RigImportService.Mode.APPEND), () -> {
            sites.deleteSite(owner, site);
            return "deleted";
        });
        assertInstanceOf(SiteService.SiteInUseException.class, delete);
        assertEquals(2, rigCount(me));

        Operators.Session you = Operators.newSignedIn("race-import2");
        Operator other = operator(you);
        long gone = createSite(you, FleetApiTest.FLAT_SITE);
        Object imported = race(() -> sites.deleteSite(other, gone),
                () -> imports.importRigs(other, rows, RigImportService.Mode.APPEND));
        RigImportService.Outcome outcome = assertInstanceOf(RigImportService.Outcome.class, imported);
        assertEquals(0, outcome.imported());
        assertEquals("site", outcome.errors().get(0).column());
        assertEquals(0, rigCount(you));
    }

    @Test
    void twoSitesOfOneNameAtOnceGiveOneSiteAndA422() throws Exception {
        Operators.Session me = Operators.newSignedIn("race-name");
        List<Future<Integer>> posts = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < 2; i++) {
            String name = i == 0 ? "North yard" : " NORTH yard ";
            posts.add(pool.submit(() -> {
                go.await();
                return as(me).contentType("application/json")
                        .body(FleetApiTest.FLAT_SITE.replace("Texas 1", name)).post("/api/v1/sites").statusCode();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : posts) {
            statuses.add(f.get(30, TimeUnit.SECONDS));
        }
        statuses.sort(null);
        assertEquals(List.of(201, 422), statuses);
        assertEquals(1, FleetApiTest.siteCount(me));
    }

    @Test
    void theDatabaseKeepsSiteNamesUniquePerOperatorIgnoringCase() {
        Operators.Session me = Operators.newSignedIn("db-name");
        createSite(me, FleetApiTest.FLAT_SITE);
        long operatorId = operator(me).id;
        Throwable refused = null;
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Site copy = new Site();
                copy.operatorId = operatorId;
                copy.name = "TEXAS 1";
                copy.nameKey = Site.nameKey(copy.name);
                copy.tariffType = Site.FLAT;
                copy.flatUsdPerKwh = 0.05;
                copy.timezone = "UTC";
                copy.createdAt = Instant.now();
                copy.updatedAt = copy.createdAt;
                copy.persist();
            });
        } catch (RuntimeException e) {
            refused = e;
        }
        assertTrue(refused != null && Database.violated(refused, SiteService.UNIQUE_NAME),
                "the unique key refuses a second \"Texas 1\": " + refused);
        // Another operator may use the name.
        Operators.Session you = Operators.newSignedIn("db-name2");
        createSite(you, FleetApiTest.FLAT_SITE.replace("Texas 1", "texas 1"));
    }
}
