package com.partnerportal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.lead.MoveReason;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    private static JdbcDataSource freshH2(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    @Test
    void demoMigrationsCreateTheThreeContractPartnersAndCanRunAgain() throws SQLException {
        JdbcDataSource ds = freshH2("demo");
        Migrations.flyway(ds, true).migrate();
        Migrations.flyway(ds, true).migrate();

        assertEquals(3, count(ds, "select count(*) from partner where partner_key in ('nordlicht','alpenblick','rheinwerk')"));
        assertEquals(4, count(ds, "select count(*) from partner_region where partner_key = 'nordlicht'"));
        assertEquals(7, count(ds, "select count(*) from catalog_entry where catalog = 'RETURN_REASON'"));
        assertEquals(377, count(ds, "select count(*) from sales_lead where source = 'demo'"));
        // months of history for the cockpit: closed deals with their facts, returns and recalls with their reasons
        assertTrue(count(ds, "select count(*) from sales_lead where published_at < current_timestamp - interval '90' day") > 50);
        assertEquals(0, count(ds, "select count(*) from sales_lead where state = 'WON' and (won_revenue_amount is null"
                + " or closed_at is null or reached_stage <> 5)"));
        assertEquals(0, count(ds, "select count(*) from sales_lead where state = 'LOST' and loss_reason_code is null and source = 'demo'"));
        assertEquals(27, count(ds, "select count(*) from lead_exclusion e join sales_lead l on l.id = e.lead_id"
                + " where l.state in ('RETURNED', 'RECALLED')"));
        assertEquals(4, count(ds, "select count(*) from campaign"));
        assertEquals(15, count(ds, "select count(*) from lead_return"));
        assertEquals(5, count(ds, "select count(*) from portal_user"));
        // follow-ups overdue, due today and later, never before the lead was claimed
        assertTrue(count(ds, "select count(*) from sales_lead where follow_up_at < current_timestamp") > 5);
        assertTrue(count(ds, "select count(*) from sales_lead where follow_up_at > current_timestamp") > 5);
        assertEquals(0, count(ds, "select count(*) from sales_lead where follow_up_at < first_claimed_at"));
        assertEquals(0, count(ds, "select count(*) from sales_lead where partner_key is not null and assignee is null"));
        assertEquals(13, count(ds, "select count(distinct state) from sales_lead where source = 'demo'"));
        assertEquals(3, count(ds, "select count(distinct partner_key) from sales_lead where source = 'demo'"));
        assertEquals(0, count(ds, "select count(*) from sales_lead l where l.state = 'CLAIMED' and l.partner_key is null"));
        // each partner's count of open leads, which the claim checks against its capacity, matches its leads
        assertEquals(0, count(ds, """
                select count(*) from partner p where p.open_leads <> (select count(*) from sales_lead s
                    where s.partner_key = p.partner_key and s.state in ('CLAIMED', 'CONTACTED', 'SALES_QUALIFIED', 'PROPOSAL'))"""));
        assertEquals(3, count(ds, "select count(*) from partner where open_leads > 0"));
        // Silver and Bronze wait only for leads a partner of a higher tier could take
        assertEquals(0, count(ds, "select count(*) from sales_lead where state = 'PUBLISHED' and silver_from is null"));
        assertTrue(count(ds, "select count(*) from sales_lead where state = 'PUBLISHED' and silver_from = published_at") > 0);
        assertTrue(count(ds, "select count(*) from sales_lead where state = 'PUBLISHED' and silver_from > published_at") > 0);
        assertEquals(0, count(ds, "select count(*) from sales_lead where state = 'PUBLISHED' and bronze_from < silver_from"));
    }

    @Test
    void theJavaMigrationRunsInOrderAndH2KeepsItsFullMarketIndex() throws SQLException {
        JdbcDataSource ds = freshH2("java-migration");
        Migrations.flyway(ds, false).migrate();

        var info = Migrations.flyway(ds, false).info();
        assertEquals(0, info.pending().length, "every migration, the Java ones among the SQL ones, applied");
        assertEquals(java.util.Arrays.stream(info.all()).map(m -> m.getVersion()).filter(java.util.Objects::nonNull)
                .max(Comparable::compareTo).orElseThrow(), info.current().getVersion(), "up to the newest");
        assertTrue(Integer.parseInt(info.current().getVersion().getVersion()) >= 23);
        assertEquals(1, count(ds, "select count(*) from information_schema.indexes where index_name = 'SALES_LEAD_MARKET_CONSENT'"));
    }

    @Test
    void timelineReasonsOfEarlierVersionsBecomeCodesThePagesCanName() throws SQLException {
        JdbcDataSource ds = freshH2("move-reasons");
        org.flywaydb.core.Flyway.configure(Migrations.class.getClassLoader())
                .configuration(Migrations.flyway(ds, false).getConfiguration()).target("7").load().migrate();
        String[][] reasons = {
                {"received from web-form", "RECEIVED|web-form"},
                {"review: region DE-HH is not in country AT", "REVIEW|region DE-HH is not in country AT"},
                {"qualified", "QUALIFIED"},
                {"published to the partner pool", "PUBLISHED"},
                {"taken back from the pool", "TAKEN_BACK"},
                {"claimed for nordlicht", "CLAIMED|nordlicht"},
                {"first contact: call", "FIRST_CONTACT|CALL"},
                {"returned by nordlicht: EXISTING_CUSTOMER", "RETURNED|nordlicht|EXISTING_CUSTOMER"},
                {"taken back from rheinwerk: no activity logged within 48 h of the claim", "RECALLED|rheinwerk|48"},
                {"closed: already a customer: of ours", "CLOSED|already a customer: of ours"}};
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("insert into sales_lead (state, source, external_id, company_name, size_class, "
                    + "country, region, product, score, created_at) "
                    + "values ('NEW', 't', 'x', 'X', 'SMALL', 'DE', 'DE-HH', 'SDWAN', 0, now())");
            for (String[] reason : reasons) {
                c.createStatement().execute("insert into lead_transition (lead_id, at, actor, to_state, reason) "
                        + "select max(id), now(), 'test', 'NEW', '" + reason[0] + "' from sales_lead");
            }
        }
        Migrations.flyway(ds, false).migrate();

        for (String[] reason : reasons) {
            assertEquals(1, count(ds, "select count(*) from lead_transition where reason = '" + reason[1] + "'"), reason[0]);
            MoveReason.Decoded decoded = MoveReason.decode(reason[1]);
            assertEquals(reason[1], decoded.reason().encode(decoded.values().toArray()), "read back as stored");
        }
    }

    @Test
    void withoutDemoDataNoPartnerIsCreated() throws SQLException {
        JdbcDataSource ds = freshH2("production");
        Migrations.flyway(ds, false).migrate();

        assertEquals(0, count(ds, "select count(*) from partner"));
        assertEquals(0, count(ds, "select count(*) from sales_lead"));
        assertEquals(33, count(ds, "select count(*) from region"));
    }

    @Test
    void aTableOfTheServerCreatedFirstDoesNotStopTheMigrations() throws SQLException {
        JdbcDataSource ds = freshH2("timers-first");
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("create table jboss_ejb_timer (id varchar(80) primary key)");
        }
        Migrations.flyway(ds, false).migrate();

        assertEquals(33, count(ds, "select count(*) from region"));
    }

    private static long count(JdbcDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
