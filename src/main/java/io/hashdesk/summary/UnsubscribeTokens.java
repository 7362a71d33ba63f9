package io.hashdesk.summary;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.hashdesk.web.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Signed one-click unsubscribe tokens: {@code base64url("weekly-summary-unsubscribe:<operator id>")
 * + "." + base64url(HMAC-SHA256)}. The key is its own (not the session key), generated randomly by
 * the first instance that needs it and kept in the database so every instance shares it.
 */
@ApplicationScoped
public class UnsubscribeTokens {

    static final String KEY_NAME = "unsubscribe-hmac-sha256";
    static final String PURPOSE = "weekly-summary-unsubscribe";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    @Inject
    EntityManager em;

    private volatile byte[] key;

    public String tokenFor(long operatorId) {
        return tokenFor(PURPOSE + ":" + operatorId);
    }

    private String tokenFor(String payload) {
        return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The operator a token unsubscribes, or empty when it is malformed, altered or signed with another key. */
    public OptionalLong verify(String token) {
        if (token == null || token.length() > 300) {
            return OptionalLong.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return OptionalLong.empty();
        }
        try {
            String payload = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            // Compared as the exact text this class writes: base64's last character carries spare bits, so
            // decoding first would take a token with those bits changed as the same signature.
            String expected = tokenFor(payload);
            if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII))
                    || !payload.startsWith(PURPOSE + ":")) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(payload.substring(PURPOSE.length() + 1)));
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = loadOrCreate();
                }
                k = key;
            }
        }
        return k;
    }

    private byte[] loadOrCreate() {
        String stored = read();
        if (stored == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                QuarkusTransaction.requiringNew().run(() -> em
                        .createNativeQuery("INSERT INTO summary_key (name, secret, created_at) VALUES (?1, ?2, ?3)")
                        .setParameter(1, KEY_NAME).setParameter(2, Base64.getEncoder().encodeToString(fresh))
                        .setParameter(3, Instant.now()).executeUpdate());
            } catch (RuntimeException e) {
                if (!Database.uniqueViolation(e)) {
                    throw e;
                }
                // Another instance created it first: use theirs.
            }
            stored = read();
        }
        return Base64.getDecoder().decode(stored);
    }

    private String read() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("SELECT secret FROM summary_key WHERE name = ?1")
                    .setParameter(1, KEY_NAME).getResultList();
            return rows.isEmpty() ? null : (String) rows.get(0);
        });
    }
}
