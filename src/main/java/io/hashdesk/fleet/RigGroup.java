package io.hashdesk.fleet;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A number of identical machines at one site. */
@Entity
@Table(name = "rig_group")
public class RigGroup extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The owner; every query filters on it (see FleetService). */
    @Column(name = "operator_id", nullable = false)
    public long operatorId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "site_id")
    public Site site;

    /** A catalog model's name ("Antminer S21 Pro") or the operator's own name for a custom machine. */
    @Column(nullable = false, length = 100)
    public String model;

    @Column(nullable = false)
    public long units;

    @Column(name = "terahash_per_unit", nullable = false)
    public double terahashPerUnit;

    @Column(name = "watts_per_unit", nullable = false)
    public double wattsPerUnit;

    /** What one machine cost, USD; null when unknown. */
    @Column(name = "purchase_usd_per_unit")
    public Double purchaseUsdPerUnit;

    @Column(name = "purchase_date")
    public LocalDate purchaseDate;

    @Column(length = 1000)
    public String notes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** TH/s of the whole group. */
    public double terahash() {
        return units * terahashPerUnit;
    }

    /** H/s of the whole group (what the hashrate formatter takes). */
    public double hashesPerSecond() {
        return terahash() * 1e12;
    }

    /** W of the whole group at nameplate. */
    public double watts() {
        return units * wattsPerUnit;
    }

    public double efficiencyJPerTh() {
        return wattsPerUnit / terahashPerUnit;
    }

    /** What the whole group cost, USD; null when unknown. */
    public Double purchaseUsd() {
        return purchaseUsdPerUnit == null ? null : purchaseUsdPerUnit * units;
    }
}
