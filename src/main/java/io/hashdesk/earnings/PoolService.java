package io.hashdesk.earnings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotFoundException;

import io.hashdesk.account.Operator;
import io.hashdesk.fleet.Site;
import io.hashdesk.secrets.SecretBox;
import io.hashdesk.web.CsvReader;
import io.hashdesk.web.FormErrors;
import io.hashdesk.web.LimitReachedException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.hashdesk.web.Saved;

/**
 * An operator's pool accounts: every read is by (owner, id), so another operator's id answers 404
 * like a missing one. The token is sealed with {@link SecretBox} as soon as the row has its id and is
 * never returned; a new token clears a "token refused" state so the account is fetched again.
 */
@ApplicationScoped
public class PoolService {

    @Inject
    PoolVersions versions;

    @Inject
    Event<PoolFetched> fetched;

    /** At most this many pool accounts per operator. */
    public static final int MAX_POOLS = 1_000;

    @Inject
    Validator validator;

    @Inject
    SecretBox secrets;

    /** An account as shown: the entity, its stored days, and why its token cannot be read (or null). */
    public record PoolView(PoolAccount account, long daysStored, String tokenProblem, String siteName) {
        public PoolJson json() {
            return PoolJson.of(account, daysStored, tokenProblem);
        }

        /** The state to show: a token this instance cannot read is an error with that reason. */
        public String stateLabel() {
            return tokenProblem != null ? "error" : account.stateLabel();
        }

        public String errorText() {
            return tokenProblem != null ? tokenProblem : account.lastError;
        }
    }

    @Transactional
    public List<PoolAccount> accounts(Operator owner) {
        return accounts(owner.id);
    }

    /** The accounts of the operator {@code operatorId}, by name (for a page that knows only who is signed in). */
    @Transactional
    public List<PoolAccount> accounts(long operatorId) {
        return PoolAccount.<PoolAccount>list("operatorId = ?1 order by lower(name), id", operatorId);
    }

    /** The owner's account, or 404. */
    @Transactional
    public PoolAccount account(Operator owner, long id) {
        return PoolAccount.<PoolAccount>find("operatorId = ?1 and id = ?2", owner.id, id).firstResultOptional()
                .orElseThrow(NotFoundException::new);
    }

    @Transactional
    public List<PoolView> views(Operator owner) {
        List<PoolAccount> list = accounts(owner);
        Map<Long, Long> days = EarningDays.countsByPool(list.stream().map(a -> a.id).toList());
        Map<Long, String> sites = new HashMap<>();
        Site.<Site>list("operatorId", owner.id).forEach(s -> sites.put(s.id, s.name));
        return list.stream().map(a -> new PoolView(a, days.getOrDefault(a.id, 0L), tokenProblem(a),
                a.siteId == null ? null : sites.get(a.siteId))).toList();
    }

    @Transactional
    public PoolView view(Operator owner, long id) {
        PoolAccount a = account(owner, id);
        Site site = a.siteId == null ? null : Site.findById(a.siteId);
        return new PoolView(a, EarningDays.countsByPool(List.of(a.id)).getOrDefault(a.id, 0L), tokenProblem(a),
                site == null ? null : site.name);
    }

    /** Why the stored token cannot be read here (another secrets key, damage), or null. */
    String tokenProblem(PoolAccount a) {
        if (a.tokenSealed == null) {
            return null;
        }
        try {
            secrets.open(a.tokenSealed, PoolAccount.tokenPurpose(a.id));
            return null;
        } catch (SecretBox.SecretUnreadableException e) {
            return e.getMessage();
        }
    }

    /** Every rule an account must meet, by field (JSON names); empty when it can be saved. */
    @Transactional
    public FormErrors check(Operator owner, PoolAccount existing, PoolInput raw) {
        PoolInput in = raw.strip();
        FormErrors errors = FormErrors.of(validator.validate(in));
        if (existing != null && in.id() != null && !in.id().equals(existing.id)) {
            errors.add("id", "The id in the body does not match the address.");
        }
        if (existing != null && in.kind() != null && !errors.has("kind") && !in.kind().equals(existing.kind)) {
            errors.add("kind", "An account keeps its kind; add a new account for another kind.");
        }
        if (in.siteId() != null && Site.count("operatorId = ?1 and id = ?2", owner.id, in.siteId()) == 0) {
            errors.add("siteId", "Choose one of your sites, or none for the whole fleet.");
        }
        if (PoolAccount.BRAIINS.equals(in.kind()) && in.token() == null && !errors.has("token")
                && (existing == null || existing.tokenSealed == null)) {
            errors.add("token", "Paste the API token of a Braiins access profile with web API access.");
        }
        if (PoolAccount.CSV.equals(in.kind()) && in.token() != null && !errors.has("token")) {
            errors.add("token", "A csv account has no token: upload the pool's daily export instead.");
        }
        if (in.address() != null && !errors.has("address")) {
            errors.add("address", "Only an ocean account has a payout address.");
        }
        return errors;
    }

