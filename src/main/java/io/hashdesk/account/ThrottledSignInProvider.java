package io.hashdesk.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Wraps the password check of quarkus-security-jpa with {@link SignInThrottle}: a throttled attempt is
 * refused before the password is looked at, and every outcome is recorded. It runs first (higher
 * priority) and answers for the request, so the JPA provider is called exactly once, by this class.
 */
@ApplicationScoped
public class ThrottledSignInProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(ThrottledSignInProvider.class);
    /** Key under which the wait is handed to {@link SignInGuard} for the error page. */
    static final String WAIT_ATTRIBUTE = "hashdesk.sign-in.wait";
    /** Set when a sign-in came without the sign-in page's CSRF token. */
    static final String CSRF_ATTRIBUTE = "hashdesk.sign-in.csrf-refused";
    /** The CSRF cookie and form field of quarkus-rest-csrf (application.properties). */
    static final String CSRF_COOKIE = "hashdesk-csrf";
    static final String CSRF_FIELD = "csrf-token";

    @Inject
    SignInThrottle throttle;

    @Inject
    WebSessions sessions;

    @Inject
    ClientAddress clientAddress;

    @Inject
    DeviceCookies devices;

    @Inject
    Instance<IdentityProvider<UsernamePasswordAuthenticationRequest>> providers;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        // Above the system providers (quarkus-security-jpa's among them), so this one answers first.
        return SYSTEM_FIRST + 1000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        IdentityProvider<UsernamePasswordAuthenticationRequest> passwordCheck = passwordCheck();
        String email = Operator.normalizeEmail(request.getUsername());
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        String client = clientAddress.of(routing);
        if (!carriesCsrfToken(routing)) {
            // Login CSRF: a page elsewhere posting the attacker's credentials. Not a password guess, so not counted.
            if (routing != null) {
                routing.put(CSRF_ATTRIBUTE, Boolean.TRUE);
            }
            return Uni.createFrom().failure(new AuthenticationFailedException("Sign-in without the CSRF token"));
        }

        // Everything here touches the database, so it runs on a worker thread; the JPA provider's own
        // runBlocking then runs inline.
        return context.runBlocking(() -> {
            String device = routing == null || routing.request().getCookie(DeviceCookies.COOKIE) == null ? null
                    : devices.trustedNonce(routing.request().getCookie(DeviceCookies.COOKIE).getValue(), email).orElse(null);
            SignInThrottle.Attempt attempt = throttle.begin(email, client, device, Instant.now());
            if (attempt.refused()) {
                LOG.infof("Sign-in for %s from %s throttled for %s", email, client, attempt.waitFor());
                if (routing != null) {
                    routing.put(WAIT_ATTRIBUTE, attempt.waitFor());
                }
                throw new AuthenticationFailedException("Too many failed sign-ins");
            }
            // Counted as a failure already (so parallel attempts cannot pass the limit) until it succeeds.
            SecurityIdentity identity = passwordCheck.authenticate(normalized(request, email), context)
                    .await().indefinitely();
            if (identity == null) {
                throw new AuthenticationFailedException();
            }
            throttle.succeeded(email, attempt);
            if (routing != null) {
                // The server-side record that sign-out and a password change remove (WebSessions).
                String session = sessions.start(identity.getPrincipal().getName(), Instant.now());
                routing.response().addCookie(WebSessions.cookie(session, routing.request().isSSL()));
                if (device == null) {
                    // This browser is now known to the account: guessing from elsewhere cannot lock it out.
                    routing.response().addCookie(DeviceCookies.cookie(devices.issue(email), routing.request().isSSL()));
                }
            }
            return identity;
        });
    }

    /** Emails are stored lower-cased; "Ann@Example.com" signs in as "ann@example.com". */
    private static UsernamePasswordAuthenticationRequest normalized(UsernamePasswordAuthenticationRequest request,
            String email) {
        UsernamePasswordAuthenticationRequest copy = new UsernamePasswordAuthenticationRequest(email, request.getPassword());
        request.getAttributes().forEach(copy::setAttribute);
        return copy;
    }

    private IdentityProvider<UsernamePasswordAuthenticationRequest> passwordCheck() {
        for (IdentityProvider<UsernamePasswordAuthenticationRequest> provider : providers) {
            if (!(provider instanceof ThrottledSignInProvider)) {
                return provider;
            }
        }
        throw new IllegalStateException("No password identity provider (quarkus-security-jpa) is installed");
    }

    /**
     * The sign-in form carries the token of the page it came from; it must equal the CSRF cookie, which a
     * page on another site can neither read nor set. The form body is parsed by now (form login read it).
     */
    static boolean carriesCsrfToken(RoutingContext routing) {
        if (routing == null) {
            return false;
        }
        io.vertx.core.http.Cookie cookie = routing.request().getCookie(CSRF_COOKIE);
        String field = routing.request().getFormAttribute(CSRF_FIELD);
        return cookie != null && field != null && !field.isEmpty()
                && MessageDigest.isEqual(field.getBytes(StandardCharsets.UTF_8),
                        cookie.getValue().getBytes(StandardCharsets.UTF_8));
    }

    static boolean refusedForCsrf(RoutingContext routing) {
        return Boolean.TRUE.equals(routing.get(CSRF_ATTRIBUTE));
    }

    static Duration waitOf(RoutingContext routing) {
        return routing.get(WAIT_ATTRIBUTE);
    }
}
