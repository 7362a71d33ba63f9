package io.hashdesk.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/**
 * Turns a valid sign-in cookie into the request's identity, instead of quarkus-security-jpa's trusted
 * provider; {@link SessionCheckProvider} calls it once the session record is known to be live. Same
 * check (the account still exists; its roles), but one plain JDBC query on the primary lookup instead of a Hibernate query, and the row it reads also answers "who is this, in which time
 * zone, at which fleet version" ({@link SignedIn}), which every signed-in page otherwise asked the
 * database again (profiled: three queries per /dashboard view, about 40 % of its time).
 */
@ApplicationScoped
public class SessionIdentityProvider {

    private static final String QUERY = "select id, email, role, timezone, fleet_version from operator where email = ?";

    @Inject
    DataSource dataSource;

    /** The identity of this operator (blocking: call on a worker thread). */
    SecurityIdentity identity(String email) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(QUERY)) {
            s.setString(1, Operator.normalizeEmail(email));
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new AuthenticationFailedException("No such account");
                }
                SignedIn who = new SignedIn(r.getLong(1), r.getString(2), r.getString(4), r.getLong(5));
                QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(who.email())).addAttribute(SignedIn.ATTRIBUTE, who);
                for (String role : r.getString(3).split(",")) {
                    if (!role.isBlank()) {
                        b.addRole(role.strip());
                    }
                }
                return b.build();
            }
        } catch (SQLException e) {
            throw new AuthenticationFailedException(e);
        }
    }
}
