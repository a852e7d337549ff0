package com.partnerportal.cockpit;

import com.partnerportal.platform.migration.V14__Cockpit_cells;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Changes to the cockpit's kept rows, summed per row before they are written: leads taken out
 * ({@code -1}) and put in ({@code +1}), in every grain. Written as additions to the rows (a row
 * that is not there yet is inserted), and a row that counts no lead any more is deleted, so that
 * the rows are the aggregates of the leads as they are.
 */
final class KeptRows {

    private record CellKey(Grain grain, LocalDate day, List<String> dimensions) {
    }

    private record LossKey(Grain grain, LocalDate day, List<String> dimensions, String reason) {
    }

    private record ActKey(LocalDate day, String partner, List<String> dimensions, String kind, String reason) {
    }

    /** Counters, then the histograms, then the money. */
    private static final class Sums {
        final long[] counts = new long[7 + 3 * HourBuckets.COUNT];
        BigDecimal expected = BigDecimal.ZERO;
        BigDecimal won = BigDecimal.ZERO;
    }

    private final Map<CellKey, Sums> cells = new HashMap<>();
    private final Map<LossKey, long[]> losses = new HashMap<>();
    private final Map<ActKey, long[]> acts = new HashMap<>();
    private final Set<LocalDate> days = new TreeSet<>();

    /** Adds ({@code sign} 1) or takes out ({@code sign} -1) what a lead contributes, in every grain. */
    void add(Contribution c, int sign) {
        days.add(c.day());
        long[] counters = c.counters();
        for (Grain grain : Grain.values()) {
            Sums sums = cells.computeIfAbsent(new CellKey(grain, c.day(), c.dimensions(grain)), k -> new Sums());
            for (int i = 0; i < counters.length; i++) {
                sums.counts[i] += sign * counters[i];
            }
            for (int measure = 0; measure < 3; measure++) {
                if (c.buckets()[measure] >= 0) {
                    sums.counts[7 + measure * HourBuckets.COUNT + c.buckets()[measure]] += sign;
                }
            }
            if (c.expectedEur() != null) {
                sums.expected = sums.expected.add(sign > 0 ? c.expectedEur() : c.expectedEur().negate());
            }
            if (c.wonEur() != null) {
                sums.won = sums.won.add(sign > 0 ? c.wonEur() : c.wonEur().negate());
            }
            if (c.lossReason() != null) {
                losses.computeIfAbsent(new LossKey(grain, c.day(), c.dimensions(grain), c.lossReason()), k -> new long[1])[0] += sign;
            }
        }
        List<String> dimensions = c.dimensions(Grain.ALL).subList(1, 5);
        for (Contribution.Act act : c.acts()) {
            acts.computeIfAbsent(new ActKey(c.day(), act.partner(), dimensions, act.kind(), act.reason()), k -> new long[1])[0] += sign;
        }
    }

    boolean isEmpty() {
        return cells.isEmpty() && acts.isEmpty();
    }

    /** Writes the sums as additions to the kept rows. */
    void write(Connection connection) throws SQLException {
        write(connection, false);
    }

