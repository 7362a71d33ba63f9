package io.hashdesk.account;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Personal API tokens ({@code Authorization: Bearer hd_...}) for scripts, next to the browser's session
 * cookie. A token is only read under {@code /api/}; elsewhere the header is ignored. Runs before form login; on {@code /api/} paths it also answers the challenge, so a script
 * gets a 401 problem+json instead of a redirect to the sign-in page.
 */
@ApplicationScoped
public class ApiAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String API_PATH = "/api/";
    private static final String BEARER = "bearer ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (!isApi(context)) {
            // A token acts on the JSON API only: on /settings (or any page) it is not a sign-in, so a
            // leaked token cannot mint more tokens, change the password or read pages.
            return Uni.createFrom().nullItem();
        }
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        String token = header.substring(BEARER.length()).trim();
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new TokenCredential(token, "bearer"));
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (!isApi(context)) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"hashdesk\""));
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (!isApi(context)) {
            return Uni.createFrom().item(false);
        }
        context.response().setStatusCode(401)
                .putHeader("WWW-Authenticate", "Bearer realm=\"hashdesk\"")
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .end("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                        + "\"detail\":\"Sign in, or send a personal API token as 'Authorization: Bearer <token>'.\"}");
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 500;
    }

    private static boolean isApi(RoutingContext context) {
        String path = context.normalizedPath();
        return path != null && path.startsWith(API_PATH);
    }
}
