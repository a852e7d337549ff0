package com.partnerportal.webhook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.platform.Migrations;
import com.partnerportal.platform.NamedSql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The outbox writes a move's messages from the receivers it holds in memory, which may be a moment behind:
 * on the real schema (in-memory H2), a message to an endpoint deleted or disabled meanwhile is not written,
 * and the move's others are, each with its own key.
 */
class OutboxInsertTest {

    @Test
    void aMessageToAnEndpointDeletedOrDisabledMeanwhileIsLeftOutAndTheOthersAreWritten() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:outbox-insert;DB_CLOSE_DELAY=-1");
        Migrations.flyway(ds, false).migrate();
        try (Connection connection = ds.getConnection(); Statement sql = connection.createStatement()) {
            for (String url : List.of("https://crm.example/a", "https://crm.example/b", "https://crm.example/c", "https://crm.example/d")) {
                sql.executeUpdate("insert into webhook_endpoint (url, events, secret, created_at, created_by) values ('" + url
                        + "', 'lead.claimed', 'whsec_x', current_timestamp, 'test')");
            }
            long[] endpoints = longs(sql, "select id from webhook_endpoint order by id");
            sql.executeUpdate("delete from webhook_endpoint where id = " + endpoints[1]);
            sql.executeUpdate("update webhook_endpoint set enabled = false where id = " + endpoints[2]);

            Instant now = Instant.parse("2026-12-07T10:00:00Z");
            List<Map<String, Object>> messages = java.util.Arrays.stream(endpoints).mapToObj(endpoint -> Map.<String, Object>of(
                    "endpoint", endpoint, "message", "msg_" + endpoint, "type", "lead.claimed", "lead", 7L,
                    "payload", "{}", "now", now, "until", now.plusSeconds(60))).toList();
            long[] keys = Outbox.INSERT.insertEach(connection, messages, "id");

            assertEquals(NamedSql.NOT_INSERTED, keys[1]);
            assertEquals(NamedSql.NOT_INSERTED, keys[2]);
            assertTrue(keys[0] > 0 && keys[3] > keys[0], () -> java.util.Arrays.toString(keys));
            assertArrayEquals(new long[] {keys[0], keys[3]}, longs(sql, "select id from webhook_message order by id"));
            assertArrayEquals(new long[] {endpoints[0], endpoints[3]}, longs(sql, "select endpoint_id from webhook_message order by id"));
            assertEquals(2, longs(sql, "select id from webhook_message where state = 'SENDING' and message_id like 'msg_%'").length);
        }
    }

    private static long[] longs(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            List<Long> values = new java.util.ArrayList<>();
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
            return values.stream().mapToLong(Long::longValue).toArray();
        }
    }
}
