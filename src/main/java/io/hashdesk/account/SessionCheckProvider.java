package io.hashdesk.account;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Form login restores the operator from its sealed cookie on every request (a
 * {@link TrustedAuthenticationRequest}); this provider answers first and lets it through only while the
 * browser's session record is live ({@link WebSessions}). An ended session is refused and both cookies are
 * cleared, so the browser is sent to the sign-in page (401 under /api, HX-Redirect for htmx) once and not
 * in a loop.
 */
@ApplicationScoped
public class SessionCheckProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject
    WebSessions sessions;

    @Inject
    Instance<IdentityProvider<TrustedAuthenticationRequest>> providers;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String formCookie;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return SYSTEM_FIRST + 1000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        String email = request.getPrincipal();
        Cookie cookie = routing == null ? null : routing.request().getCookie(WebSessions.COOKIE);
        String id = cookie == null ? null : cookie.getValue();
        Boolean cached = sessions.cachedAnswer(id, email);
        if (Boolean.TRUE.equals(cached)) {
            return delegate().authenticate(request, context);
        }
        if (Boolean.FALSE.equals(cached)) {
            return refuse(routing);
        }
        // Not cached (or stale): ask the database on a worker thread; the JPA provider's own lookup then runs inline.
        return context.runBlocking(() -> {
            if (!sessions.isActive(id, email, Instant.now())) {
                clearCookies(routing);
                throw new AuthenticationFailedException("The session has ended");
            }
            return delegate().authenticate(request, context).await().indefinitely();
        });
    }

    private Uni<SecurityIdentity> refuse(RoutingContext routing) {
        clearCookies(routing);
        return Uni.createFrom().failure(new AuthenticationFailedException("The session has ended"));
    }

    private void clearCookies(RoutingContext routing) {
        if (routing != null) {
            // Form login marked itself as the mechanism to answer the challenge (a redirect); forget that,
            // so under /api the API mechanism answers 401 as it does for any signed-out call.
            routing.remove(HttpAuthenticationMechanism.class.getName());
            for (Cookie expired : WebSessions.expired(formCookie)) {
                routing.response().addCookie(expired);
            }
        }
    }

    private IdentityProvider<TrustedAuthenticationRequest> delegate() {
        for (IdentityProvider<TrustedAuthenticationRequest> provider : providers) {
            if (!(provider instanceof SessionCheckProvider)) {
                return provider;
            }
        }
        throw new IllegalStateException("No trusted identity provider (quarkus-security-jpa) is installed");
    }
}
