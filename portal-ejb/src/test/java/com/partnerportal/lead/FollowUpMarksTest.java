package com.partnerportal.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.partnerportal.platform.Migrations;
import com.partnerportal.platform.NamedSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reminder's mark, the statement the product runs, against the migrated schema. */
class FollowUpMarksTest {

    private static final NamedSql MARK = new NamedSql(FollowUpMarks.MARK);
    private static JdbcDataSource ds;

    @BeforeAll
    static void migrate() {
        ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:follow-up-marks;DB_CLOSE_DELAY=-1");
        Migrations.flyway(ds, false).migrate();
    }

    private static long lead(String state, Instant followUpAt, String assignee) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement insert = c.prepareStatement("""
                insert into sales_lead (state, source, external_id, company_name, size_class, country, region, product,
                                        score, created_at, follow_up_at, assignee)
                values (?, 'test', random_uuid(), 'Testbau GmbH', 'SMALL', 'DE', 'DE-HH', 'SDWAN', 0, now(), ?, ?)""",
                new String[] {"id"})) {
            insert.setString(1, state);
            insert.setObject(2, followUpAt == null ? null : followUpAt.atOffset(ZoneOffset.UTC));
            insert.setString(3, assignee);
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                key.next();
                return key.getLong(1);
            }
        }
    }

    private static int mark(long id, Instant at) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return MARK.update(c, Map.of("id", id, "at", at));
        }
    }

    private static void followUpAt(long id, Instant at) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement update = c.prepareStatement(
                "update sales_lead set follow_up_at = ? where id = ?")) {
            update.setObject(1, at.atOffset(ZoneOffset.UTC));
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    @Test
    void aFollowUpIsMarkedRemindedOnce() throws SQLException {
        Instant at = Instant.parse("2026-12-01T09:00:00Z");
        long id = lead("CONTACTED", at, "north.rep");
        assertEquals(1, mark(id, at));
        assertEquals(0, mark(id, at));
    }

    @Test
    void aNewFollowUpTimeGetsItsOwnReminderAndTheOldOneNone() throws SQLException {
        Instant first = Instant.parse("2026-12-01T09:00:00Z");
        Instant second = Instant.parse("2026-12-03T14:30:00Z");
        long id = lead("CLAIMED", first, "north.rep");
        assertEquals(1, mark(id, first));
        followUpAt(id, second);
        assertEquals(0, mark(id, first), "the sweep read the old time: the lead has moved on");
        assertEquals(1, mark(id, second));
        assertEquals(0, mark(id, second));
    }

    @Test
    void aClosedLeadOrOneNobodyWorksIsNotReminded() throws SQLException {
        Instant at = Instant.parse("2026-12-01T09:00:00Z");
        assertEquals(0, mark(lead("WON", at, "north.rep"), at));
        assertEquals(0, mark(lead("PROPOSAL", at, null), at));
    }
}
