package com.partnerportal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals(300, count(ds, "select count(*) from sales_lead where source = 'demo'"));
        assertEquals(13, count(ds, "select count(distinct state) from sales_lead where source = 'demo'"));
        assertEquals(3, count(ds, "select count(distinct partner_key) from sales_lead where source = 'demo'"));
        assertEquals(0, count(ds, "select count(*) from sales_lead l where l.state = 'CLAIMED' and l.partner_key is null"));
        // each partner's count of open leads, which the claim checks against its capacity, matches its leads
        assertEquals(0, count(ds, """
                select count(*) from partner p where p.open_leads <> (select count(*) from sales_lead s
                    where s.partner_key = p.partner_key and s.state in ('CLAIMED', 'CONTACTED', 'SALES_QUALIFIED', 'PROPOSAL'))"""));
        assertEquals(3, count(ds, "select count(*) from partner where open_leads > 0"));
    }

    @Test
    void theJavaMigrationRunsInOrderAndH2KeepsItsFullMarketIndex() throws SQLException {
        JdbcDataSource ds = freshH2("java-migration");
        Migrations.flyway(ds, false).migrate();

        assertEquals("7", Migrations.flyway(ds, false).info().current().getVersion().getVersion());
        assertEquals(1, count(ds, "select count(*) from information_schema.indexes where index_name = 'SALES_LEAD_MARKET'"));
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
