package io.hashdesk.production;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A schema of its own on the machine's PostgreSQL (127.0.0.1:5432, database "test", trust auth),
 * created empty and dropped with everything in it afterwards. Its name starts with
 * {@code -Dpg.schema} (as PostgresProductionTest's does) so parallel checkouts never share one.
 */
final class ScratchSchema implements AutoCloseable {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

    final String name;

    private ScratchSchema(String name) {
        this.name = name;
    }

    static ScratchSchema create(String purpose) {
        String name = System.getProperty("pg.schema", "hashdesk_it") + "_" + purpose + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        ScratchSchema schema = new ScratchSchema(name);
        schema.execute("CREATE SCHEMA " + name);
        return schema;
    }

    /** The JDBC URL an app instance uses for this schema. */
    String jdbcUrl() {
        return SERVER + "?currentSchema=" + name;
    }

    static String user() {
        return System.getProperty("pg.user", "postgres");
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER, user(), "");
    }

    void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** A statement on this schema's tables; returns the number of rows it changed. */
    int update(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + name);
            return s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Rows of a query in this schema, each as its columns' text. */
    List<List<String>> rows(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + name);
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery(sql)) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(r.getString(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    long count(String sql) {
        return Long.parseLong(rows(sql).get(0).get(0));
    }

    @Override
    public void close() {
        execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }
}
