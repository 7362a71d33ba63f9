package io.hashdesk.earnings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

/**
 * Fetches the pool accounts that are due, then the network history of credited days that have none,
 * every hashdesk.pools.refresh (off in tests: they call the fetcher and the history).
 */
@ApplicationScoped
public class PoolsJob {

    @Inject
    PoolFetcher fetcher;

    @Inject
    NetworkHistory history;

    @Scheduled(identity = "pool-earnings", every = "${hashdesk.pools.refresh}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            fetcher.runDue();
        } finally {
            history.fetchMissingCredited(); // the days pages show as without history until then
        }
    }
}
