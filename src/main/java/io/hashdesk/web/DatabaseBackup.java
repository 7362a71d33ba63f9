package io.hashdesk.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hashdesk.HashdeskConfig;

/**
 * An online backup of the embedded H2 database while hashdesk runs: H2's {@code BACKUP TO}, which
 * copies a consistent state of the database into a zip file without stopping writes. Restoring is
 * unzipping that file in place of {@code data/hashdesk.mv.db} while hashdesk is stopped (see
 * docs/operations.md, Backups). PostgreSQL has its own tools (pg_dump), so this refuses there.
 */
@ApplicationScoped
public class DatabaseBackup {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'hashdesk-'yyyyMMdd'T'HHmmssSSS'Z.zip'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    /** The database is not the embedded one: its own backup tools apply. */
    public static final class NotEmbeddedException extends Exception {
        NotEmbeddedException(String product) {
            super("The database is " + product + ", not the embedded H2: back it up with its own tools"
                    + " (PostgreSQL: pg_dump; see docs/operations.md, Backups).");
        }
    }

    /** Where the backup went and how large it is. */
    public record Taken(Path file, long bytes) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    HashdeskConfig config;

    @Inject
    Clock clock;

    /** Takes one backup into the backup directory (created owner-only), readable by its owner only. */
    public synchronized Taken take() throws NotEmbeddedException, SQLException, IOException {
        Path directory = Path.of(config.backup().directory()).toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            ownerOnly(directory, "rwx------");
        }
        Path file = directory.resolve(NAME.format(clock.instant()));
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            if (!"H2".equalsIgnoreCase(product)) {
                throw new NotEmbeddedException(product);
            }
            try (Statement s = c.createStatement()) {
                // The name is ours (a timestamp), never the caller's; quotes doubled all the same.
                s.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
            }
        }
        ownerOnly(file, "rw-------");
        return new Taken(file, Files.size(file));
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the directory's own access rules apply.
        }
    }
}
