package io.hashdesk.account;

import java.time.Instant;

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

/** A personal API token. Only its SHA-256 hash is stored; the token itself is shown once, at creation. */
@Entity
@Table(name = "api_token")
public class ApiToken extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "operator_id")
    public Operator operator;

    @Column(nullable = false, length = 80)
    public String name;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    public String tokenHash;

    /** The first characters of the token, so the operator can tell tokens apart. */
    @Column(name = "token_prefix", nullable = false, length = 16)
    public String tokenPrefix;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    /** When the token stops working; null: until revoked. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    /** The last moment the token works (it works through the whole of its last day), or null. */
    public Instant lastValidInstant() {
        return expiresAt == null ? null : expiresAt.minusSeconds(1);
    }
}
