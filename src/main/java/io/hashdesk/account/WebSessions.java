package io.hashdesk.account;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;

/**
 * Server-side records of sign-in sessions, so that a session can end: the form-login cookie is stateless
 * and would stay valid until it times out. At sign-in a random id goes to the browser in a second HttpOnly
 * cookie ({@value #COOKIE}) and its SHA-256 into {@code web_session}; a request is signed in only while
 * that row exists, belongs to the cookie's operator and has been used within the inactivity timeout.
 * <p>
 * Each answer is cached in memory for {@link #CACHE_TTL}, so the hot path is a map lookup (no database
 * round trip); ending a session removes the row and evicts the entry at once on this instance, and other
 * instances sharing the database see it end within {@link #CACHE_TTL}.
 */
@ApplicationScoped
public class WebSessions {

    public static final String COOKIE = "hashdesk-sid";
    /** How long another instance may still accept a session ended elsewhere. */
    static final Duration CACHE_TTL = Duration.ofSeconds(5);
    /** "Last seen" is written at most this often per session. */
    static final Duration LAST_SEEN_PRECISION = Duration.ofMinutes(5);
    private static final int CACHE_LIMIT = 50_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.http.auth.form.timeout", defaultValue = "PT30M")
    Duration inactivityTimeout;

    private record Check(String email, boolean active, long checkedAtNanos) {
    }

    private final Map<String, Check> cache = new ConcurrentHashMap<>();

    /** Starts a session for this operator; the value for the session-id cookie. */
    @Transactional
    public String start(String email, Instant now) {
        Operator operator = Operator.findByEmail(email).orElseThrow();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        em.createNativeQuery("INSERT INTO web_session (id_hash, operator_id, created_at, last_seen_at) VALUES (?1, ?2, ?3, ?3)")
                .setParameter(1, ApiTokenService.hash(id))
                .setParameter(2, operator.id)
                .setParameter(3, now)
                .executeUpdate();
        // Sessions unused for a day are long over (the cookie times out after inactivityTimeout).
        em.createNativeQuery("DELETE FROM web_session WHERE last_seen_at < ?1")
                .setParameter(1, now.minus(Duration.ofDays(1)))
                .executeUpdate();
        cache.put(id, new Check(operator.email, true, System.nanoTime()));
        return id;
    }

    /** The cached answer if it is fresh, else null (then call {@link #isActive}, which may block). */
    public Boolean cachedAnswer(String id, String email) {
        if (id == null) {
            return Boolean.FALSE;
        }
        Check check = cache.get(id);
        if (check == null || System.nanoTime() - check.checkedAtNanos > CACHE_TTL.toNanos()) {
            return null;
        }
        return check.active && check.email.equals(email);
    }

    /** Whether this session id is a live session of this operator; reads the database, so call off the event loop. */
    @Transactional
    public boolean isActive(String id, String email, Instant now) {
        if (id == null || id.length() > 100) {
            return false;
        }
        String hash = ApiTokenService.hash(id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT o.email, s.last_seen_at FROM web_session s JOIN operator o ON o.id = s.operator_id WHERE s.id_hash = ?1")
                .setParameter(1, hash)
                .getResultList();
        boolean active = false;
        String owner = null;
        if (!rows.isEmpty()) {
            owner = (String) rows.get(0)[0];
            Instant lastSeen = SignInThrottle.toInstant(rows.get(0)[1]);
            active = lastSeen.isAfter(now.minus(inactivityTimeout).minus(LAST_SEEN_PRECISION));
            if (active && lastSeen.isBefore(now.minus(LAST_SEEN_PRECISION))) {
                em.createNativeQuery("UPDATE web_session SET last_seen_at = ?1 WHERE id_hash = ?2")
                        .setParameter(1, now).setParameter(2, hash).executeUpdate();
            }
        }
        remember(id, new Check(owner == null ? "" : owner, active, System.nanoTime()));
        return active && owner.equals(email);
    }

    /** Ends this session (sign-out). */
    @Transactional
    public void end(String id) {
        if (id == null) {
            return;
        }
        em.createNativeQuery("DELETE FROM web_session WHERE id_hash = ?1")
                .setParameter(1, ApiTokenService.hash(id)).executeUpdate();
        cache.remove(id);
    }

    /** Ends every session of this operator except the one given (a password change). */
    @Transactional
    public int endOthers(Operator operator, String keep) {
        int ended = em.createNativeQuery("DELETE FROM web_session WHERE operator_id = ?1 AND id_hash <> ?2")
                .setParameter(1, operator.id)
                .setParameter(2, keep == null ? "" : ApiTokenService.hash(keep))
                .executeUpdate();
        cache.entrySet().removeIf(e -> e.getValue().email.equals(operator.email) && !e.getKey().equals(keep));
        return ended;
    }

    private void remember(String id, Check check) {
        if (cache.size() >= CACHE_LIMIT) {
            long now = System.nanoTime();
            cache.entrySet().removeIf(e -> now - e.getValue().checkedAtNanos > CACHE_TTL.toNanos());
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
        }
        cache.put(id, check);
    }

    /** The session-id cookie: HttpOnly, SameSite=Lax, secure on HTTPS, ending with the browser. */
    static Cookie cookie(String id, boolean secure) {
        return Cookie.cookie(COOKIE, id).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX).setSecure(secure);
    }

    /** Tells the browser to forget both session cookies. */
    static Cookie[] expired(String formCookieName) {
        return new Cookie[] {
                Cookie.cookie(COOKIE, "").setPath("/").setMaxAge(0).setHttpOnly(true).setSameSite(CookieSameSite.LAX),
                Cookie.cookie(formCookieName, "").setPath("/").setMaxAge(0).setHttpOnly(true).setSameSite(CookieSameSite.LAX) };
    }
}
