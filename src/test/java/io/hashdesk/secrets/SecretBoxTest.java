package io.hashdesk.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    private final SecretBox box = SecretBox.withKey("a-test-key-of-forty-random-characters-xyz");

    @Test
    void aSealedSecretOpensWithTheSameKeyAndPurposeAndShowsNothingOfThePlaintext() {
        String sealed = box.seal("braiins-token-123", "pool-token:7");

        assertThat(sealed).startsWith("v1." + box.keyId() + ".").doesNotContain("braiins-token-123");
        assertThat(box.open(sealed, "pool-token:7")).isEqualTo("braiins-token-123");
        assertThat(box.seal("braiins-token-123", "pool-token:7")).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void aSecretCopiedToAnotherRecordDoesNotOpenThere() {
        String sealed = box.seal("secret", "pool-token:7");

        assertThatThrownBy(() -> box.open(sealed, "pool-token:8"))
                .isInstanceOf(SecretBox.SecretUnreadableException.class)
                .hasMessageContaining("another record");
    }

    @Test
    void aSecretSealedWithAnotherKeySaysSoAndNamesTheSetting() {
        String sealed = SecretBox.withKey("another-key-of-forty-random-characters-abc").seal("secret", "p");

        assertThatThrownBy(() -> box.open(sealed, "p"))
                .isInstanceOf(SecretBox.SecretUnreadableException.class)
                .hasMessageContaining("another secrets key")
                .hasMessageContaining("HASHDESK_SECRETS_KEY");
    }

    @Test
    void aDamagedValueIsRefusedWithAMessage() {
        String sealed = box.seal("secret", "p");
        String damaged = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThatThrownBy(() -> box.open(damaged, "p")).isInstanceOf(SecretBox.SecretUnreadableException.class);
        assertThatThrownBy(() -> box.open("plain text", "p")).isInstanceOf(SecretBox.SecretUnreadableException.class);
    }

    @Test
    void aGeneratedKeyFileIsReadableByItsOwnerOnlyAndKeptAcrossStarts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data").resolve(SecretBox.FILE_NAME);

        String first = KeyFile.readOrCreate(file, "a test key");
        String second = KeyFile.readOrCreate(file, "a test key");

        assertThat(second).isEqualTo(first).hasSizeGreaterThanOrEqualTo(SecretBox.MIN_LENGTH);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
