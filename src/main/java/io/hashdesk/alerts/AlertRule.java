package io.hashdesk.alerts;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One of an operator's alert rules (written here; the evaluation reads the table with plain SQL). */
@Entity
@Table(name = "alert_rule")
public class AlertRule extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "operator_id", nullable = false)
    public long operatorId;

    @Column(nullable = false, length = 32)
    public String kind;

    @Column(nullable = false)
    public boolean enabled;

    /** group-switch only: the group, or null for every group. */
    @Column(name = "rig_id")
    public Long rigId;

    /** pool-token-refused only: the pool account, or null for every account. */
    @Column(name = "pool_id")
    public Long poolId;

    /** For a money kind (price, hashprice, fleet profit), the amount in {@link #thresholdCurrency} as entered. */
    public Double threshold;

    /** A money kind's currency (ISO 4217; USD for rules made before currencies); null for the other kinds. */
    @Column(name = "threshold_currency", length = 3)
    public String thresholdCurrency;

    @Column(nullable = false)
    public int confirmations;

    @Column(name = "margin_percent", nullable = false)
    public double marginPercent;

    public Integer hours;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
