package io.hashdesk.earnings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

/** Fetches the pool accounts that are due, every hashdesk.pools.refresh (off in tests: they call the fetcher). */
@ApplicationScoped
public class PoolsJob {

    @Inject
    PoolFetcher fetcher;

    @Scheduled(identity = "pool-earnings", every = "${hashdesk.pools.refresh}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        fetcher.runDue();
    }
}
