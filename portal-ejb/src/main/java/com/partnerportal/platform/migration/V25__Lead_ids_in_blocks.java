package com.partnerportal.platform.migration;

import com.partnerportal.platform.Databases;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A lead's id comes from a sequence that hands out blocks of 50 instead of the column's identity,
 * which the database fills in only at the insert: with the id known before, the leads of an import's
 * chunk are inserted in one batch, not one round trip each. Inserts that name no id (the demo data, the
 * bench's load) take the sequence's next value as the column's default, never one of a block handed out.
 */
public class V25__Lead_ids_in_blocks extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        boolean postgres = Databases.isPostgres(context.getConnection());
        try (Statement statement = context.getConnection().createStatement()) {
            long start;
            try (ResultSet max = statement.executeQuery("select coalesce(max(id), 0) from sales_lead")) {
                max.next();
                start = max.getLong(1) + 100; // the first block (the 49 ids below its first value) above every id taken
            }
            statement.execute("alter table sales_lead alter column id drop identity");
            statement.execute("create sequence sales_lead_ids start with " + start + " increment by 50");
            statement.execute("alter table sales_lead alter column id set default "
                    + (postgres ? "nextval('sales_lead_ids')" : "next value for sales_lead_ids"));
        }
    }
}
