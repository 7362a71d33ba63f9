package io.hashdesk.earnings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.hashdesk.earnings.BraiinsFetchTest.PROFILE;
import static io.hashdesk.earnings.BraiinsFetchTest.REWARDS;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.hashdesk.HashdeskConfig;
import io.hashdesk.testing.Fleets;
import io.hashdesk.testing.Operators;
import io.hashdesk.testing.Upstream;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Benchmark, not a test (surefire does not pick it up by name; nothing is asserted on time): 1,000
 * Braiins accounts (50 operators with 20 each) x 90 closed days, fetched from a stubbed Braiins
 * (WireMock, one 90-day answer for every token) by the scheduled job's {@link PoolFetcher#runDue()},
 * then reconciled per operator as {@code /earnings} does ({@link Reconciliation#report}). The network
 * history of the 90 days is stored first (it is fetched once per day for every account, not per
 * account). The per-request interval is the test profile's ({@code hashdesk.pools.braiins-interval=0s};
 * Braiins' own limit, 5 s, would make 2,000 requests take 2.8 hours on one instance). Run it with
 *
 * <pre>./mvnw test -Dtest=PoolsBenchmark -Dbench.accounts=1000</pre>
 */
@QuarkusTest
class PoolsBenchmark {

    static final int ACCOUNTS = Integer.getInteger("bench.accounts", 1_000);
    static final int PER_OPERATOR = 20;
    static final int DAYS = 90;
    static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    /** The whole process's CPU time (WireMock, the REST client's threads and H2 included), whatever the load. */
    static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @Inject
    PoolFetcher fetcher;

    @Inject
    Reconciliation reconciliation;

    @Inject
    HashdeskConfig config;

    @Test
    void thousandAccountsTimesNinetyDays() {
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        LocalDate first = yesterday.minusDays(DAYS - 1L);
        Map<LocalDate, NetworkHistory.Day> history = new HashMap<>();
        Map<LocalDate, String> rewards = new java.util.TreeMap<>();
        for (LocalDate d = first; !d.isAfter(yesterday); d = d.plusDays(1)) {
            history.put(d, new NetworkHistory.Day(1.355e14, null, null, 934_000, 0.03, 90_000.0));
            rewards.put(d, "0.00812345");
        }
        QuarkusTransaction.requiringNew().run(() -> NetworkHistory.write(history));
        var wm = Upstream.server();
        wm.stubFor(get(urlPathEqualTo(REWARDS)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(BraiinsFetchTest.rewards(rewards))));
        wm.stubFor(get(urlPathEqualTo(PROFILE)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"btc\": {\"hash_rate_unit\": \"Gh/s\", \"hash_rate_24h\": 19700000.0}}")));

        long setUp = System.nanoTime();
        Map<Long, List<PoolAccount>> byOperator = new HashMap<>();
        for (int o = 0; o < ACCOUNTS / PER_OPERATOR; o++) {
            Operators.Session me = Operators.newSignedIn("pools-bench-" + o);
            long site = Fleets.site(me, "Texas").usdPerKwh(0.05).poolFeePercent(2).create();
            Fleets.rig(me, site, "S21").units(100).terahash(200).watts(3500).create();
            List<Long> ids = new ArrayList<>();
            for (int a = 0; a < PER_OPERATOR; a++) {
                ids.add(BraiinsFetchTest.as(me).contentType(ContentType.JSON).body("{\"name\": \"Braiins " + a
                        + "\", \"kind\": \"braiins\", \"siteId\": " + site + ", \"token\": \"brtk-" + UUID.randomUUID()
                        + "\"}").post("/api/v1/pools").then().statusCode(201).extract().jsonPath().getLong("id"));
            }
            byOperator.put((long) o, QuarkusTransaction.requiringNew()
                    .call(() -> PoolAccount.<PoolAccount>list("id in ?1", ids)));
        }
        System.out.printf("set-up: %d accounts in %.1f s; per-request interval %s%n", ACCOUNTS,
                (System.nanoTime() - setUp) / 1e9, config.pools().braiinsInterval());

        long cpu0 = CPU.getCurrentThreadCpuTime();
        long process0 = OS.getProcessCpuTime();
        long t0 = System.nanoTime();
        int fetched = fetcher.runDue();
        double fetchS = (System.nanoTime() - t0) / 1e9;
        double fetchCpu = (CPU.getCurrentThreadCpuTime() - cpu0) / 1e9;
        double fetchProcess = (OS.getProcessCpuTime() - process0) / 1e9;
        long stored = QuarkusTransaction.requiringNew().call(() -> ((Number) PoolAccount.getEntityManager()
                .createNativeQuery("SELECT COUNT(*) FROM pool_earning_day").getSingleResult()).longValue());

        cpu0 = CPU.getCurrentThreadCpuTime();
        process0 = OS.getProcessCpuTime();
        long t1 = System.nanoTime();
        int rows = 0;
        double credited = 0;
        for (List<PoolAccount> accounts : byOperator.values()) {
            Reconciliation.Report r = reconciliation.report(accounts, first, yesterday);
            rows += r.days().size();
            credited += r.totals().creditedBtc();
        }
        double reconcileS = (System.nanoTime() - t1) / 1e9;
        double reconcileCpu = (CPU.getCurrentThreadCpuTime() - cpu0) / 1e9;
        double reconcileProcess = (OS.getProcessCpuTime() - process0) / 1e9;
        System.out.printf("fetch: %d accounts, %d days stored, %.1f s wall (%.1f s CPU on the calling thread,"
                + " %.1f s in the process)%n", fetched, stored, fetchS, fetchCpu, fetchProcess);
        System.out.printf("reconcile: %d account-days (%.4f BTC credited) in %.1f s wall (%.1f s CPU on the calling"
                + " thread, %.1f s in the process)%n", rows, credited, reconcileS, reconcileCpu, reconcileProcess);
        System.out.printf("total: %.1f s (target under 30 s)%n", fetchS + reconcileS);
    }
}
