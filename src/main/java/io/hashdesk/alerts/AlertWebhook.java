package io.hashdesk.alerts;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A webhook of an operator. Its signing secret is stored sealed ({@code SecretBox}, purpose
 * "webhook-secret:&lt;id&gt;"): shown once when the webhook is added, never again, never logged.
 */
@Entity
@Table(name = "alert_webhook")
public class AlertWebhook extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "operator_id", nullable = false)
    public long operatorId;

    @Column(nullable = false, length = 2000)
    public String url;

    @Column(name = "secret_sealed", nullable = false, length = 500)
    public String secretSealed;

    /** The last attempt's answer: an HTTP status, "no answer" or "refused". */
    @Column(name = "last_status", length = 200)
    public String lastStatus;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
