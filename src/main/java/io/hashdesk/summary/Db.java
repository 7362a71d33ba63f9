package io.hashdesk.summary;

import java.sql.SQLException;

/** What a database error means, the same on H2 and PostgreSQL. */
final class Db {

    private Db() {
    }

    /** True when the cause is a unique key refusing a second row (SQLSTATE 23505 on both databases). */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
            if (t instanceof org.hibernate.JDBCException jdbc && "23505".equals(jdbc.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
