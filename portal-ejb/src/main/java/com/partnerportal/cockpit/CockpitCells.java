package com.partnerportal.cockpit;

import com.partnerportal.platform.Databases;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The cockpit's kept figures: per day of publication (in the portal's zone) the rows of
 * {@code cockpit_cell}, {@code cockpit_loss} and {@code cockpit_act}, so that a view adds up a few
 * rows per day instead of reading every lead. What each lead adds ({@link Contribution}) is read
 * from the lead tables by the aggregates' own expressions ({@link CockpitSql#contributions}) and kept
 * per lead ({@code cockpit_counted}). A day is built whole once; after that, every move and change of
 * a lead marks it ({@link CockpitChanges}) in the transaction that makes it, and counting it again
 * takes out what it added and adds what it adds now: the work follows the changes, not the size of
 * their days. A view counts the marked leads before it reads, so that its figures are never older
 * than the leads; a timer keeps the marks few.
 *
 * <p>The marks are taken before the leads are read: a change that commits in between is read and
 * leaves its mark for the next time, so that no change is ever lost. One count runs at a time (a
 * lock row), on one node or several.
 */
@Stateless
public class CockpitCells {

    /** Days never built that one run of the timer builds at most, newest first. */
    private static final int BUILD_PER_RUN = 120;

    /** Marked leads counted per batch. */
    private static final int LOOKUP_BATCH = 500;

    @Resource(lookup = "java:jboss/datasources/PortalDS")
    private DataSource database;

    @Inject
    private Clock clock;

    @Resource
    private jakarta.ejb.SessionContext context;

    /**
     * Brings the kept rows of the days {@code from} to {@code to} up to date before the caller reads
     * them: counts every changed lead again, and builds the days of the period never built. Each batch
     * of leads and each day is a transaction of its own ({@link #countBatch}, {@link #buildDay}), so that
     * a long backlog commits as it goes and never outlives a transaction's timeout. Returns how many
     * leads and days it counted.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int refresh(LocalDate from, LocalDate to) {
        CockpitCells self = context.getBusinessObject(CockpitCells.class);
        int counted = 0;
        for (int batch; (batch = self.countBatch()) > 0; ) {
            counted += batch;
        }
        for (LocalDate day : onConnection(connection -> unbuilt(connection, from, to))) {
            counted += self.buildDay(day) ? 1 : 0;
        }
        return counted;
    }

    /**
     * Counts the changed leads again, and builds up to {@link #BUILD_PER_RUN} days never built, from
     * today back to the first publication; each batch and day in a transaction of its own.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int keepUp() {
        CockpitCells self = context.getBusinessObject(CockpitCells.class);
        int counted = 0;
        for (int batch; (batch = self.countBatch()) > 0; ) {
            counted += batch;
        }
        List<LocalDate> newestFirst = onConnection(connection -> {
            LocalDate today = LocalDate.now(clock.withZone(Cohort.ZONE));
            LocalDate first = firstDay(connection);
            return first == null ? new ArrayList<LocalDate>() : new ArrayList<>(unbuilt(connection, first, today));
        });
        java.util.Collections.reverse(newestFirst);
        for (LocalDate day : newestFirst.subList(0, Math.min(BUILD_PER_RUN, newestFirst.size()))) {
            counted += self.buildDay(day) ? 1 : 0;
        }
        return counted;
    }

    /** Counts one batch of marked leads again, holding the lock row; returns how many (0: none marked). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int countBatch() {
        return onConnection(connection -> {
            if (!anyMarked(connection)) {
                return 0;
            }
            lock(connection);
            return countMarked(connection);
        });
    }

    /** Builds a day never built, holding the lock row; false if another did it meanwhile. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean buildDay(LocalDate day) {
        return onConnection(connection -> {
            lock(connection);
            if (builtDays(connection, day, day).contains(day)) {
                return false;
            }
            build(connection, day);
            return true;
        });
    }

    /** Days of the period up to today that were never built, oldest first. */
    private List<LocalDate> unbuilt(Connection connection, LocalDate from, LocalDate to) throws SQLException {
        LocalDate today = LocalDate.now(clock.withZone(Cohort.ZONE));
        LocalDate last = to.isAfter(today) ? today : to;
        List<LocalDate> unbuilt = new ArrayList<>();
        if (!from.isAfter(last)) {
            Set<LocalDate> built = builtDays(connection, from, last);
            for (LocalDate day = from; !day.isAfter(last); day = day.plusDays(1)) {
                if (!built.contains(day)) {
                    unbuilt.add(day);
                }
            }
        }
        return unbuilt;
    }