    /** Adds an account; the errors by field when a rule fails (nothing saved). */
    @Transactional
    public Saved<PoolAccount> create(Operator owner, PoolInput raw) {
        lockOwner(owner);
        FormErrors errors = check(owner, null, raw);
        if (errors.any()) {
            return Saved.refused(errors);
        }
        if (PoolAccount.count("operatorId", owner.id) >= MAX_POOLS) {
            throw new LimitReachedException(null, String.format(Locale.ENGLISH,
                    "You have %,d pool accounts, the most one account can hold; nothing was added.", MAX_POOLS));
        }
        PoolInput in = raw.strip();
        PoolAccount a = new PoolAccount();
        a.operatorId = owner.id;
        a.kind = in.kind();
        a.state = PoolAccount.NEW;
        a.createdAt = Instant.now();
        apply(a, in);
        a.persist();
        PoolAccount.flush(); // the id, which the token's seal names
        if (in.token() != null) {
            a.tokenSealed = secrets.seal(in.token(), PoolAccount.tokenPurpose(a.id));
        }
        versions.changed(owner.id);
        return Saved.of(a);
    }

    @Transactional
    public Saved<PoolAccount> update(Operator owner, long id, PoolInput raw) {
        lockOwner(owner);
        PoolAccount a = account(owner, id);
        FormErrors errors = check(owner, a, raw);
        if (errors.any()) {
            return Saved.refused(a, errors);
        }
        PoolInput in = raw.strip();
        apply(a, in);
        if (in.token() != null) {
            a.tokenSealed = secrets.seal(in.token(), PoolAccount.tokenPurpose(a.id));
            if (!PoolAccount.OK.equals(a.state)) {
                a.state = PoolAccount.NEW; // a new token is worth trying again
                a.lastError = null;
            }
        }
        versions.changed(owner.id);
        return Saved.of(a);
    }

    /**
     * Stores the days of a csv account's upload (see {@link EarningsCsv}), all or nothing; a day
     * already stored is replaced. 404 if the account is not the owner's.
     *
     * The alerts hear of it once it is committed ({@link PoolFetched}), as of a fetch.
     *
     * @throws CsvReader.UnreadableException with every problem, by line and column; nothing stored
     */
    public int upload(Operator owner, long id, byte[] body) {
        int stored = QuarkusTransaction.requiringNew().call(() -> store(owner, id, body));
        fetched.fire(new PoolFetched(id, PoolAccount.OK));
        return stored;
    }

    private int store(Operator owner, long id, byte[] body) {
        PoolAccount a = account(owner, id);
        if (!a.isCsv()) {
            throw new CsvReader.UnreadableException(1, null, "The account " + CsvReader.shorten(a.name) + " is a "
                    + a.kind + " account, fetched from its pool; upload files to a csv account.");
        }
        Instant now = Instant.now();
        List<EarningDays.Day> days = EarningsCsv.read(a.id, body, LocalDate.now(ZoneOffset.UTC));
        EarningDays.replace(a.id, days, PoolAccount.CSV, now);
        a.state = PoolAccount.OK;
        a.lastError = null;
        a.lastFetchAt = now;
        a.updatedAt = now;
        versions.changed(owner.id); // the dashboard's earned-vs-expected card shows the upload at its next view
        return days.size();
    }

    /** Deletes the owner's account and its stored days; 404 if it is not theirs. */
    @Transactional
    public void delete(Operator owner, long id) {
        account(owner, id).delete();
        versions.changed(owner.id);
    }

    private static void apply(PoolAccount a, PoolInput in) {
        a.name = in.name();
        a.siteId = in.siteId();
        a.address = in.address();
        a.thresholdPercent = in.thresholdPercent();
        a.updatedAt = Instant.now();
    }

    private static void lockOwner(Operator owner) {
        Operator.getEntityManager().find(Operator.class, owner.id, LockModeType.PESSIMISTIC_WRITE);
    }
}
