package io.hashdesk;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every hashdesk setting, with its default (documented in README and shared/CONTRACT.md). */
@ConfigMapping(prefix = "hashdesk")
public interface HashdeskConfig {

    Network network();

    Mail mail();

    Projection projection();

    Summary summary();

    /** Base URL of this installation, used for links in emails. */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    interface Network {
        /** Primary live source: a mempool REST API. */
        @WithDefault("https://mempool.space")
        String mempoolUrl();

        /** Fallback source: an esplora REST API (blocks only; the adjustment estimate is computed locally). */
        @WithDefault("https://blockstream.info/api")
        String esploraUrl();

        /** How often live data is fetched in the background. */
        @WithDefault("5m")
        Duration refresh();
    }

    interface Projection {
        /**
         * Memory budget of the cached projections (day-by-day results with every group's series) and of
         * the cached price-risk results, in MB each; entries are evicted least recently used first.
         */
        @WithDefault("64")
        int cacheMegabytes();

        /**
         * Most price-path work one projection request may ask for: rig groups x days x paths (the
         * per-group payback is one step per group, day and path). 2,000,000,000 is about 4 CPU-seconds:
         * 1,000 groups over 730 days with 1,000 paths, or 20,000 groups over 90 days with 1,000 paths.
         */
        @WithDefault("2000000000")
        long maxPathWork();

        /**
         * Most rig-group days one answer with every group's daily series ({@code groups=daily}, JSON or CSV)
         * may hold: 1,500,000 is 1,000 groups over 1,500 days (about 18 MB while it is built).
         */
        @WithDefault("1500000")
        long maxGroupDays();

        /** Heavy projection requests (price paths, daily series, CSV) one operator may run at once. */
        @WithDefault("2")
        int heavyPerOperator();

        /** Heavy projection requests all operators together may run at once. */
        @WithDefault("4")
        int heavyOverall();
    }

    interface Mail {
        /** Sender address of the weekly summary. */
        @WithDefault("hashdesk@localhost")
        String from();
    }

    interface Summary {
        /** How often due summaries are looked for (and the ledger and the outbox are worked through). */
        @WithDefault("1m")
        Duration checkEvery();
    }
}
