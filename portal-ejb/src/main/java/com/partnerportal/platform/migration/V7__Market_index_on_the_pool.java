package com.partnerportal.platform.migration;

import com.partnerportal.platform.Databases;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL the market index covers the pool only, the one fifth of leads that are published:
 * the feed reads a smaller index, and a claim, which takes its lead out of the pool, no longer
 * writes an entry into it. H2 has no partial indexes and keeps the full index of migration 5.
 */
public class V7__Market_index_on_the_pool extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!Databases.isPostgres(context.getConnection())) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("""
                    create index sales_lead_market_pool on sales_lead
                        (region, product, size_class, published_at, required_certification, score, id)
                    where state = 'PUBLISHED'""");
            statement.execute("drop index sales_lead_market");
        }
    }
}
