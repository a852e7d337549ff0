package com.partnerportal.web.api;

import jakarta.resource.ResourceException;
import java.sql.SQLException;

/**
 * Whether a failure means the database cannot be reached right now (restarted, failed over, the
 * network between): the pool found no connection, or the connection broke (SQLState class 08,
 * PostgreSQL's 57P01-57P03 shutting down or starting). Such a request is answered 503 with
 * {@code Retry-After}, not as an error of the portal; the pool validates its connections and finds
 * new ones once the database is back.
 */
public final class DatabaseAway {

    /** Seconds a caller is asked to wait. */
    public static final int RETRY_AFTER_SECONDS = 10;

    private DatabaseAway() {
    }

    public static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ResourceException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }
}
