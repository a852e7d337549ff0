package com.partnerportal.platform.migration;

import com.partnerportal.platform.Databases;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, the mails not sent yet and the webhook messages not delivered yet get indexes that
 * hold only them: the old ones held every notification (a due time long past is a due time all the
 * same, so the sweep read the whole table, 5 ms at 46,000 notifications, every few seconds while leads
 * were published) and every message's every version. A row leaves such an index when it is done, so
 * it stays as small as what waits. H2, which has no partial index, keeps the old ones: it is the
 * embedded database of development and tests.
 */
public class V27__Indexes_of_what_waits extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!Databases.isPostgres(context.getConnection())) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("create index notification_mail_waiting on notification (mail_due) where mailed_at is null");
            statement.execute("drop index notification_mail_due");
            statement.execute("create index webhook_message_waiting on webhook_message (id) where state in ('PENDING', 'SENDING')");
            statement.execute("drop index webhook_message_due");
        }
    }
}
