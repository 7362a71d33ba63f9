package io.hashdesk.earnings;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hashdesk.account.SignedIn;
import io.hashdesk.web.LruCache;

/**
 * Reconciled reports kept for /earnings and GET /api/v1/earnings, by operator, fleet version, pool version
 * ({@link PoolVersions}), network history version and range: at 50 accounts a 90-day report is 4,500
 * reconciled rows, and every view of the page (whichever period or account it shows) is cut from the one
 * 90-day report. A report is computed once when many requests miss it together ({@link LruCache#computeOnce}),
 * kept for {@link #FRESH} (another instance's fetch or edit shows within that; this instance's at once), and
 * the reports together hold at most {@link #BUDGET_BYTES} of heap.
 */
@ApplicationScoped
public class EarningsReports {

    /** The longest period the page offers; its report is the one every view of the page is cut from. */
    public static final int PAGE_DAYS = 90;
    static final Duration FRESH = Duration.ofMinutes(1);
    static final long BUDGET_BYTES = 8L * 1024 * 1024;
    /** A reconciled row on the heap (the record, its boxed figures and date), measured roughly. */
    static final long ROW_BYTES = 240;

    /** What a report is made of: who, what their fleet, accounts and the stored history were, which days. */
    public record Key(long operatorId, long fleetVersion, long poolVersion, long historyVersion, LocalDate from,
            LocalDate to) {
    }

    /** An account as it was when its report was made (the entity itself is not shared between requests). */
    public record Account(long id, String name, Long siteId, double thresholdPercent) {
    }

    /**
     * A report with the accounts it covers, by name; {@code made} numbers the computations, so that what is
     * kept from a report (a page's content, an API answer) is made again with it, never outlives it.
     */
    public record Kept(Key key, long made, List<Account> accounts, Reconciliation.Report report) {

        public Account account(long id) {
            return accounts.stream().filter(a -> a.id() == id).findFirst().orElse(null);
        }
    }

    @Inject
    PoolService pools;

    @Inject
    Reconciliation reconciliation;

    @Inject
    PoolVersions versions;

    @Inject
    NetworkHistory history;

    @Inject
    Clock clock;

    private final LruCache<Key, Kept> kept = LruCache.<Key, Kept> ofBytes(BUDGET_BYTES,
            k -> 1_024 + (k.report().days().size() + k.accounts().size()) * ROW_BYTES).freshFor(FRESH);
    private final AtomicLong computed = new AtomicLong();

    /** The last closed UTC day (yesterday). */
    public LocalDate lastClosedDay() {
        return clock.instant().atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
    }

    /** The key of the signed-in operator's report from {@code from} to {@code to}, as things stand now. */
    public Key key(SignedIn who, LocalDate from, LocalDate to) {
        return new Key(who.id(), who.fleetVersion(), versions.of(who.id()), history.version(), from, to);
    }

    /** The key of the report the page's views are cut from: the last {@link #PAGE_DAYS} closed UTC days. */
    public Key pageKey(SignedIn who) {
        LocalDate to = lastClosedDay();
        return key(who, to.minusDays(PAGE_DAYS - 1L), to);
    }

    /** The report, kept or computed (once, however many requests ask for it at the same moment). */
    public Kept get(Key key) {
        return kept.computeOnce(key, this::compute);
    }

    /**
     * The report made again from what is stored now: for an account that is not in the kept one (made on
     * another instance within {@link #FRESH}).
     */
    public Kept again(Key key) {
        kept.remove(key);
        return get(key);
    }

    /** How many reports were computed since start (tests: many views at once on a cold cache compute one). */
    long computed() {
        return computed.get();
    }

    private Kept compute(Key key) {
        long made = computed.incrementAndGet();
        List<PoolAccount> accounts = pools.accounts(key.operatorId());
        Reconciliation.Report report = reconciliation.report(accounts, key.from(), key.to());
        return new Kept(key, made,
                accounts.stream().map(a -> new Account(a.id, a.name, a.siteId, a.thresholdPercent)).toList(), report);
    }
}
