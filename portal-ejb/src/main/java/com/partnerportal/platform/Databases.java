package com.partnerportal.platform;

import java.sql.Connection;
import java.sql.SQLException;

/** Which database the portal runs on, for the few statements that differ between H2 and PostgreSQL. */
public final class Databases {

    private Databases() {
    }

    public static boolean isPostgres(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }
}
