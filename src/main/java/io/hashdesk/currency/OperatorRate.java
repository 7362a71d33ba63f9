package io.hashdesk.currency;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A rate the operator entered for a currency mempool does not price (V14__currency.sql). */
@Entity
@Table(name = "operator_rate")
@IdClass(OperatorRate.Key.class)
public class OperatorRate extends PanacheEntityBase {

    @Id
    @Column(name = "operator_id")
    public long operatorId;

    @Id
    @Column(length = 3)
    public String code;

    @Column(name = "per_usd", nullable = false)
    public double perUsd;

    @Column(name = "as_of", nullable = false)
    public LocalDate asOf;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static List<OperatorRate> of(long operatorId) {
        return list("operatorId = ?1 order by code", operatorId);
    }

    public static class Key implements Serializable {
        public long operatorId;
        public String code;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.operatorId == operatorId && Objects.equals(k.code, code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(operatorId, code);
        }
    }
}
