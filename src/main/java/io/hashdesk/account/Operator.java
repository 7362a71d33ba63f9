package io.hashdesk.account;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;

/** A person who signs in to hashdesk and owns a fleet. The email is the sign-in name. */
@Entity
@Table(name = "operator")
@UserDefinition
public class Operator extends PanacheEntityBase implements FleetOwner {

    public static final String ROLE = "operator";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Stored trimmed and lower-cased, so sign-in does not depend on how the address was typed. */
    @Username
    @Column(nullable = false, unique = true, length = 254)
    public String email;

    /** bcrypt (Modular Crypt Format), checked by quarkus-security-jpa. */
    @Password(PasswordType.MCF)
    @Column(name = "password_hash", nullable = false, length = 100)
    public String passwordHash;

    @Roles
    @Column(nullable = false, length = 20)
    public String role = ROLE;

    /** IANA zone in which dates are shown to this operator. */
    @Column(nullable = false, length = 64)
    public String timezone = "UTC";

    /** ISO 4217 code money is shown in (V14); every figure is still computed in USD. */
    @Column(name = "display_currency", nullable = false, length = 3)
    public String displayCurrency = "USD";

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Changes whenever any of this operator's sites or rig groups changes (see FleetService). */
    @Column(name = "fleet_version", nullable = false)
    public long fleetVersion;

    /** When the operator followed the verification link mailed to {@link #email}; null until then. */
    @Column(name = "email_verified_at")
    public Instant emailVerifiedAt;

    /** When a verification link was last accepted by the mail server for {@link #email}; null until one was. */
    @Column(name = "verification_mailed_at")
    public Instant verificationMailedAt;

    /** Mail (weekly summaries, alerts) goes only to a verified address. */
    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }

    public static Optional<Operator> findByEmail(String email) {
        return find("email", normalizeEmail(email)).firstResultOptional();
    }

    public static String normalizeEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public long ownerId() {
        return id;
    }
}
