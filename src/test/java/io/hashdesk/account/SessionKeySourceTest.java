package io.hashdesk.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session key: never one anyone could know, generated once and kept owner-only. */
class SessionKeySourceTest {

    @Test
    void shortKeysAndKeysFromTheRepositoryAreRefused() {
        assertNotNull(SessionKeySource.weakness(null));
        assertNotNull(SessionKeySource.weakness("x".repeat(31)));
        assertNotNull(SessionKeySource.weakness("hashdesk-development-only-session-key-change-me"));
        assertNull(SessionKeySource.weakness("k3Jq8vQeZr0pW5xT2nYb7uLd4aHs9fGc1"));
    }

    @Test
    void aWeakKeyFromTheEnvironmentStopsTheStart() {
        var source = new SessionKeySource.Source("too-short", Path.of("unused"));
        var refused = assertThrows(IllegalStateException.class, () -> source.getValue(SessionKeySource.PROPERTY));
        assertTrue(refused.getMessage().contains("HASHDESK_SESSION_KEY"), refused.getMessage());
        // Nothing but the key is answered, and the name is never listed (a build must not record it).
        assertNull(source.getValue("quarkus.http.port"));
        assertTrue(source.getPropertyNames().isEmpty());
    }

    @Test
    void aKeyIsGeneratedOnceOwnerOnlyAndKept(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        String key = new SessionKeySource.Source(null, data).getValue(SessionKeySource.PROPERTY);
        assertNull(SessionKeySource.weakness(key));
        assertEquals(43, key.length(), "256 random bits, base64url");
        Path file = data.resolve(SessionKeySource.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        // The next start reads the same key.
        assertEquals(key, new SessionKeySource.Source(null, data).getValue(SessionKeySource.PROPERTY));
        // A file others could read is made owner-only.
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(key, SessionKeySource.readOrCreate(data));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void theBuildRecordingItsStartArchiveKeepsNoKeyInThePackage(@TempDir Path dir) {
        // quarkus.package.jar.appcds.enabled starts the packaged app once inside target/quarkus-app.
        System.setProperty(SessionKeySource.ARCHIVING, "true");
        try {
            String key = new SessionKeySource.Source(null, dir.resolve("data")).getValue(SessionKeySource.PROPERTY);
            assertNull(SessionKeySource.weakness(key));
        } finally {
            System.clearProperty(SessionKeySource.ARCHIVING);
        }
        assertFalse(Files.exists(dir.resolve("data")), "no data directory, no key file in the build output");
        // An ordinary start keeps its key as before.
        new SessionKeySource.Source(null, dir.resolve("data")).getValue(SessionKeySource.PROPERTY);
        assertTrue(Files.exists(dir.resolve("data").resolve(SessionKeySource.FILE_NAME)));
    }

    @Test
    void aWeakKeptKeyIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(SessionKeySource.FILE_NAME), "hashdesk-development-only-session-key-change-me\n");
        assertThrows(IllegalStateException.class, () -> SessionKeySource.readOrCreate(dir));
    }

    @Test
    void theKeyLivesBesideTheH2Database() {
        assertEquals(Path.of("./data"), SessionKeySource.dataDirectory("jdbc:h2:file:./data/hashdesk;WRITE_DELAY=0"));
        assertEquals(Path.of("./target/test-data"),
                SessionKeySource.dataDirectory("jdbc:h2:file:./target/test-data/hashdesk;WRITE_DELAY=0"));
        assertEquals(Path.of("data"), SessionKeySource.dataDirectory("jdbc:postgresql://db:5432/hashdesk"));
        assertEquals(Path.of("data"), SessionKeySource.dataDirectory(null));
    }
}
