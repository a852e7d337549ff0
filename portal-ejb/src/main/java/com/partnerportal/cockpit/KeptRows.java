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
        String key = " grain = ? and published_on = ? and partner_key = ? and region = ? and country = ? and product = ? and campaign = ?";
        List<Map.Entry<CellKey, Sums>> changed = cells.entrySet().stream().filter(e -> !isZero(e.getValue())).toList();
        List<Map.Entry<CellKey, Sums>> missing = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement("update cockpit_cell set " + set
                + "expected_eur = coalesce(expected_eur, 0) + ?, won_eur = coalesce(won_eur, 0) + ? where" + key)) {
            for (Map.Entry<CellKey, Sums> e : changed) {
                int i = 1;
                for (long count : e.getValue().counts) {
                    update.setLong(i++, count);
                }
                update.setBigDecimal(i++, e.getValue().expected);
                update.setBigDecimal(i++, e.getValue().won);
                bindCell(update, i, e.getKey());
                update.addBatch();
            }
            int[] updated = update.executeBatch();
            for (int k = 0; k < updated.length; k++) {
                if (updated[k] == 0) {
                    missing.add(changed.get(k));
                }
            }
        }
        if (!missing.isEmpty()) {
            String values = "?, ".repeat(columns.size() + 2 + 7);
            try (PreparedStatement insert = connection.prepareStatement("insert into cockpit_cell (" + String.join(", ", columns)
                    + ", expected_eur, won_eur, grain, published_on, partner_key, region, country, product, campaign) values ("
                    + values.substring(0, values.length() - 2) + ")")) {
                for (Map.Entry<CellKey, Sums> e : missing) {
                    int i = 1;
                    for (long count : e.getValue().counts) {
                        insert.setLong(i++, count);
                    }
                    insert.setBigDecimal(i++, e.getValue().expected);
                    insert.setBigDecimal(i++, e.getValue().won);
                    bindCell(insert, i, e.getKey());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        writeCounts(connection, "cockpit_loss", " grain = ? and published_on = ? and partner_key = ? and region = ? and country = ?"
                + " and product = ? and campaign = ? and reason_code = ?", losses, (statement, i, k) -> {
                    int next = bindCell(statement, i, new CellKey(k.grain(), k.day(), k.dimensions()));
                    statement.setString(next, k.reason());
                }, "grain, published_on, partner_key, region, country, product, campaign, reason_code", 8);
        writeCounts(connection, "cockpit_act", " published_on = ? and partner_key = ? and region = ? and country = ?"
                + " and product = ? and campaign = ? and kind = ? and reason_code = ?", acts, (statement, i, k) -> {
                    statement.setObject(i, k.day());
                    statement.setString(i + 1, k.partner());
                    for (int d = 0; d < 4; d++) {
                        statement.setString(i + 2 + d, k.dimensions().get(d));
                    }
                    statement.setString(i + 6, k.kind());
                    statement.setString(i + 7, k.reason());
                }, "published_on, partner_key, region, country, product, campaign, kind, reason_code", 8);
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

    private interface Binder<K> {
        void bind(PreparedStatement statement, int first, K key) throws SQLException;
    }

    private static <K> void writeCounts(Connection connection, String table, String where, Map<K, long[]> counts,
                                        Binder<K> binder, String keyColumns, int keyCount) throws SQLException {
        List<Map.Entry<K, long[]>> changed = counts.entrySet().stream().filter(e -> e.getValue()[0] != 0).toList();
        List<Map.Entry<K, long[]>> missing = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement("update " + table + " set leads = leads + ? where" + where)) {
            for (Map.Entry<K, long[]> e : changed) {
                update.setLong(1, e.getValue()[0]);
                binder.bind(update, 2, e.getKey());
                update.addBatch();
            }
            int[] updated = update.executeBatch();
            for (int k = 0; k < updated.length; k++) {
                if (updated[k] == 0) {
                    missing.add(changed.get(k));
                }
            }
        }
        if (!missing.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement("insert into " + table + " (leads, " + keyColumns
                    + ") values (?" + ", ?".repeat(keyCount) + ")")) {
                for (Map.Entry<K, long[]> e : missing) {
                    insert.setLong(1, e.getValue()[0]);
                    binder.bind(insert, 2, e.getKey());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
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
