package io.hashdesk.alerts;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.hashdesk.HashdeskConfig;
import io.hashdesk.account.Operator;
import io.hashdesk.alerts.AlertJson.AlertEntry;
import io.hashdesk.alerts.AlertJson.ChannelsJson;
import io.hashdesk.alerts.AlertJson.RuleJson;
import io.hashdesk.alerts.AlertJson.WebhookCreated;
import io.hashdesk.currency.CurrencyService;
import io.hashdesk.currency.Fx;
import io.hashdesk.fleet.RigGroup;
import io.hashdesk.network.NetworkService;
import io.hashdesk.secrets.SecretBox;
import io.hashdesk.web.FormErrors;
import io.hashdesk.web.Saved;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** An operator's rules, channels, webhooks and history; ownership checked by operator id throughout. */
@ApplicationScoped
public class AlertService {

    /** At most this many rules and webhooks per operator. */
    static final int MAX_RULES = 100;
    static final int MAX_WEBHOOKS = 10;

    @Inject
    DataSource dataSource;

    @Inject
    SecretBox box;

    @Inject
    HashdeskConfig config;

    @Inject
    AlertFiring firing;

    @Inject
    Clock clock;

    @Inject
    CurrencyService currencies;

    @Inject
    NetworkService network;

    /** Replaced by tests that need a name to resolve somewhere in particular. */
    WebhookAddress.Resolver resolver = WebhookAddress.DNS;

    /** Tests: resolve names with {@code r} (null: DNS again); a method, so that it reaches the bean behind its proxy. */
    void resolveWith(WebhookAddress.Resolver r) {
        resolver = r == null ? WebhookAddress.DNS : r;
    }

