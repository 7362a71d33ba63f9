package io.hashdesk.web;

import java.sql.SQLException;
import java.util.Locale;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;

/**
 * Reads what went wrong in the database from an exception's causes, portably (H2 and PostgreSQL name
 * constraints in their messages, in upper and lower case respectively).
 */
public final class Database {

    /** SQLSTATE of a unique key refusing a row, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private Database() {
    }

    /** True when a cause of {@code e} names the constraint (a unique key or foreign key refused the write). */
    public static boolean violated(Throwable e, String constraint) {
        String name = constraint.toLowerCase(Locale.ROOT);
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when a cause is a unique key refusing a second row (SQLSTATE 23505 on both databases), whatever
     * its name: for claims and inserts that another instance may have made first.
     */
    public static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = t instanceof SQLException sql ? sql.getSQLState()
                    : t instanceof org.hibernate.JDBCException jdbc ? jdbc.getSQLState() : null;
            if (UNIQUE_VIOLATION.equals(state)) {
                return true;
            }
        }
        return false;
    }

    /** True when a cause says a row lock could not be had in time (another request holds it). */
    public static boolean lockTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PessimisticLockException
                    || t instanceof LockTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().equals("HYT00") || sql.getSQLState().equals("55P03")
                            || sql.getSQLState().equals("40001") || sql.getSQLState().equals("40P01"))) {
                return true;
            }
        }
        return false;
    }
}