    private static Set<LocalDate> builtDays(Connection connection, LocalDate from, LocalDate to) throws SQLException {
        Set<LocalDate> built = new TreeSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select published_on from cockpit_day where published_on >= ? and published_on <= ?")) {
            select.setObject(1, from);
            select.setObject(2, to);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    built.add(row.getObject(1, LocalDate.class));
                }
            }
        }
        return built;
    }

    private static boolean anyMarked(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select 1 from cockpit_change fetch first 1 rows only");
             ResultSet row = select.executeQuery()) {
            return row.next();
        }
    }

    /**
     * Counts a batch of marked leads again: takes their marks first, then takes out what each added
     * ({@code cockpit_counted}) and adds what it adds now. A change that commits after the marks were
     * taken leaves a mark of its own for the next time. Returns how many leads it counted.
     */
    private int countMarked(Connection connection) throws SQLException {
        List<Long> leads = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select distinct lead_id from cockpit_change fetch first " + LOOKUP_BATCH + " rows only");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                leads.add(row.getLong(1));
            }
        }
        if (leads.isEmpty()) {
            return 0;
        }
        String keys = String.join(", ", java.util.Collections.nCopies(leads.size(), "?"));
        run(connection, "delete from cockpit_change where lead_id in (" + keys + ")", leads);
        KeptRows rows = new KeptRows();
        for (Contribution before : counted(connection, "lead_id in (" + keys + ")", leads)) {
            rows.add(before, -1);
        }
        List<Contribution> now = contributions(connection, "l.id in (" + keys + ")", leads);
        for (Contribution after : now) {
            rows.add(after, 1);
        }
        rows.write(connection);
        run(connection, "delete from cockpit_counted_act where lead_id in (" + keys + ")", leads);
        run(connection, "delete from cockpit_counted where lead_id in (" + keys + ")", leads);
        keep(connection, now);
        return leads.size();
    }

    private static LocalDate firstDay(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select min(published_at) from sales_lead");
             ResultSet row = select.executeQuery()) {
            row.next();
            Instant first = Databases.instant(row.getObject(1, OffsetDateTime.class));
            return first == null ? null : first.atZone(Cohort.ZONE).toLocalDate();
        }
    }

    /** One rebuild at a time: the others wait here, then find the work done. */
    private static void lock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select id from cockpit_refresh where id = 1 for update");
             ResultSet row = lock.executeQuery()) {
            row.next();
        }
    }

    /** Takes away the marks of the day's leads, then builds its rows from its leads as they are now. */
    private void build(Connection connection, LocalDate day) throws SQLException {
        List<Object> period = List.of(day.atStartOfDay(Cohort.ZONE).toInstant(), day.plusDays(1).atStartOfDay(Cohort.ZONE).toInstant());
        String ofDay = "l.published_at >= ? and l.published_at < ?";
        run(connection, "delete from cockpit_change where lead_id in (select l.id from sales_lead l where " + ofDay + ")", period);
        for (String table : List.of("cockpit_cell", "cockpit_loss")) { // by their keys' index: grain first
            run(connection, "delete from " + table + " where grain in (0, 1, 2, 3, 4, 5) and published_on = ?", List.of(day));
        }
        run(connection, "delete from cockpit_act where published_on = ?", List.of(day));
        run(connection, "delete from cockpit_counted_act where lead_id in (select lead_id from cockpit_counted where published_on = ?)",
                List.of(day));
        run(connection, "delete from cockpit_counted where published_on = ?", List.of(day));
        List<Contribution> leads = contributions(connection, ofDay, period);
        KeptRows rows = new KeptRows();
        leads.forEach(lead -> rows.add(lead, 1));
        rows.write(connection, true); // the day was emptied above
        keep(connection, leads);
        run(connection, "insert into cockpit_day (published_on) select ? from cockpit_refresh where id = 1"
                + " and not exists (select 1 from cockpit_day where published_on = ?)", List.of(day, day));
    }

    /** What the leads of a condition add now, read from the lead tables. */
    private List<Contribution> contributions(Connection connection, String where, List<?> values) throws SQLException {
        Map<Long, List<Contribution.Act>> acts = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(CockpitSql.acts(where))) {
            for (int kind = 0; kind < CockpitSql.ACT_KINDS; kind++) {
                bind(select, values, kind * values.size());
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    List<Contribution.Act> of = acts.computeIfAbsent(row.getLong(1), k -> new ArrayList<>());
                    for (String partner : List.of(row.getString(2), "*")) {
                        Contribution.Act act = new Contribution.Act(partner, row.getString(3), row.getString(4));
                        if (!of.contains(act)) {
                            of.add(act);
                        }
                    }
                }
            }
        }
        List<Contribution> contributions = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                CockpitSql.contributions(where, Databases.isPostgres(connection)))) {
            bind(select, values, 0);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    long lead = row.getLong(1);
                    LocalDate day = row.getObject(2, OffsetDateTime.class).atZoneSameInstant(Cohort.ZONE).toLocalDate();
                    int[] buckets = new int[3];
                    for (int measure = 0; measure < 3; measure++) {
                        Object seconds = row.getObject(12 + measure);
                        buckets[measure] = seconds == null ? -1 : HourBuckets.of(((Number) seconds).doubleValue());
                    }
                    contributions.add(new Contribution(lead, day, row.getString(3), row.getString(4), row.getString(5),
                            row.getString(6), row.getString(7), row.getInt(8), "LOST".equals(row.getString(9)),
                            row.getBigDecimal(10), row.getBigDecimal(11), buckets, row.getString(15),
                            acts.getOrDefault(lead, List.of())));
                }
            }
        }
        return contributions;
    }

    /** What the leads of a condition on the kept contributions added so far. */
    private static List<Contribution> counted(Connection connection, String where, List<?> values) throws SQLException {
        Map<Long, List<Contribution.Act>> acts = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select lead_id, partner_key, kind, reason_code from cockpit_counted_act where " + where)) {
            bind(select, values, 0);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    acts.computeIfAbsent(row.getLong(1), k -> new ArrayList<>())
                            .add(new Contribution.Act(row.getString(2), row.getString(3), row.getString(4)));
                }
            }
        }
        List<Contribution> counted = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select lead_id, published_on, partner_key, region, country, product, campaign, reached, lost, expected_eur,
                       won_eur, claim_bucket, contact_bucket, outcome_bucket, loss_reason
                from cockpit_counted where\s""" + where)) {
            bind(select, values, 0);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    long lead = row.getLong(1);
                    counted.add(new Contribution(lead, row.getObject(2, LocalDate.class), row.getString(3), row.getString(4),
                            row.getString(5), row.getString(6), row.getString(7), row.getInt(8), row.getBoolean(9),
                            row.getBigDecimal(10), row.getBigDecimal(11),
                            new int[] {row.getInt(12), row.getInt(13), row.getInt(14)}, row.getString(15),
                            acts.getOrDefault(lead, List.of())));
                }
            }
        }
        return counted;
    }

    /** Keeps what the leads add now, to take it out when they change. */
    private static void keep(Connection connection, List<Contribution> contributions) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into cockpit_counted (lead_id, published_on, partner_key, region, country, product, campaign, reached,
                                             lost, expected_eur, won_eur, claim_bucket, contact_bucket, outcome_bucket, loss_reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement act = connection.prepareStatement(
                     "insert into cockpit_counted_act (lead_id, partner_key, kind, reason_code) values (?, ?, ?, ?)")) {
            for (Contribution c : contributions) {
                insert.setLong(1, c.leadId());
                insert.setObject(2, c.day());
                insert.setString(3, c.partner());
                insert.setString(4, c.region());
                insert.setString(5, c.country());
                insert.setString(6, c.product());
                insert.setString(7, c.campaign());
                insert.setInt(8, c.reached());
                insert.setBoolean(9, c.lost());
                insert.setBigDecimal(10, c.expectedEur());
                insert.setBigDecimal(11, c.wonEur());
                insert.setInt(12, c.buckets()[0]);
                insert.setInt(13, c.buckets()[1]);
                insert.setInt(14, c.buckets()[2]);
                insert.setString(15, c.lossReason());
                insert.addBatch();
                for (Contribution.Act a : c.acts()) {
                    act.setLong(1, c.leadId());
                    act.setString(2, a.partner());
                    act.setString(3, a.kind());
                    act.setString(4, a.reason());
                    act.addBatch();
                }
            }
            insert.executeBatch();
            act.executeBatch();
        }
    }

    private static void bind(PreparedStatement statement, List<?> values, int offset) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            statement.setObject(offset + i + 1, value instanceof Instant instant ? instant.atOffset(java.time.ZoneOffset.UTC) : value);
        }
    }

    private static int run(Connection connection, String sql, List<?> values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values, 0);
            return statement.executeUpdate();
        }
    }

    private <T> T onConnection(Work<T> work) {
        try (Connection connection = database.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new PersistenceException("The cockpit's kept figures could not be built", e);
        }
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