    /** The operator's settings and default rule, made the first time they are needed. */
    public void ensureDefaults(Operator owner) {
        try (Connection c = dataSource.getConnection()) {
            AlertStates.ensureDefaults(c, owner.id, clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the default alert rule", e);
        }
    }

    public List<AlertRule> rules(Operator owner) {
        ensureDefaults(owner);
        return QuarkusTransaction.requiringNew().call(
                () -> AlertRule.<AlertRule>list("operatorId = ?1 order by id", owner.id));
    }

    @Transactional
    public AlertRule rule(Operator owner, long id) {
        return AlertRule.<AlertRule>find("operatorId = ?1 and id = ?2", owner.id, id).firstResultOptional()
                .orElseThrow(NotFoundException::new);
    }

    private static Set<Long> rigIds(long operatorId) {
        return new HashSet<>(RigGroup.getEntityManager()
                .createQuery("select r.id from RigGroup r where r.operatorId = :o", Long.class)
                .setParameter("o", operatorId).getResultList());
    }

    private Set<Long> poolIds(long operatorId) {
        return new HashSet<>(AlertRule.getEntityManager()
                .createQuery("select p.id from PoolAccount p where p.operatorId = :o", Long.class)
                .setParameter("o", operatorId).getResultList());
    }

    /**
     * The currencies a rule's threshold can be in now, at the latest snapshot's rates (mempool's and the
     * operator's own): what a rule is checked at when saved, and its USD threshold answered at.
     */
    public Map<String, Fx> rates(Operator owner) {
        return currencies.rates(owner.id, network.latest());
    }

    @Transactional
    public Saved<AlertRule> createRule(Operator owner, RuleJson in) {
        Map<String, Fx> rates = rates(owner);
        FormErrors errors = RuleValidation.check(in, rigIds(owner.id), poolIds(owner.id), rates);
        if (AlertRule.count("operatorId", owner.id) >= MAX_RULES) {
            errors.add("kind", "You have " + MAX_RULES + " rules, the most an account keeps; delete one first.");
        }
        if (errors.any()) {
            return Saved.refused(errors);
        }
        AlertRule r = new AlertRule();
        r.operatorId = owner.id;
        r.createdAt = clock.instant();
        RuleValidation.apply(in, r, rates);
        r.persist();
        return Saved.of(r);
    }

    @Transactional
    public Saved<AlertRule> updateRule(Operator owner, long id, RuleJson in) {
        AlertRule r = rule(owner, id);
        Map<String, Fx> rates = rates(owner);
        FormErrors errors = RuleValidation.check(in, rigIds(owner.id), poolIds(owner.id), rates);
        if (errors.any()) {
            return Saved.refused(errors);
        }
        RuleValidation.apply(in, r, rates);
        return Saved.of(r);
    }

    @Transactional
    public AlertRule setEnabled(Operator owner, long id, boolean enabled) {
        AlertRule r = rule(owner, id);
        r.enabled = enabled;
        return r;
    }

    @Transactional
    public void deleteRule(Operator owner, long id) {
        rule(owner, id).delete();
    }

    public AlertSettings settings(Operator owner) {
        ensureDefaults(owner);
        return QuarkusTransaction.requiringNew().call(() -> AlertSettings.<AlertSettings>findById(owner.id));
    }

    /** Email on or off and quiet hours; fields left out keep their value. */
    public Saved<AlertSettings> updateChannels(Operator owner, ChannelsJson in, boolean partial) {
        AlertSettings current = settings(owner);
        FormErrors errors = FormErrors.none();
        String from = partial && in.quietFrom() == null ? current.quietFrom : blankToNull(in.quietFrom());
        String to = partial && in.quietTo() == null ? current.quietTo : blankToNull(in.quietTo());
        if (from != null && QuietHours.parse(from) == null) {
            errors.add("quietFrom", "Enter a time as HH:MM (24-hour), or leave both empty for no quiet hours.");
        }
        if (to != null && QuietHours.parse(to) == null) {
            errors.add("quietTo", "Enter a time as HH:MM (24-hour), or leave both empty for no quiet hours.");
        }
        if (!errors.any() && (from == null) != (to == null)) {
            errors.add(from == null ? "quietFrom" : "quietTo", "Enter both times, or neither for no quiet hours.");
        }
        if (!errors.any() && from != null && QuietHours.parse(from).equals(QuietHours.parse(to))) {
            errors.add("quietTo", "The quiet hours must end at another time than they start.");
        }
        if (errors.any()) {
            return Saved.refused(errors);
        }
        String f = from == null ? null : QuietHours.format(QuietHours.parse(from));
        String t = to == null ? null : QuietHours.format(QuietHours.parse(to));
        boolean email = in.email() == null ? current.email : in.email();
        return Saved.of(QuarkusTransaction.requiringNew().call(() -> {
            AlertSettings s = AlertSettings.findById(owner.id);
            s.email = email;
            s.quietFrom = f;
            s.quietTo = t;
            s.updatedAt = clock.instant();
            return s;
        }));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Transactional
    public List<AlertWebhook> webhooks(Operator owner) {
        return AlertWebhook.list("operatorId = ?1 order by id", owner.id);
    }

    /** Adds a webhook after checking where its URL leads; its secret is in the answer, and nowhere else. */
    public Saved<WebhookCreated> addWebhook(Operator owner, String url) {
        FormErrors errors = FormErrors.none();
        String refusal = WebhookAddress.refusal(url, config.alerts().allowPrivateWebhooks(), resolver);
        if (refusal != null) {
            errors.add("url", "The URL " + refusal + ".");
            return Saved.refused(errors);
        }
        String secret = WebhookSignature.newSecret();
        return QuarkusTransaction.requiringNew().call(() -> {
            if (AlertWebhook.count("operatorId", owner.id) >= MAX_WEBHOOKS) {
                return Saved.refused(FormErrors.none().add("url",
                        "You have " + MAX_WEBHOOKS + " webhooks, the most an account keeps; delete one first."));
            }
            AlertWebhook w = new AlertWebhook();
            w.operatorId = owner.id;
            w.url = url.trim();
            w.secretSealed = "";
            w.createdAt = clock.instant();
            w.persist();
            w.flush();
            w.secretSealed = box.seal(secret, WebhookSender.purpose(w.id));
            return Saved.of(new WebhookCreated(w.id, w.url, secret));
        });
    }

    @Transactional
    public void deleteWebhook(Operator owner, long id) {
        if (AlertWebhook.delete("operatorId = ?1 and id = ?2", owner.id, id) == 0) {
            throw new NotFoundException();
        }
    }

    public List<AlertEntry> history(Operator owner, int limit) {
        try (Connection c = dataSource.getConnection()) {
            return AlertHistory.of(c, owner.id, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the alerts", e);
        }
    }

    /** A test alert to email ({@code webhookId} null) or one of the operator's webhooks; throttled per channel. */
    public long test(Operator owner, Long webhookId, Instant now) {
        if (webhookId != null && QuarkusTransaction.requiringNew().call(
                () -> AlertWebhook.count("operatorId = ?1 and id = ?2", owner.id, webhookId)) == 0) {
            throw new NotFoundException();
        }
        try {
            return firing.test(owner.id, webhookId, now);
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the test alert", e);
        }
    }
}
