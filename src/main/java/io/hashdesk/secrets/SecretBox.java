package io.hashdesk.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.hashdesk.HashdeskConfig;

/**
 * Encrypts the secrets hashdesk must be able to read back (a pool's API token, a webhook's signing secret) with
 * AES-256-GCM before they are stored, and decrypts them when they are used. The key is {@code HASHDESK_SECRETS_KEY}
 * (32 or more characters; every instance sharing a database must use the same one) or, when that is unset, a random
 * key generated on first start into {@value #FILE_NAME} in the data directory, readable by its owner only.
 * <p>
 * A sealed value is {@code v1.<key id>.<base64 of nonce and ciphertext>}. The key id (the first 8 bytes of a hash of
 * the key, which says nothing about the key) lets a value sealed with another key be told apart from a damaged one:
 * {@link #open} then says that the key differs instead of failing obscurely. Each value is bound to what it is
 * ({@code purpose}, e.g. {@code "pool-token:42"}) as GCM's associated data, so a sealed token copied into another
 * row does not open there.
 */
@ApplicationScoped
public class SecretBox {

    static final String FILE_NAME = "secrets.key";
    static final String ENV = "HASHDESK_SECRETS_KEY";
    static final int MIN_LENGTH = 32;
    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private volatile Key key;

    @Inject
    HashdeskConfig config;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    Optional<String> jdbcUrl;

    /** A box with the given key text, as an instance started with {@code HASHDESK_SECRETS_KEY} set to it has. */
    static SecretBox withKey(String keyText) {
        SecretBox box = new SecretBox();
        box.key = Key.of(keyText);
        return box;
    }

    /** A value stored with another key, or damaged: what hashdesk tells the operator instead of a stack trace. */
    public static final class SecretUnreadableException extends RuntimeException {
        SecretUnreadableException(String message) {
            super(message);
        }
    }

    record Key(SecretKeySpec spec, String id) {
        static Key of(String text) {
            byte[] material = sha256("hashdesk secrets key\n" + text);
            String id = HexFormat.of().formatHex(sha256("hashdesk secrets key id\n" + text), 0, 8);
            return new Key(new SecretKeySpec(material, "AES"), id);
        }
    }

    /** Seals {@code plaintext} for storage; {@code purpose} names what it is and must be given again to open it. */
    public String seal(String plaintext, String purpose) {
        Key k = key();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, k.spec(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return VERSION + "." + k.id() + "." + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /**
     * The plaintext of a value {@link #seal}ed for the same {@code purpose}.
     *
     * @throws SecretUnreadableException when it was sealed with another key or is damaged, saying which
     */
    public String open(String sealed, String purpose) {
        Key k = key();
        String[] parts = sealed == null ? new String[0] : sealed.split("\\.", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new SecretUnreadableException("The stored secret is not in a form hashdesk wrote; enter it again.");
        }
        if (!k.id().equals(parts[1])) {
            throw new SecretUnreadableException("The stored secret was encrypted with another secrets key (id "
                    + parts[1] + "; this instance's key has id " + k.id() + "). Set " + ENV
                    + " to the key every instance sharing this database uses, or enter the secret again.");
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            if (in.length <= NONCE_BYTES) {
                throw new SecretUnreadableException("The stored secret is damaged; enter it again.");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, k.spec(), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new SecretUnreadableException("The stored secret is damaged or belongs to another record; enter it again.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /** The id of this instance's key (a hash prefix, safe to show), for health and error messages. */
    public String keyId() {
        return key().id();
    }

    private Key key() {
        Key result = key;
        if (result == null) {
            synchronized (this) {
                if (key == null) {
                    key = Key.of(keyText());
                }
                result = key;
            }
        }
        return result;
    }

    private String keyText() {
        Optional<String> given = config.secretsKey().filter(k -> !k.isBlank());
        if (given.isPresent()) {
            if (given.get().length() < MIN_LENGTH) {
                throw new IllegalStateException(ENV + " has " + given.get().length() + " characters; use at least "
                        + MIN_LENGTH + " random ones (head -c 32 /dev/urandom | base64)");
            }
            return given.get();
        }
        Path file = KeyFile.dataDirectory(jdbcUrl.orElse(null)).resolve(FILE_NAME);
        try {
            return KeyFile.readOrCreate(file, "a secrets key for pool tokens and webhook secrets (set " + ENV
                    + " to use your own; every instance sharing a database must use the same key)");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secrets key file " + file.toAbsolutePath()
                    + "; set " + ENV + " instead", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
