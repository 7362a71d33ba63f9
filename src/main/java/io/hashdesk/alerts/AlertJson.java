package io.hashdesk.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import io.hashdesk.currency.Fx;

/** The alerts API's shapes (docs/api.md, Alerts). */
public final class AlertJson {

    private AlertJson() {
    }

    /**
     * A rule; in a POST or PUT, {@code id} is ignored and fields left out take their defaults. A money
     * rule's threshold is {@code amount} in {@code currency} as entered; {@code threshold} is the same in
     * USD (at the latest snapshot's rate in an answer; given alone in a request, it means USD).
     */
    public record RuleJson(Long id, String kind, Boolean enabled, Long rigId, Long poolId, Double threshold,
            String currency, Double amount, Integer confirmations, Double marginPercent, Integer hours) {

        /**
         * The rule as answered, its USD threshold at {@code rates} (the latest snapshot's): null when its
         * currency has no rate there (the rule is not evaluated until it has one again).
         */
        static RuleJson of(AlertRule r, Map<String, Fx> rates) {
            AlertKind kind = AlertKind.of(r.kind).orElse(null);
            if (kind == null || !kind.money) {
                return new RuleJson(r.id, r.kind, r.enabled, r.rigId, r.poolId, r.threshold, null, null,
                        r.confirmations, r.marginPercent, r.hours);
            }
            String code = r.thresholdCurrency == null ? "USD" : r.thresholdCurrency;
            Fx fx = code.equals("USD") ? Fx.USD : rates.get(code);
            return new RuleJson(r.id, r.kind, r.enabled, r.rigId, r.poolId,
                    r.threshold == null || fx == null ? null : fx.toUsd(r.threshold), code, r.threshold,
                    r.confirmations, r.marginPercent, r.hours);
        }
    }

    /** Email on or off; quiet hours as "HH:MM" in the operator's zone, both null for none. */
    public record ChannelsJson(Boolean email, String quietFrom, String quietTo) {
    }

    public record WebhookIn(String url) {
    }

    /** A webhook as listed: never its secret. */
    public record WebhookJson(long id, String url, String lastStatus, Instant lastAttemptAt) {
        static WebhookJson of(AlertWebhook w) {
            return new WebhookJson(w.id, w.url, w.lastStatus, w.lastAttemptAt);
        }
    }

    /** The answer to adding a webhook: the only time its secret is shown. */
    public record WebhookCreated(long id, String url, String secret) {
    }

    /** One delivery of an alert: email, or "webhook &lt;id&gt;". */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DeliveryJson(String channel, String state, int attempts, String lastError) {
    }

    public record AlertEntry(long id, String kind, Long ruleId, Instant firedAt, String subject, String text,
            JsonNode details, List<DeliveryJson> deliveries) {
    }

    /** The answer to "send a test alert": the alert, with its delivery as it stands. */
    public record TestJson(long id, List<DeliveryJson> deliveries) {
    }
}
