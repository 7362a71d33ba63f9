package io.hashdesk.earnings;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An operator's account at a pool, whose daily credits hashdesk keeps (V12__pool_earnings.sql). */
@Entity
@Table(name = "pool_account")
public class PoolAccount extends PanacheEntityBase {

    public static final String BRAIINS = "braiins";
    public static final String CSV = "csv";

    public static final String NEW = "new";
    public static final String OK = "ok";
    public static final String TOKEN_REFUSED = "token-refused";
    public static final String ERROR = "error";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The owner; every query filters on it (see PoolService). */
    @Column(name = "operator_id", nullable = false)
    public long operatorId;

    @Column(nullable = false, length = 100)
    public String name;

    /** {@link #BRAIINS} or {@link #CSV} (the schema also allows 'ocean', which no route writes yet). */
    @Column(nullable = false, length = 16)
    public String kind;

    /** The site the account covers; null: the whole fleet. */
    @Column(name = "site_id")
    public Long siteId;

    /** The API token sealed by SecretBox (purpose "pool-token:&lt;id&gt;"); never shown again. */
    @Column(name = "token_sealed", length = 2000)
    public String tokenSealed;

    @Column(length = 100)
    public String address;

    @Column(name = "threshold_percent", nullable = false)
    public double thresholdPercent;

    /** {@link #NEW}, {@link #OK}, {@link #TOKEN_REFUSED} or {@link #ERROR}. */
    @Column(nullable = false, length = 16)
    public String state;

    @Column(name = "last_error", length = 500)
    public String lastError;

    @Column(name = "last_fetch_at")
    public Instant lastFetchAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean isBraiins() {
        return BRAIINS.equals(kind);
    }

    public boolean isCsv() {
        return CSV.equals(kind);
    }

    /** How the state reads on a page: "new", "ok", "token refused", "error". */
    public String stateLabel() {
        return TOKEN_REFUSED.equals(state) ? "token refused" : state;
    }

    /** The purpose the token is sealed for: a token copied to another account's row does not open. */
    static String tokenPurpose(long poolId) {
        return "pool-token:" + poolId;
    }
}
