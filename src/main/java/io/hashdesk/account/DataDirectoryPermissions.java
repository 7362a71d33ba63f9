package io.hashdesk.account;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * The data directory (the folder of the H2 database, {@code ./data/} by default) holds password hashes,
 * the keys that sign unsubscribe and verification links and the session key: at every start it is made
 * readable by its owner only (0700) and so is every file in it (0600), also when an older version created
 * them world-readable. Nothing to do for a database elsewhere (PostgreSQL) or on a file system without
 * POSIX permissions.
 */
@ApplicationScoped
public class DataDirectoryPermissions {

    private static final Logger LOG = Logger.getLogger(DataDirectoryPermissions.class);
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    void onStart(@Observes StartupEvent event) {
        if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:h2:file:")) {
            restrict(SessionKeySource.dataDirectory(jdbcUrl));
        }
    }

    /** Makes the directory 0700 and its files 0600; how many were changed. */
    static int restrict(Path directory) {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)
                || Files.getFileAttributeView(directory, PosixFileAttributeView.class) == null) {
            return 0;
        }
        int changed = 0;
        try {
            changed += set(directory, DIRECTORY);
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        changed += set(p, DIRECTORY);
                    } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        changed += set(p, FILE);
                    }
                }
            }
        } catch (IOException e) {
            LOG.warnf("Could not make %s readable by its owner only: %s", directory.toAbsolutePath(), e.getMessage());
        }
        if (changed > 0) {
            LOG.infof("%s and its files are now readable by their owner only (%d changed)", directory.toAbsolutePath(),
                    changed);
        }
        return changed;
    }

    private static int set(Path path, Set<PosixFilePermission> wanted) throws IOException {
        if (Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(wanted)) {
            return 0;
        }
        Files.setPosixFilePermissions(path, wanted);
        return 1;
    }
}
