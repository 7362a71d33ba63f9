package io.hashdesk.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import org.flywaydb.core.Flyway;

/**
 * A database with every migration applied and no app around it, for tests in which several connections race
 * the way several instances would: an H2 file of its own under target/ (fresh each time), or a schema of the
 * machine's PostgreSQL (127.0.0.1:5432, database "test", trust auth), cleaned and migrated again.
 */
@FunctionalInterface
public interface MigratedDatabase {

    /** A new connection to this database. */
    Connection open() throws SQLException;

    /**
     * @param kind "h2" or "postgresql"
     * @param name the H2 file's prefix
     * @param pgSchema the PostgreSQL schema (derive it from -Dpg.schema so parallel checkouts stay apart)
     */
    static MigratedDatabase fresh(String kind, String name, String pgSchema) {
        if (kind.equals("h2")) {
            String url = "jdbc:h2:file:./target/test-data/" + name + "-" + UUID.randomUUID();
            Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
            return () -> DriverManager.getConnection(url, "sa", "");
        }
        String url = "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + pgSchema;
        String user = System.getProperty("pg.user", "postgres");
        Flyway flyway = Flyway.configure().dataSource(url, user, "").schemas(pgSchema).defaultSchema(pgSchema)
                .locations("classpath:db/migration").cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        return () -> DriverManager.getConnection(url, user, "");
    }
}
