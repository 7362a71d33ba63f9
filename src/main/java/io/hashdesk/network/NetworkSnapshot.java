package io.hashdesk.network;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One stored reading of the network (see V2__network.sql). */
@Entity
@Table(name = "network_snapshot")
public class NetworkSnapshot extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "fetched_at", nullable = false)
    public Instant fetchedAt;

    @Column(nullable = false, length = 16)
    public String source;

    @Column(name = "price_usd", nullable = false)
    public double priceUsd;

    @Column(name = "price_at", nullable = false)
    public Instant priceAt;

    /** The BTC price in mempool's other currencies, read with priceUsd; null when the source gave none (V14). */
    @Column(name = "price_eur")
    public Double priceEur;

    @Column(name = "price_gbp")
    public Double priceGbp;

    @Column(name = "price_cad")
    public Double priceCad;

    @Column(name = "price_chf")
    public Double priceChf;

    @Column(name = "price_aud")
    public Double priceAud;

    @Column(name = "price_jpy")
    public Double priceJpy;

    @Column(nullable = false)
    public double difficulty;

    @Column(nullable = false)
    public long height;

    @Column(name = "fees_per_block_btc", nullable = false)
    public double feesPerBlockBtc;

    @Column(nullable = false)
    public double hashrate;

    @Column(name = "avg_block_time_seconds", nullable = false)
    public double avgBlockTimeSeconds;

    @Column(name = "next_change_percent", nullable = false)
    public double nextChangePercent;

    @Column(name = "previous_retarget_percent", nullable = false)
    public double previousRetargetPercent;

    @Column(name = "progress_percent", nullable = false)
    public double progressPercent;

    @Column(name = "remaining_blocks", nullable = false)
    public int remainingBlocks;

    @Column(name = "next_retarget_height", nullable = false)
    public long nextRetargetHeight;

    @Column(name = "estimated_retarget_date", nullable = false)
    public Instant estimatedRetargetDate;

    @Column(name = "hashrate_history", nullable = false, length = 200000)
    public String hashrateHistory;

    @Column(name = "first_of_day", nullable = false)
    public boolean firstOfDay;

    /** The refresh period the snapshot was taken in (seconds since 1970 / the period); unique with height. */
    @Column(nullable = false)
    public long slot;

    /** A snapshot stored without a period (not through {@link SnapshotStore#save}) takes its second as one. */
    @PrePersist
    void slotByDefault() {
        if (slot == 0 && fetchedAt != null) {
            slot = fetchedAt.getEpochSecond();
        }
    }

    public static NetworkSnapshot newest() {
        return find("order by fetchedAt desc, id desc").firstResult();
    }
}
