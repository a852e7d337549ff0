package com.partnerportal.platform;

import com.partnerportal.platform.migration.V7__Market_index_on_the_pool;
import com.partnerportal.platform.migration.V9__Tier_windows_per_lead;
import com.partnerportal.platform.migration.V12__Returns_as_data;
import com.partnerportal.platform.migration.V14__Cockpit_cells;
import com.partnerportal.platform.migration.V15__Consent;
import com.partnerportal.platform.migration.V17__Intake_quality;
import com.partnerportal.platform.migration.V25__Lead_ids_in_blocks;
import com.partnerportal.platform.migration.V27__Indexes_of_what_waits;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The one Flyway set-up of the portal, used by the server at start and by the tests. Demo partners
 * are a migration location of their own ({@code db/demo}), added only when asked for. Migrations
 * that differ by database are Java, registered here.
 */
public final class Migrations {

    private Migrations() {
    }

    public static Flyway flyway(DataSource dataSource, boolean demo) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                // WildFly's persistent timers keep their table in the same database and may create it
                // before the first migration runs; everything of the portal's own comes after version 0
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .locations(demo ? new String[] {"classpath:db/migration", "classpath:db/demo"}
                                : new String[] {"classpath:db/migration"})
                .javaMigrations(new V7__Market_index_on_the_pool(), new V9__Tier_windows_per_lead(), new V12__Returns_as_data(),
                        new V14__Cockpit_cells(), new V15__Consent(), new V17__Intake_quality(), new V25__Lead_ids_in_blocks(),
                        new V27__Indexes_of_what_waits())
                .load();
    }
}
