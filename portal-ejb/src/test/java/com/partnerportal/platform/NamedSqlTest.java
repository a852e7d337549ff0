package com.partnerportal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Named parameters over plain JDBC, on an in-memory H2 database. */
class NamedSqlTest {

    private static Connection database() throws Exception {
        return DriverManager.getConnection("jdbc:h2:mem:named-sql-" + System.nanoTime());
    }

    @Test
    void aNameUsedTwiceIsBoundEachTimeAndCastsStayAsTheyAre() throws Exception {
        try (Connection connection = database();
             PreparedStatement statement = new NamedSql(
                     "select :p || '-' || :p, cast(:n as integer) + 1, '10'::integer").prepare(connection,
                     Map.of("p", "nordlicht", "n", 41));
             ResultSet row = statement.executeQuery()) {
            row.next();
            assertEquals("nordlicht-nordlicht", row.getString(1));
            assertEquals(42, row.getInt(2));
            assertEquals(10, row.getInt(3));
        }
    }

    @Test
    void instantsAreStoredAsTheSameMomentInUtc() throws Exception {
        Instant at = Instant.parse("2026-11-25T19:40:18.064687Z");
        try (Connection connection = database()) {
            connection.createStatement().execute("create table moment (at timestamp with time zone)");
            assertEquals(1, new NamedSql("insert into moment (at) values (:at)").update(connection, Map.of("at", at)));
            try (ResultSet row = connection.createStatement().executeQuery("select at from moment")) {
                row.next();
                assertEquals(at, row.getObject(1, OffsetDateTime.class).toInstant());
            }
        }
    }

    @Test
    void aMissingValueIsRefusedBeforeTheStatementRuns() throws Exception {
        try (Connection connection = database()) {
            assertThrows(IllegalArgumentException.class,
                    () -> new NamedSql("select :a, :b").prepare(connection, Map.of("a", 1)));
        }
    }
}
