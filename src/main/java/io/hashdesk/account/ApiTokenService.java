package io.hashdesk.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/** Creates, lists, revokes and checks personal API tokens. */
@ApplicationScoped
public class ApiTokenService {

    /** Tokens are recognisable in logs and secret scanners by this prefix. */
    static final String PREFIX = "hd_";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Tokens one operator may hold: enough for every script, bounded so a leaked session cannot mint without end. */
    static final int MAX_PER_OPERATOR = 50;
    /** The latest expiry date that may be chosen, in years from today. */
    static final int MAX_YEARS = 10;
    /** Do not write "last used" on every request; once a minute is precise enough. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    /** A token just created: the only moment its secret value exists outside the caller's hands. */
    public record CreatedToken(ApiToken token, String secret) {
    }

    /**
     * Creates a token that acts for the operator until {@code expiresAt} (null: until revoked); empty when
     * the operator already has {@link #MAX_PER_OPERATOR} tokens.
     */
    @Transactional
    public Optional<CreatedToken> create(Operator operator, String name, Instant expiresAt) {
        // The operator's row is locked so two creations at once cannot pass the limit together.
        Operator owner = Operator.findById(operator.id, LockModeType.PESSIMISTIC_WRITE);
        if (ApiToken.count("operator.id", owner.id) >= MAX_PER_OPERATOR) {
            return Optional.empty();
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = new ApiToken();
        token.operator = owner;
        token.name = name.trim();
        token.tokenHash = hash(secret);
        token.tokenPrefix = secret.substring(0, 10);
        token.createdAt = Instant.now();
        token.expiresAt = expiresAt;
        token.persist();
        return Optional.of(new CreatedToken(token, secret));
    }

    public List<ApiToken> list(Operator operator) {
        return ApiToken.list("operator.id = ?1 order by createdAt desc", operator.id);
    }

    /** Revokes one of the operator's tokens; false if the operator has no such token. */
    @Transactional
    public boolean revoke(Operator operator, long tokenId) {
        return ApiToken.delete("id = ?1 and operator.id = ?2", tokenId, operator.id) > 0;
    }

    /** The email of the operator owning this token, if it is a valid token that has not expired. */
    @Transactional
    public Optional<String> ownerOf(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        Optional<ApiToken> found = ApiToken.<ApiToken>find("tokenHash", hash(secret)).firstResultOptional()
                .filter(token -> token.expiresAt == null || token.expiresAt.isAfter(now));
        found.ifPresent(token -> {
            // Written at most once a minute per token: most calls only read.
            if (token.lastUsedAt == null || token.lastUsedAt.isBefore(now.minus(LAST_USED_PRECISION))) {
                token.lastUsedAt = now;
            }
        });
        return found.map(token -> token.operator.email);
    }

    static String hash(String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
