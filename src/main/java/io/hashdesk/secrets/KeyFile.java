package io.hashdesk.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.jboss.logging.Logger;

/**
 * A random key kept in a file of the data directory (the folder of the H2 database file: {@code ./data/}, or
 * {@code target/test-data/} in tests), readable by its owner only: what hashdesk uses when the operator has not
 * given a key of their own in the environment. Written once, never overwritten; a second process that races to
 * create it reads the first one's key.
 */
public final class KeyFile {

    private static final Logger LOG = Logger.getLogger(KeyFile.class);
    private static final String H2_FILE = "jdbc:h2:file:";
    private static final String OWNER_ONLY = "rw-------";

    private KeyFile() {
    }

    /** The folder of the H2 database file; ./data for any other database. */
    public static Path dataDirectory(String jdbcUrl) {
        if (jdbcUrl != null && jdbcUrl.startsWith(H2_FILE)) {
            String file = jdbcUrl.substring(H2_FILE.length());
            int options = file.indexOf(';');
            file = options < 0 ? file : file.substring(0, options);
            Path parent = Path.of(file).getParent();
            if (parent != null) {
                return parent;
            }
        }
        return Path.of("data");
    }

    /**
     * The key kept in {@code file}, or a new random 256-bit one (URL-safe base64) written there first.
     *
     * @param what what the key is for and which variable replaces it, for the log line ("a session key (set ...)")
     */
    public static String readOrCreate(Path file, String what) throws IOException {
        Path directory = file.getParent();
        if (!Files.exists(directory) && Files.getFileAttributeView(directory.toAbsolutePath().getParent(),
                PosixFileAttributeView.class) != null) {
            // Owner-only from the start: the database created in it holds password hashes and keys.
            Files.createDirectories(directory,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Files.createDirectories(directory);
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                create(file, key);
                LOG.infof("Generated %s in %s", what, file.toAbsolutePath());
                return key;
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: use theirs
            }
        }
        ownerOnly(file);
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }

    private static void create(Path file, String key) throws IOException {
        if (Files.getFileAttributeView(file.getParent(), PosixFileAttributeView.class) != null) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(OWNER_ONLY)));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
    }

    private static void ownerOnly(Path file) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!PosixFilePermissions.fromString(OWNER_ONLY).containsAll(permissions)) {
            LOG.warnf("%s was readable by others; it is now readable by its owner only", file.toAbsolutePath());
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(OWNER_ONLY));
        }
    }
}
