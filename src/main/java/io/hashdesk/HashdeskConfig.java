package io.hashdesk;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every hashdesk setting, with its default (documented in docs/operations.md, Settings). */
@ConfigMapping(prefix = "hashdesk")
public interface HashdeskConfig {

    Network network();

    Mail mail();

    Projection projection();

    Summary summary();

    Account account();

    Backup backup();

    Alerts alerts();

    Pools pools();

    /** Base URL of this installation, used for links in emails. */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    /**
     * The key that encrypts pool tokens and webhook secrets at rest ({@code HASHDESK_SECRETS_KEY}, 32+ characters,
     * the same on every instance sharing a database); when unset, one is generated into the data directory.
     */
    Optional<String> secretsKey();

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

        /**
         * Mails sent on request (test summaries, verification links, "someone tried to register with your
         * address") to one address within an hour; more are refused with the wait until the next may go.
         */
        @WithDefault("5")
        int perRecipientPerHour();

        /** The same mails to all addresses together within an hour. */
        @WithDefault("500")
        int perHour();
    }

    interface Account {
        /** Registrations answered per client address within an hour; more get 429 with the wait. */
        @WithDefault("10")
        int registrationsPerHour();

        /** How long the link that verifies an email address stays valid. */
        @WithDefault("72h")
        Duration verificationValid();
    }

    interface Summary {
        /** How often due summaries are looked for (and the ledger and the outbox are worked through). */
        @WithDefault("1m")
        Duration checkEvery();
    }

    interface Backup {
        /**
         * Where POST /backup on the management port writes the embedded database's online backups
         * (created owner-only; relative to the directory hashdesk runs in).
         */
        @WithDefault("data/backups")
        String directory();
    }

    interface Alerts {
        /**
         * Whether webhooks may point at loopback, private or link-local addresses (or names resolving
         * there) and use plain http. Off: a webhook cannot reach into the server's own network.
         */
        @WithDefault("false")
        boolean allowPrivateWebhooks();

        /** How often due alert deliveries (webhooks, mails, digests after quiet hours) and stale data are looked for. */
        @WithDefault("30s")
        Duration deliverEvery();
    }

    interface Pools {
        /** Braiins Pool's API (daily rewards and hashrate of an account, with its Pool-Auth-Token). */
        @WithDefault("https://pool.braiins.com")
        String braiinsUrl();

        /** How often the closed UTC days not yet stored are fetched in the background. */
        @WithDefault("1h")
        Duration refresh();

        /** The least time between two requests to Braiins from one instance (its limit: about one per 5 s). */
        @WithDefault("5s")
        Duration braiinsInterval();

        /** How many closed days a new account fetches back (pools keep 45 to 90 days). */
        @WithDefault("90")
        int backfillDays();
    }
}
