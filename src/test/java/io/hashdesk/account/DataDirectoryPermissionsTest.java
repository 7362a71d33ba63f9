package io.hashdesk.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./data holds password hashes and signing keys: owner-only, also when an older version left it readable. */
class DataDirectoryPermissionsTest {

    @TempDir
    Path temp;

    @Test
    void anExistingWorldReadableDataDirectoryAndItsFilesBecomeOwnerOnly() throws Exception {
        Path data = Files.createDirectory(temp.resolve("data"));
        Path db = Files.writeString(data.resolve("hashdesk.mv.db"), "hashes");
        Path trace = Files.writeString(data.resolve("hashdesk.trace.db"), "trace");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(trace, PosixFilePermissions.fromString("rw-rw-rw-"));

        DataDirectoryPermissions.restrict(data);

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(db)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(trace)));
        assertEquals(0, DataDirectoryPermissions.restrict(data), "nothing more to change the second time");
    }

    @Test
    void aNewDataDirectoryIsCreatedOwnerOnly() throws Exception {
        Path data = temp.resolve("fresh").resolve("data");
        SessionKeySource.readOrCreate(data);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("session.key"))));
    }
}
