package io.hashdesk.summary;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What an operator's fleet earned on one day of the operator's calendar, from that day's network
 * data (see {@link Ledger}), under "switch off when losing" (the policy of the projection beside it).
 * Money in USD for the day, BTC mined before the pool fee. The snapshot columns name the last snapshot
 * in force during the day; price, difficulty and hashprice are averages over the day, weighted by time.
 */
@Entity
@Table(name = "ledger_day")
public class LedgerDay extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "operator_id", nullable = false)
    public long operatorId;

    @Column(name = "ledger_date", nullable = false)
    public LocalDate date;

    /** The zone the day was counted in (the operator's when it was recorded). */
    @Column(nullable = false, length = 64)
    public String timezone;

    @Column(name = "snapshot_id", nullable = false)
    public long snapshotId;

    @Column(name = "snapshot_fetched_at", nullable = false)
    public Instant snapshotFetchedAt;

    @Column(name = "price_usd", nullable = false)
    public double priceUsd;

    @Column(nullable = false)
    public double difficulty;

    @Column(name = "hashprice_usd_per_th_day", nullable = false)
    public double hashpriceUsdPerThDay;

    @Column(name = "rig_groups", nullable = false)
    public int rigGroups;

    @Column(nullable = false)
    public double btc;

    @Column(name = "revenue_usd", nullable = false)
    public double revenueUsd;

    @Column(name = "pool_fee_usd", nullable = false)
    public double poolFeeUsd;

    @Column(name = "power_cost_usd", nullable = false)
    public double powerCostUsd;

    @Column(name = "hosting_usd", nullable = false)
    public double hostingUsd;

    @Column(name = "profit_usd", nullable = false)
    public double profitUsd;

    /** The day's length in hours (23 or 25 across a clock change, fewer on the fleet's first day); null before V11. */
    @Column
    public Double hours;

    /** The fleet's profit had every group run all day (what switching off saved is the difference); null before V11. */
    @Column(name = "keep_running_profit_usd")
    public Double keepRunningProfitUsd;

    /** Per site, JSON (see {@link LedgerSite}). */
    @Column(nullable = false, length = 200000)
    public String sites;

    /** The rates the day was priced at, JSON units per USD ({@link io.hashdesk.currency.DayRates}); null before V14. */
    @Column(name = "fx_rates", length = 4000)
    public String fxRates;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
