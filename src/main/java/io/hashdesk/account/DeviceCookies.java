package io.hashdesk.account;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;

/**
 * OWASP "device cookies": a browser that signed in to an account once gets a signed cookie naming that
 * account and a random nonce, {@code base64url(email) + "." + nonce + "." + HMAC-SHA256}. A sign-in
 * presenting a valid one for the same account is counted against that cookie only, not against the
 * account or the client address, so password guessing from elsewhere (which locks the account for
 * untrusted browsers) never locks its owner out of a browser they used before; five wrong passwords with
 * the cookie lock that cookie alone.
 */
@ApplicationScoped
public class DeviceCookies {

    public static final String COOKIE = "hashdesk-device";
    static final String KEY_NAME = "sign-in-device-hmac-sha256";
    static final Duration LIFETIME = Duration.ofDays(365);

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SigningKeys keys;

    /** A new cookie value for this account. */
    public String issue(String email) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String nonce = ENCODER.encodeToString(random);
        String account = ENCODER.encodeToString(Operator.normalizeEmail(email).getBytes(StandardCharsets.UTF_8));
        return account + "." + nonce + "." + keys.sign(KEY_NAME, payload(account, nonce));
    }

    /** The cookie's nonce when it is a valid device cookie of this account; empty otherwise. */
    public Optional<String> trustedNonce(String value, String email) {
        if (value == null || value.length() > 600) {
            return Optional.empty();
        }
        String[] parts = value.split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return Optional.empty();
        }
        try {
            String account = new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8);
            if (!account.equals(Operator.normalizeEmail(email))
                    || !keys.verify(KEY_NAME, payload(parts[0], parts[1]), parts[2])) {
                return Optional.empty();
            }
            return Optional.of(parts[1]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static Cookie cookie(String value, boolean secure) {
        return Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true).setSecure(secure)
                .setSameSite(CookieSameSite.LAX).setMaxAge(LIFETIME.toSeconds());
    }

    private static String payload(String account, String nonce) {
        return "sign-in-device:" + account + ":" + nonce;
    }
}
