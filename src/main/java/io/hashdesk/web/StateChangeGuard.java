package io.hashdesk.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.vertx.ext.web.RoutingContext;

/**
 * Closes what quarkus-rest-csrf leaves open. That filter checks the token of form posts (field
 * {@code csrf-token}) and of any request carrying the {@code X-CSRF-TOKEN} header, but lets every other
 * state-changing request through (it is set not to require form bodies, because the JSON API takes
 * JSON). Here:
 * <ul>
 * <li>a POST, PUT, PATCH or DELETE on a page route must be a form post or carry the header, so a
 * {@code text/plain} or empty body without a token is refused (400);</li>
 * <li>under {@code /api/} a body must be {@code application/json} ({@code text/csv} for the rig import and a csv pool account's upload),
 * else 415; a call signed in by the session cookie must carry the header (403 without it, and
 * quarkus-rest-csrf compares its value with the cookie); a Bearer-token call needs no token, since a
 * browser never adds that header on its own.</li>
 * </ul>
 * The token of a form post is checked here too ({@link #checkFormToken}), whatever the spelling of its
 * Content-Type: quarkus-rest-csrf compares the type case-sensitively and, not requiring form bodies, lets
 * {@code Application/x-www-form-urlencoded} through unchecked although the routes read it as a form.
 * <p>
 * This is a JAX-RS filter: routes served by Vert.x directly (sign-in, which {@code SignInGuard} and
 * {@code ThrottledSignInProvider} guard, and a one-click {@code POST /unsubscribe}) are not seen here.
 * That is how a route is exempted: serve it as a Vert.x route, never with an exception list here.
 */
public class StateChangeGuard {

    static final String TOKEN_HEADER = "X-CSRF-TOKEN";
    static final String API = "/api/";
    static final String IMPORT = "/api/v1/rigs/import";
    /** A csv pool account's upload, which takes text/csv as the rig import does. */
    static final java.util.regex.Pattern POOL_UPLOAD = java.util.regex.Pattern.compile("/api/v1/pools/[0-9]+/earnings/?");

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token")
    String cookieName;

    @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token")
    String formFieldName;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request, RoutingContext routing) {
        switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS" -> {
                return Optional.empty();
            }
            default -> {
            }
        }
        String path = routing.normalizedPath();
        boolean hasHeaderToken = request.getHeaderString(TOKEN_HEADER) != null;
        if (path.startsWith(API)) {
            MediaType type = request.getMediaType();
            if ((type != null || hasBody(request)) && !acceptedByApi(type, path)) {
                return Optional.of(ErrorMapper.refusal(path, 415, "Unsupported Media Type",
                        "Send the body as application/json" + (isImport(path) ? " or, here, text/csv." : ".")));
            }
            if (isBearer(request) || hasHeaderToken) {
                return Optional.empty();
            }
            return Optional.of(ErrorMapper.refusal(path, 403, "Forbidden",
                    "Signed in by the session cookie, a change needs the X-CSRF-TOKEN header with the value of "
                            + "the hashdesk-csrf cookie. Scripts should use 'Authorization: Bearer <token>' instead."));
        }
        if (hasHeaderToken || isForm(request.getMediaType())) {
            return Optional.empty(); // quarkus-rest-csrf checks the header or the form field
        }
        return Optional.of(ErrorMapper.refusal(path, 400, "Bad Request",
                "This form has expired or did not come from hashdesk. Go back, reload the page and try again."));
    }

    /**
     * After the form is read: a page form post (any spelling of {@code application/x-www-form-urlencoded} or
     * {@code multipart/form-data}, with or without parameters) without the header must carry the form
     * field with the value of the CSRF cookie, else 400 and the route is not run.
     */
    @ServerRequestFilter
    @WithFormRead
    public Optional<Response> checkFormToken(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS" -> {
                return Optional.empty();
            }
            default -> {
            }
        }
        String path = routing.normalizedPath();
        if (path.startsWith(API) || request.getHeaderString(TOKEN_HEADER) != null || !isForm(request.getMediaType())) {
            return Optional.empty(); // checked by check() above and by quarkus-rest-csrf (the header)
        }
        io.vertx.core.http.Cookie cookie = routing.request().getCookie(cookieName);
        Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                .getFormParameter(formFieldName, true, false);
        if (cookie != null && field instanceof String token && sameToken(token, cookie.getValue())) {
            return Optional.empty();
        }
        return Optional.of(ErrorMapper.refusal(path, 400, "Bad Request",
                "This form has expired or did not come from hashdesk. Go back, reload the page and try again."));
    }

    private static boolean sameToken(String given, String expected) {
        return !expected.isEmpty() && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return request.getHeaderString("Transfer-Encoding") != null || (length != null && !"0".equals(length.trim()));
    }

    private static boolean acceptedByApi(MediaType type, String path) {
        if (type == null) {
            return false;
        }
        if ("application".equals(type.getType()) && "json".equals(type.getSubtype())) {
            return true;
        }
        return isImport(path) && "text".equals(type.getType()) && "csv".equals(type.getSubtype());
    }

    private static boolean isImport(String path) {
        return path.equals(IMPORT) || path.equals(IMPORT + "/") || POOL_UPLOAD.matcher(path).matches();
    }

    private static boolean isForm(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) && !type.isWildcardType()
                && !type.isWildcardSubtype();
    }

    private static boolean isBearer(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }
}
