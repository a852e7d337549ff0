package com.partnerportal.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Brings the schema up to date before the portal serves anything; demo partners only where
 * {@code portal.demo-data} is true (demo run, tests).
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = "java:jboss/datasources/PortalDS")
    private DataSource dataSource;

    private volatile boolean done;

    @PostConstruct
    void migrate() {
        boolean demo = Boolean.parseBoolean(Settings.value("portal.demo-data", "false"));
        var result = Migrations.flyway(dataSource, demo).migrate();
        LOG.info(() -> "Schema migrated: " + result.migrationsExecuted + " migration(s) applied, demo data " + demo);
        done = true;
    }

    public boolean isDone() {
        return done;
    }
}
