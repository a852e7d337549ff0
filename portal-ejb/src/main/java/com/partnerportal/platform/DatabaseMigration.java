package com.partnerportal.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date before the portal serves anything. Demo partners are a migration
 * location of their own, applied only where {@code portal.demo-data} is true (demo run, tests).
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
        var result = configure(dataSource, demo).load().migrate();
        LOG.info(() -> "Schema migrated: " + result.migrationsExecuted + " migration(s) applied, demo data " + demo);
        done = true;
    }

    /** The one Flyway configuration of the portal; tests run the same migrations through it. */
    public static org.flywaydb.core.api.configuration.FluentConfiguration configure(DataSource dataSource, boolean demo) {
        return Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(demo ? new String[] {"classpath:db/migration", "classpath:db/demo"}
                                : new String[] {"classpath:db/migration"});
    }

    public boolean isDone() {
        return done;
    }
}
