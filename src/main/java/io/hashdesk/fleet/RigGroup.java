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

import io.hashdesk.currency.Currencies;
import io.hashdesk.currency.Rates;
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
    /** What one unit cost in {@link #purchaseCurrency} (the column keeps its old name); null when unknown. */
    @Column(name = "purchase_usd_per_unit")
    public Double purchaseUsdPerUnit;

    @Column(name = "purchase_currency", nullable = false, length = 3)
    public String purchaseCurrency = "USD";

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

    /** Whether the purchase price is entered in a currency other than USD. */
    public boolean foreign() {
        return !"USD".equals(purchaseCurrency);
    }

    /** What the whole group cost in USD at these rates; null when unknown. */
    public Double purchaseUsd(Rates rates) {
        return purchaseUsdPerUnit == null ? null : rates.toUsd(purchaseUsdPerUnit, purchaseCurrency) * units;
    }

    /** What one unit cost as entered, "2,400.00 USD" or "26,160.00 NOK"; null when unknown. */
    public String purchaseText() {
        return purchaseUsdPerUnit == null ? null : Currencies.amount(purchaseUsdPerUnit, purchaseCurrency);
    }
}
