package com.partnerportal.platform.migration;

import com.partnerportal.marketplace.TierWindows;
import com.partnerportal.platform.Databases;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Each published lead keeps when it opens to Silver and to Bronze ({@link TierWindows}): a lower tier
 * waits only where a partner of a higher tier could take the lead. The leads in the pool get their
 * times from the partners of today; the market index carries the two columns, so that the feeds of
 * Silver and Bronze are still read from the index alone.
 */
public class V9__Tier_windows_per_lead extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        boolean postgres = Databases.isPostgres(context.getConnection());
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("alter table sales_lead add column silver_from timestamp with time zone");
            statement.execute("alter table sales_lead add column bronze_from timestamp with time zone");
            if (postgres) {
                statement.execute("""
                        create index sales_lead_market_tiers on sales_lead
                            (region, product, size_class, published_at, silver_from, bronze_from,
                             required_certification, score, id)
                        where state = 'PUBLISHED'""");
                statement.execute("drop index sales_lead_market_pool");
            } else {
                statement.execute("""
                        create index sales_lead_market_tiers on sales_lead
                            (state, region, product, size_class, published_at, silver_from, bronze_from,
                             required_certification, score, id)""");
                statement.execute("drop index sales_lead_market");
            }
        }
        // the windows of the leads in the pool are set by migration 15: the pool's rules read its tables
    }
}
