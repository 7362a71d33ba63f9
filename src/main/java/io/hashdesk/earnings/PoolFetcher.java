package io.hashdesk.earnings;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.hashdesk.HashdeskConfig;
import io.hashdesk.network.UpstreamDataException;
import io.hashdesk.secrets.SecretBox;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Fetches the closed UTC days a Braiins account has not stored yet (and the last few again, which a
 * pool may restate), once across instances ({@link PoolClaims}), within Braiins' rate limit
 * ({@link RateGate}), with timeouts and up to {@value #ATTEMPTS} attempts. A refused token marks the
 * account "token-refused" until a new token is saved; a malformed answer, or a day above 10x what the
 * covered rigs could earn at full uptime, is refused with the reason kept on the account, and the
 * stored days stay. The token is opened only to be sent in the request header: never logged or kept.
 */
@ApplicationScoped
public class PoolFetcher {

    @Inject
    PoolVersions versions;

    private static final Logger LOG = Logger.getLogger(PoolFetcher.class);

    static final int ATTEMPTS = 3;
    /** Days fetched again on every fetch: a pool may restate the last ones. */
    static final int RESTATED_DAYS = 3;
    /** A credited day above this multiple of the full-uptime expectation is refused. */
    static final double MOST_TIMES_EXPECTED = 10;
    static final Duration LEASE = Duration.ofMinutes(10);
    static final int BATCH = 20;

    @Inject
    DataSource dataSource;

    @Inject
    HashdeskConfig config;

    @Inject
    SecretBox secrets;

    @Inject
    @RestClient
    BraiinsClient braiins;

    @Inject
    RateGate gate;

    @Inject
    Expectations expectations;

    /** Observed by the alerts, which evaluate the pool rules after a fetch that changed something. */
    @Inject
    Event<PoolFetched> fetched;

    /** Fetches every due account (the scheduled job); how many were fetched by this instance. */
    public int runDue() {
        String claimer = UUID.randomUUID().toString();
        int done = 0;
        while (true) {
            List<Long> batch = claim(claimer, null);
            if (batch.isEmpty()) {
                return done;
            }
            for (long id : batch) {
                fetchClaimed(id, claimer);
                done++;
            }
        }
    }

    /** Fetches one account now ("Fetch now"), unless another instance is fetching it at this moment. */
    public void fetchNow(long id) {
        String claimer = UUID.randomUUID().toString();
        for (long claimed : claim(claimer, id)) {
            fetchClaimed(claimed, claimer);
        }
    }

    private List<Long> claim(String claimer, Long onlyId) {
        try (Connection c = dataSource.getConnection()) {
            return PoolClaims.claim(c, Instant.now(), BATCH, LEASE, config.pools().refresh(), claimer, onlyId);
        } catch (SQLException e) {
            throw new IllegalStateException("pool accounts could not be claimed: " + e.getMessage(), e);
        }
    }

    private void fetchClaimed(long id, String claimer) {
        try {
            fetch(id);
        } catch (RuntimeException e) {
            LOG.warnf(e, "pool account %d: fetch failed", id);
            record(id, PoolAccount.ERROR, "The fetch failed unexpectedly; it is tried again within the hour.", null);
        } finally {
            try (Connection c = dataSource.getConnection()) {
                PoolClaims.release(c, id, claimer);
            } catch (SQLException e) {
                LOG.warnf("pool account %d: claim not released (its lease ends it): %s", id, e.getMessage());
            }
        }
    }

    private record Target(long operatorId, Long siteId, String sealed, List<LocalDate> stored) {
    }

    private void fetch(long id) {
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        LocalDate earliest = yesterday.minusDays(config.pools().backfillDays() - 1L);
        Target t = QuarkusTransaction.requiringNew().call(() -> {
            PoolAccount a = PoolAccount.findById(id);
            return a == null ? null
                    : new Target(a.operatorId, a.siteId, a.tokenSealed, EarningDays.storedDates(id, earliest));
        });
        if (t == null || t.sealed() == null) {
            return;
        }
        String token;
        try {
            token = secrets.open(t.sealed(), PoolAccount.tokenPurpose(id));
        } catch (SecretBox.SecretUnreadableException e) {
            record(id, PoolAccount.ERROR, e.getMessage(), null);
            return;
        }
        LocalDate from = firstMissing(earliest, yesterday, new HashSet<>(t.stored()));
        LocalDate restated = yesterday.minusDays(RESTATED_DAYS - 1L);
        if (from == null || from.isAfter(restated)) {
            from = restated.isBefore(earliest) ? earliest : restated;
        }
        LocalDate start = from;
        List<BraiinsAnswers.Reward> rewards;
        Double ths;
        try {
            rewards = BraiinsAnswers.rewards(call(() -> braiins.rewards(token, start.toString(), yesterday.toString())),
                    start, yesterday);
            ths = hashrate(token);
        } catch (Refusal e) {
            record(id, e.state, e.getMessage(), null);
            return;
        } catch (BraiinsAnswers.Refused e) {
            record(id, PoolAccount.ERROR, e.getMessage(), null);
            return;
        }
        Map<LocalDate, Double> expected = expectations.fullUptimeBtc(t.operatorId(), t.siteId(),
                rewards.stream().map(BraiinsAnswers.Reward::date).toList());
        List<EarningDays.Day> days = new ArrayList<>();
        for (BraiinsAnswers.Reward r : rewards) {
            Double most = expected.get(r.date());
            if (most != null && most > 0 && r.btc() > MOST_TIMES_EXPECTED * most) {
                record(id, PoolAccount.ERROR, String.format(Locale.ENGLISH, "Braiins reports %.8f BTC for %s, more"
                        + " than 10 times the %.8f BTC the rigs this account covers could earn that day at full"
                        + " uptime; nothing stored from this answer. Check which site the account covers.",
                        r.btc(), r.date(), most), null);
                return;
            }
            days.add(new EarningDays.Day(id, r.date(), r.btc(), r.date().equals(yesterday) ? ths : null));
        }
        record(id, PoolAccount.OK, null, days);
        LOG.infof("pool account %d: %d day(s) from %s to %s stored", id, days.size(), start, yesterday);
    }

    private static LocalDate firstMissing(LocalDate from, LocalDate to, Set<LocalDate> stored) {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (!stored.contains(d)) {
                return d;
            }
        }
        return null;
    }

    /** The account's reported hashrate; a profile Braiins will not give leaves it out, nothing more. */
    private Double hashrate(String token) {
        try {
            return BraiinsAnswers.hashrate24hThs(call(() -> braiins.profile(token)));
        } catch (Refusal | BraiinsAnswers.Refused e) {
            return null;
        }
    }

    /** Why a call gave no usable answer, with the state it leaves the account in. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String state;

        Refusal(String state, String message) {
            super(message);
            this.state = state;
        }
    }

    private String call(java.util.function.Supplier<String> request) {
        String last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            gate.await(config.pools().braiinsInterval());
            try {
                return request.get();
            } catch (WebApplicationException e) {
                int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
                if (status == 401 || status == 403) {
                    throw new Refusal(PoolAccount.TOKEN_REFUSED, "Braiins refused the token (HTTP " + status
                            + "). Create a token with web API access in a Braiins access profile and save it here;"
                            + " the account is not fetched again until then.");
                }
                if (status < 500 && status != 429) {
                    throw new Refusal(PoolAccount.ERROR, "Braiins answered HTTP " + status + "; stored days kept.");
                }
                last = "Braiins answered HTTP " + status;
            } catch (ProcessingException e) {
                UpstreamDataException tooLarge = tooLarge(e);
                if (tooLarge != null) {
                    throw new Refusal(PoolAccount.ERROR, "Braiins' answer was refused: " + tooLarge.getMessage());
                }
                last = "Braiins did not answer in time or could not be reached";
            } catch (UpstreamDataException e) {
                throw new Refusal(PoolAccount.ERROR, "Braiins' answer was refused: " + e.getMessage());
            } catch (RuntimeException e) {
                // A timeout can surface as a failure of the client's response filter (no headers yet).
                last = "Braiins did not answer in time or could not be reached";
            }
            pause(attempt);
        }
        throw new Refusal(PoolAccount.ERROR, last + " (" + ATTEMPTS + " attempts); stored days kept, tried again"
                + " within the hour.");
    }

    private static UpstreamDataException tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UpstreamDataException u) {
                return u;
            }
        }
        return null;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(200L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes the outcome in one transaction: the days (replacing stored ones) and the account's state. */
    private void record(long id, String state, String error, List<EarningDays.Day> days) {
        Instant now = Instant.now();
        long[] owner = {-1};
        boolean changed = QuarkusTransaction.requiringNew().call(() -> {
            PoolAccount a = PoolAccount.findById(id);
            if (a == null) {
                return false;
            }
            boolean moved = days != null && !days.isEmpty() || !state.equals(a.state);
            if (days != null) {
                EarningDays.replace(id, days, "braiins", now);
            }
            a.state = state;
            a.lastError = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
            a.lastFetchAt = now;
            owner[0] = a.operatorId;
            return moved;
        });
        if (owner[0] >= 0) {
            versions.changed(owner[0]); // after the commit: a card rendered meanwhile keys the old version
        }
        if (changed) {
            fetched.fire(new PoolFetched(id, state));
        }
    }
}
