package com.partnerportal.cockpit;

import com.partnerportal.platform.Databases;
import com.partnerportal.platform.NamedSql;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The cockpit's kept figures: per day of publication (in the portal's zone) the rows of
 * {@code cockpit_cell}, {@code cockpit_loss} and {@code cockpit_act}, built from the lead tables by
 * the same expressions as the plain aggregates ({@link CockpitSql}), so that a view adds up a few
 * rows per day instead of reading every lead. A day is built once and built again whole when one of
 * its leads changes: every move and change of a lead marks it ({@link CockpitChanges}) in the
 * transaction that makes it, and a view brings the days it reads up to date before it reads them,
 * so that the figures are never older than the leads; a timer keeps the marks few.
 *
 * <p>Rebuilding a day first takes away its marks, then reads its leads: a change that commits in
 * between is read and leaves its mark for the next time, so that no change is ever lost. One
 * rebuild runs at a time (a lock row), on one node or several.
 */
@Stateless
public class CockpitCells {

    /** Days never built that one run of the timer builds at most, newest first. */
    private static final int BUILD_PER_RUN = 120;

    /** Marked leads looked up per statement. */
    private static final int LOOKUP_BATCH = 500;

    @Resource(lookup = "java:jboss/datasources/PortalDS")
    private DataSource database;

    @Inject
    private Clock clock;

    /**
     * Brings the kept rows of the days {@code from} to {@code to} up to date, in a transaction of
     * its own that commits before the caller reads them. Returns how many days it built.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int refresh(LocalDate from, LocalDate to) {
        return onConnection(connection -> {
            if (stale(connection, from, to).isEmpty()) {
                return 0;
            }
            lock(connection);
            Set<LocalDate> stale = stale(connection, from, to); // what another rebuild left
            for (LocalDate day : stale) {
                build(connection, day);
            }
            return stale.size();
        });
    }

    /**
     * Builds the days whose leads changed since (any day), and of the days never built up to
     * {@link #BUILD_PER_RUN}, from today back to the first publication.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int keepUp() {
        return onConnection(connection -> {
            LocalDate today = LocalDate.now(clock.withZone(Cohort.ZONE));
            LocalDate first = firstDay(connection);
            Set<LocalDate> stale = changedDays(connection, null, null);
            if (first != null) {
                Set<LocalDate> built = builtDays(connection, first, today);
                for (LocalDate day = today; !day.isBefore(first) && stale.size() < BUILD_PER_RUN; day = day.minusDays(1)) {
                    if (!built.contains(day)) {
                        stale.add(day);
                    }
                }
            }
            if (stale.isEmpty()) {
                return 0;
            }
            lock(connection);
            for (LocalDate day : stale) {
                build(connection, day);
            }
            try (PreparedStatement unpublished = connection.prepareStatement("""
                    delete from cockpit_change where lead_id in (select l.id from sales_lead l where l.published_at is null)""")) {
                unpublished.executeUpdate(); // marks of leads not in any day
            }
            return stale.size();
        });
    }

    /** Days of the period that need building: never built (up to today), or with a lead changed since. */
    private Set<LocalDate> stale(Connection connection, LocalDate from, LocalDate to) throws SQLException {
        Set<LocalDate> stale = changedDays(connection, from, to);
        LocalDate today = LocalDate.now(clock.withZone(Cohort.ZONE));
        LocalDate last = to.isAfter(today) ? today : to;
        if (!from.isAfter(last)) {
            Set<LocalDate> built = builtDays(connection, from, last);
            for (LocalDate day = from; !day.isAfter(last); day = day.plusDays(1)) {
                if (!built.contains(day)) {
                    stale.add(day);
                }
            }
        }
        return stale;
    }

