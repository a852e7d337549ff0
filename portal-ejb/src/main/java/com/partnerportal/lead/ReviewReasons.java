package com.partnerportal.lead;

import com.partnerportal.platform.NamedSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Why each lead waits for review ({@code review_reason}): written when the intake holds a lead, cleared
 * by the reviewer's decision. A lead in any other state has none.
 */
public final class ReviewReasons {

    private static final NamedSql CLEAR = new NamedSql("delete from review_reason where lead_id = :lead");
    private static final NamedSql ADD = new NamedSql("""
            insert into review_reason (lead_id, code, arguments) values (:lead, :code, :arguments)""");
    private static final NamedSql OF = new NamedSql("""
            select code, arguments from review_reason where lead_id = :lead order by id""");

    private ReviewReasons() {
    }

    /** The lead is held for these reasons, and only these. */
    static void hold(Connection connection, long leadId, List<ReviewReason> reasons) throws SQLException {
        clear(connection, leadId);
        for (ReviewReason reason : reasons) {
            ADD.update(connection, Map.of("lead", leadId, "code", reason.code().name(),
                    "arguments", reason.storedArguments()));
        }
    }

    /** Leads that wait for no reason yet are held for these, by lead, in one round trip. */
    static void add(Connection connection, Map<Long, List<ReviewReason>> reasons) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        reasons.forEach((leadId, of) -> of.forEach(reason -> rows.add(Map.of("lead", leadId,
                "code", reason.code().name(), "arguments", reason.storedArguments()))));
        ADD.updateEach(connection, rows);
    }

    static void clear(Connection connection, long leadId) throws SQLException {
        CLEAR.update(connection, Map.of("lead", leadId));
    }

    public static List<ReviewReason> of(Connection connection, long leadId) throws SQLException {
        List<ReviewReason> reasons = new ArrayList<>();
        try (PreparedStatement statement = OF.prepare(connection, Map.of("lead", leadId));
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                reasons.add(ReviewReason.stored(rows.getString(1), rows.getString(2)));
            }
        }
        return reasons;
    }
}
