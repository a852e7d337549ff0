package com.partnerportal.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SQL statement of the portal's own, with {@code :name} parameters, run over plain JDBC: for
 * the few hot paths where an ORM query costs more than the statement itself. A name may occur
 * several times; {@code ::} casts are left alone. Instants are bound as UTC timestamps, as
 * Hibernate binds them.
 */
public final class NamedSql {

    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):(\\w+)");

    private final String jdbcSql;
    private final List<String> names = new ArrayList<>();

    public NamedSql(String sql) {
        Matcher matcher = PARAMETER.matcher(sql);
        StringBuilder positional = new StringBuilder();
        while (matcher.find()) {
            names.add(matcher.group(1));
            matcher.appendReplacement(positional, "?");
        }
        jdbcSql = matcher.appendTail(positional).toString();
    }

    /** The statement prepared with every parameter bound; a name without a value is a bug. */
    public PreparedStatement prepare(Connection connection, Map<String, ?> values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(jdbcSql);
        try {
            bind(statement, values);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private void bind(PreparedStatement statement, Map<String, ?> values) throws SQLException {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("No value for :" + name);
            }
            Object value = values.get(name);
            statement.setObject(i + 1, value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
        }
    }

    /** Runs an insert, update or delete once for each set of values, in one round trip; the rows each run changed. */
    public int[] updateEach(Connection connection, List<? extends Map<String, ?>> valueSets) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(jdbcSql)) {
            for (Map<String, ?> values : valueSets) {
                bind(statement, values);
                statement.addBatch();
            }
            return statement.executeBatch();
        }
    }

    /** {@link #insertEach}'s key of a run that inserted no row (an {@code insert ... select} that found nothing). */
    public static final long NOT_INSERTED = -1;

    /**
     * Runs an insert once for each set of values, in one round trip; the generated {@code key} of each run's
     * row, in order, or {@link #NOT_INSERTED}.
     */
    public long[] insertEach(Connection connection, List<? extends Map<String, ?>> valueSets, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(jdbcSql, new String[] {key})) {
            for (Map<String, ?> values : valueSets) {
                bind(statement, values);
                statement.addBatch();
            }
            int[] inserted = statement.executeBatch();
            long[] keys = new long[valueSets.size()];
            try (ResultSet generated = statement.getGeneratedKeys()) {
                for (int i = 0; i < keys.length; i++) {
                    if (inserted[i] == 0) {
                        keys[i] = NOT_INSERTED;
                    } else if (generated.next()) {
                        keys[i] = generated.getLong(1);
                    } else {
                        throw new SQLException("The database gave " + i + " generated keys for " + keys.length + " rows");
                    }
                }
            }
            return keys;
        }
    }

    /** Runs an insert, update or delete; the rows it changed. */
    public int update(Connection connection, Map<String, ?> values) throws SQLException {
        try (PreparedStatement statement = prepare(connection, values)) {
            return statement.executeUpdate();
        }
    }
}