    private static Set<LocalDate> builtDays(Connection connection, LocalDate from, LocalDate to) throws SQLException {
        Set<LocalDate> built = new TreeSet<>();
        try (PreparedStatement select = connection.prepareStatement("select published_on from cockpit_day where published_on >= ? and published_on <= ?")) {
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

    /**
     * Days (of the period; null: any) of the leads changed since their day was built, and days a lead
     * left. The marked leads are few and looked up by their key, a batch at a time: a join of the
     * marks with the leads lets the planner read every lead when its guess of the marks is old.
     */
    private static Set<LocalDate> changedDays(Connection connection, LocalDate from, LocalDate to) throws SQLException {
        Set<LocalDate> days = new TreeSet<>(java.util.Comparator.reverseOrder());
        List<Long> leads = new java.util.ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select distinct lead_id, published_on from cockpit_change");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                long lead = row.getLong(1);
                if (!row.wasNull()) {
                    leads.add(lead);
                }
                LocalDate left = row.getObject(2, LocalDate.class);
                if (left != null) {
                    days.add(left);
                }
            }
        }
        for (int i = 0; i < leads.size(); i += LOOKUP_BATCH) {
            List<Long> batch = leads.subList(i, Math.min(leads.size(), i + LOOKUP_BATCH));
            String keys = String.join(", ", java.util.Collections.nCopies(batch.size(), "?"));
            try (PreparedStatement select = connection.prepareStatement(
                    "select distinct published_at from sales_lead where published_at is not null and id in (" + keys + ")")) {
                for (int k = 0; k < batch.size(); k++) {
                    select.setLong(k + 1, batch.get(k));
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        days.add(row.getObject(1, OffsetDateTime.class).atZoneSameInstant(Cohort.ZONE).toLocalDate());
                    }
                }
            }
        }
        if (from != null) {
            days.removeIf(day -> day.isBefore(from) || day.isAfter(to));
        }
        return days;
    }

    private static LocalDate firstDay(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select min(published_at) from sales_lead");
             ResultSet row = select.executeQuery()) {
            row.next();
            Instant first = Databases.instant(row.getObject(1, OffsetDateTime.class));
            return first == null ? null : first.atZone(Cohort.ZONE).toLocalDate();
        }
    }

    /** One rebuild at a time: the others wait here, then find the day built. */
    private static void lock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select id from cockpit_refresh where id = 1 for update");
             ResultSet row = lock.executeQuery()) {
            row.next();
        }
    }

    /** Takes away the day's marks, then builds its rows from its leads as they are now. */
    private void build(Connection connection, LocalDate day) throws SQLException {
        boolean postgres = Databases.isPostgres(connection);
        Map<String, Object> values = Map.of("day", day, "start", day.atStartOfDay(Cohort.ZONE).toInstant(),
                "end", day.plusDays(1).atStartOfDay(Cohort.ZONE).toInstant());
        run(connection, values, """
                delete from cockpit_change where published_on = :day
                    or lead_id in (select l.id from sales_lead l where l.published_at >= :start and l.published_at < :end)""");
        for (String table : List.of("cockpit_cell", "cockpit_loss", "cockpit_act")) {
            run(connection, values, "delete from " + table + " where published_on = :day");
        }
        if (run(connection, values, CockpitSql.buildCells(postgres)) > 0) {
            for (Grain grain : Grain.values()) {
                if (grain != Grain.ALL) {
                    run(connection, values, CockpitSql.rollUpCells(grain));
                }
            }
            if (run(connection, values, CockpitSql.buildLosses()) > 0) {
                for (Grain grain : Grain.values()) {
                    if (grain != Grain.ALL) {
                        run(connection, values, CockpitSql.rollUpLosses(grain));
                    }
                }
            }
            for (String kind : List.of("RETURN", "BREACH")) {
                if (run(connection, values, CockpitSql.buildActs(kind, true)) > 0) {
                    run(connection, values, CockpitSql.buildActs(kind, false));
                }
            }
        }
        run(connection, values, "insert into cockpit_day (published_on) select :day from cockpit_refresh where id = 1"
                + " and not exists (select 1 from cockpit_day where published_on = :day)");
    }

    private static int run(Connection connection, Map<String, Object> values, String sql) throws SQLException {
        try (PreparedStatement statement = new NamedSql(sql).prepare(connection, values)) {
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
