package io.hashdesk.account;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hashdesk.HashdeskConfig;

/**
 * The signed link that verifies an operator's email address:
 * {@code base64url("<operator id>:<expires, epoch seconds>") + "." + HMAC-SHA256("verify-email:<id>:<expires>:<email>")}.
 * The address is signed but not carried, so a link is bound to the address it was mailed to: once the
 * operator's email differs, the link no longer verifies anything. It expires after
 * {@code hashdesk.account.verification-valid}.
 */
@ApplicationScoped
public class VerificationTokens {

    static final String KEY_NAME = "verify-email-hmac-sha256";
    static final String PURPOSE = "verify-email";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    @Inject
    SigningKeys keys;

    @Inject
    HashdeskConfig config;

    public String tokenFor(long operatorId, String email, Instant now) {
        long expires = now.plus(config.account().verificationValid()).getEpochSecond();
        String head = operatorId + ":" + expires;
        return ENCODER.encodeToString(head.getBytes(StandardCharsets.UTF_8)) + "." + keys.sign(KEY_NAME, payload(head, email));
    }

    /** The link to mail, under {@code hashdesk.base-url}. */
    public String linkFor(long operatorId, String email, Instant now) {
        String base = config.baseUrl().endsWith("/") ? config.baseUrl().substring(0, config.baseUrl().length() - 1)
                : config.baseUrl();
        return base + "/verify?token=" + tokenFor(operatorId, email, now);
    }

    /** The operator id a token names, before its signature is checked (empty when it is malformed). */
    OptionalLong operatorOf(String token) {
        Head head = head(token);
        return head == null ? OptionalLong.empty() : OptionalLong.of(head.operatorId());
    }

    /** True when the token was signed for this operator and this address and has not expired. */
    boolean valid(String token, long operatorId, String email, Instant now) {
        Head head = head(token);
        return head != null && head.operatorId() == operatorId && now.getEpochSecond() < head.expires()
                && keys.verify(KEY_NAME, payload(head.text(), email), token.substring(token.indexOf('.') + 1));
    }

    private static String payload(String head, String email) {
        return PURPOSE + ":" + head + ":" + Operator.normalizeEmail(email);
    }

    private record Head(String text, long operatorId, long expires) {
    }

    private static Head head(String token) {
        if (token == null || token.length() > 300) {
            return null;
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return null;
        }
        try {
            String encoded = token.substring(0, dot);
            String text = new String(DECODER.decode(encoded), StandardCharsets.UTF_8);
            // Only the exact text this class writes: base64 has spare bits in its last character.
            if (!ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8)).equals(encoded)) {
                return null;
            }
            String[] parts = text.split(":");
            if (parts.length != 2) {
                return null;
            }
            return new Head(text, Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