    /**
     * Writes the sums as additions to the kept rows, or, for a day just emptied to be built again
     * ({@code fresh}), as new rows: there is nothing to add to, and a batch of updates that find
     * nothing would only cost.
     */
    void write(Connection connection, boolean fresh) throws SQLException {
        List<String> columns = new ArrayList<>(List.of(CockpitSql.COUNTERS.split(", ")).subList(0, 7));
        for (String measure : V14__Cockpit_cells.MEASURES) {
            for (int bucket = 0; bucket < HourBuckets.COUNT; bucket++) {
                columns.add(V14__Cockpit_cells.column(measure, bucket));
            }
        }
        StringBuilder set = new StringBuilder();
        for (String column : columns) {
            set.append(column).append(" = ").append(column).append(" + ?, ");
        }
        set.append("expected_eur = coalesce(expected_eur, 0) + ?, won_eur = coalesce(won_eur, 0) + ?");
        columns.addAll(List.of("expected_eur", "won_eur"));
        List<String> cellKey = List.of("grain", "published_on", "partner_key", "region", "country", "product", "campaign");
        addTo(connection, fresh, "cockpit_cell", columns, set.toString(), cellKey,
                cells.entrySet().stream().filter(e -> !isZero(e.getValue())).toList(), (statement, i, sums) -> {
                    for (long count : sums.counts) {
                        statement.setLong(i++, count);
                    }
                    statement.setBigDecimal(i, sums.expected);
                    statement.setBigDecimal(i + 1, sums.won);
                    return i + 2;
                }, KeptRows::bindCell);
        List<String> lossKey = new ArrayList<>(cellKey);
        lossKey.add("reason_code");
        addTo(connection, fresh, "cockpit_loss", List.of("leads"), "leads = leads + ?", lossKey, nonZero(losses), KeptRows::bindLeads,
                (statement, i, k) -> {
                    int next = bindCell(statement, i, new CellKey(k.grain(), k.day(), k.dimensions()));
                    statement.setString(next, k.reason());
                    return next + 1;
                });
        addTo(connection, fresh, "cockpit_act", List.of("leads"), "leads = leads + ?",
                List.of("published_on", "partner_key", "region", "country", "product", "campaign", "kind", "reason_code"),
                nonZero(acts), KeptRows::bindLeads, (statement, i, k) -> {
                    statement.setObject(i, k.day());
                    statement.setString(i + 1, k.partner());
                    for (int d = 0; d < 4; d++) {
                        statement.setString(i + 2 + d, k.dimensions().get(d));
                    }
                    statement.setString(i + 6, k.kind());
                    statement.setString(i + 7, k.reason());
                    return i + 8;
                });
        String byKey = " where grain in (0, 1, 2, 3, 4, 5) and published_on = ? and leads = 0"; // the key's index: grain first
        try (PreparedStatement cell = connection.prepareStatement("delete from cockpit_cell" + byKey);
             PreparedStatement loss = connection.prepareStatement("delete from cockpit_loss" + byKey);
             PreparedStatement act = connection.prepareStatement("delete from cockpit_act where published_on = ? and leads = 0")) {
            for (LocalDate day : days) {
                for (PreparedStatement statement : List.of(cell, loss, act)) {
                    statement.setObject(1, day);
                    statement.addBatch();
                }
            }
            cell.executeBatch();
            loss.executeBatch();
            act.executeBatch();
        }
    }

    /** Binds a row's values or its key from parameter {@code first} on; returns the next parameter. */
    private interface Binder<T> {
        int bind(PreparedStatement statement, int first, T value) throws SQLException;
    }

    /**
     * Adds each entry's values to the row of its key: an update per row, in one batch; the rows the
     * update did not find are inserted with the values as they are, in a second batch.
     */
    private static <K, V> void addTo(Connection connection, boolean fresh, String table, List<String> valueColumns,
                                     String set, List<String> keyColumns, List<Map.Entry<K, V>> entries,
                                     Binder<V> values, Binder<K> keys) throws SQLException {
        List<Map.Entry<K, V>> missing = fresh ? entries : new ArrayList<>();
        if (!fresh) {
            try (PreparedStatement update = connection.prepareStatement("update " + table + " set " + set + " where "
                    + String.join(" = ? and ", keyColumns) + " = ?")) {
                for (Map.Entry<K, V> e : entries) {
                    keys.bind(update, values.bind(update, 1, e.getValue()), e.getKey());
                    update.addBatch();
                }
                int[] updated = update.executeBatch();
                for (int k = 0; k < updated.length; k++) {
                    if (updated[k] == 0) {
                        missing.add(entries.get(k));
                    }
                }
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        int parameters = valueColumns.size() + keyColumns.size();
        try (PreparedStatement insert = connection.prepareStatement("insert into " + table + " (" + String.join(", ", valueColumns)
                + ", " + String.join(", ", keyColumns) + ") values (?" + ", ?".repeat(parameters - 1) + ")")) {
            for (Map.Entry<K, V> e : missing) {
                keys.bind(insert, values.bind(insert, 1, e.getValue()), e.getKey());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static <K> List<Map.Entry<K, long[]>> nonZero(Map<K, long[]> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue()[0] != 0).toList();
    }

    private static int bindLeads(PreparedStatement statement, int first, long[] leads) throws SQLException {
        statement.setLong(first, leads[0]);
        return first + 1;
    }

    private static int bindCell(PreparedStatement statement, int first, CellKey key) throws SQLException {
        statement.setInt(first, key.grain().code);
        statement.setObject(first + 1, key.day());
        for (int d = 0; d < 5; d++) {
            statement.setString(first + 2 + d, key.dimensions().get(d));
        }
        return first + 7;
    }

    private static boolean isZero(Sums sums) {
        for (long count : sums.counts) {
            if (count != 0) {
                return false;
            }
        }
        return sums.expected.signum() == 0 && sums.won.signum() == 0;
    }
}
