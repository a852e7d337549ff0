package com.partnerportal.lead;

import com.partnerportal.platform.NamedSql;
import com.partnerportal.platform.NotFoundException;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Records every move of a lead and reads a lead back with its timeline, over plain JDBC on the
 * transaction's connection: the claim, the hottest path, has no entity to go through, and the
 * services flush their entity first, so that there is one way to write a move and one to read a lead.
 */
@Stateless
public class LeadHistory {

    /** The length of the timeline's reason column: a longer reason keeps its start. */
    private static final int REASON_LENGTH = 500;

    private static final NamedSql RECORD = new NamedSql("""
            insert into lead_transition (lead_id, at, actor, from_state, to_state, reason)
            values (:lead, :at, :actor, :from, :to, :reason)""");

    /**
     * The columns of a lead with its timeline, {@code l} the lead and {@code t} its moves: the lead's
     * columns repeat on each move. The claim reads the same columns from its own statement.
     */
    public static final String VIEW_COLUMNS = """
            l.id, l.state, l.source, l.external_id, l.campaign,
            l.company_name, l.size_class, l.industry, l.country, l.region,
            l.contact_first_name, l.contact_last_name, l.contact_email, l.contact_phone, l.contact_street,
            l.contact_postal_code, l.contact_city,
            l.product, l.required_certification, l.revenue_amount, l.revenue_currency, l.score, l.buying_signals,
            l.handover_reason, l.prospect_asked, l.promised, l.next_step, l.review_note,
            l.partner_key, l.published_at, l.claimed_at, l.last_activity_at, l.created_at,
            l.assignee, l.expected_revenue_amount, l.expected_revenue_currency, l.expected_close_date, l.follow_up_at,
            l.loss_reason_code, l.loss_comment, l.won_revenue_amount, l.won_revenue_currency, l.closed_at, l.version,
            l.consent_required, l.erased_at, l.signals, l.score_reasons, l.routing_outcome, l.routing_rule,
            t.at, t.actor, t.from_state, t.to_state, t.reason""";

    /** A lead and its timeline in one round trip. */
    private static final NamedSql LEAD_WITH_TIMELINE = new NamedSql("select " + VIEW_COLUMNS + """

            from sales_lead l left join lead_transition t on t.lead_id = l.id
            where l.id = :id
            order by t.at, t.id""");

    @PersistenceContext
    private EntityManager em;

    @Resource(lookup = "java:jboss/datasources/PortalDS")
    private DataSource database;

    /**
     * Records a move of the lead, after the persistence context's own changes (the row it refers to);
     * for {@link LeadMoves}, which makes the moves.
     */
    public void record(long leadId, Instant at, String actor, LeadState from, LeadState to, String reason) {
        onConnection(connection -> {
            record(connection, leadId, at, actor, from, to, reason);
            return null;
        });
    }

    /** Records a move of the lead on the transaction's connection. */
    public static void record(Connection connection, long leadId, Instant at, String actor, LeadState from,
                              LeadState to, String reason) throws SQLException {
        RECORD.update(connection, values(new Move(leadId, at, actor, from, to, reason)));
    }

    /** A move of a lead as the timeline keeps it: the first move of a lead comes from no state. */
    public record Move(long leadId, Instant at, String actor, LeadState from, LeadState to, String reason) {
    }

    /** Records moves of many leads in one round trip (the leads of an import's chunk), as {@link #record} one. */
    public void recordAll(List<Move> moves) {
        if (moves.isEmpty()) {
            return;
        }
        onConnection(connection -> RECORD.updateEach(connection, moves.stream().map(LeadHistory::values).toList()));
    }

    private static Map<String, Object> values(Move move) {
        Map<String, Object> values = new HashMap<>(); // the first move has no from, a move may have no reason
        values.put("lead", move.leadId());
        values.put("at", move.at());
        values.put("actor", move.actor());
        values.put("from", move.from() == null ? null : move.from().name());
        values.put("to", move.to().name());
        values.put("reason", move.reason() == null || move.reason().length() <= REASON_LENGTH
                ? move.reason() : move.reason().substring(0, REASON_LENGTH));
        return values;
    }

    /** New leads wait for review for these reasons, by lead: in one round trip. */
    public void holdNew(Map<Long, List<ReviewReason>> reasons) {
        if (reasons.isEmpty()) {
            return;
        }
        onConnection(connection -> {
            ReviewReasons.add(connection, reasons);
            return null;
        });
    }

    /** The lead waits for review for these reasons (none: it waits no longer). */
    public void hold(long leadId, java.util.List<ReviewReason> reasons) {
        onConnection(connection -> {
            ReviewReasons.hold(connection, leadId, reasons);
            return null;
        });
    }

    /** The lead as stored, its own unflushed changes included, with its timeline. */
    public LeadView view(Lead lead) {
        return view(lead.id());
    }

    /** The lead as stored (flushed), with its timeline. */
    public LeadView view(long leadId) {
        return onConnection(connection -> view(connection, leadId));
    }

    /** The lead with its timeline, on the transaction's connection. */
    public static LeadView view(Connection connection, long leadId) throws SQLException {
        try (PreparedStatement statement = LEAD_WITH_TIMELINE.prepare(connection, Map.of("id", leadId));
             ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw new NotFoundException("Lead " + leadId);
            }
            LeadView lead = view(rows);
            return lead.state() == LeadState.QUARANTINE ? lead.heldFor(ReviewReasons.of(connection, leadId)) : lead;
        }
    }

    /**
     * The lead with its timeline from rows of {@link #VIEW_COLUMNS} in timeline order, the first
     * row current: reads them all.
     */
    public static LeadView view(ResultSet row) throws SQLException {
        List<LeadView.TransitionView> timeline = new ArrayList<>();
        LeadView lead = new LeadView(row.getLong(1), LeadState.valueOf(row.getString(2)), row.getString(3),
                row.getString(4), row.getString(5),
                new LeadInput.Company(row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                        row.getString(10)),
                instant(row, 46) != null ? null : new LeadInput.Contact(row.getString(11), row.getString(12),
                        row.getString(13), row.getString(14), row.getString(15), row.getString(16), row.getString(17)),
                row.getString(18), row.getString(19), Money.of(row.getBigDecimal(20), row.getString(21)),
                row.getInt(22), row.getString(23),
                handover(row.getString(24), row.getString(25), row.getString(26), row.getString(27)),
                row.getString(28), List.of(), row.getString(29), instant(row, 30), instant(row, 31), instant(row, 32),
                instant(row, 33), row.getString(34), Money.of(row.getBigDecimal(35), row.getString(36)),
                row.getObject(37, LocalDate.class), instant(row, 38), row.getString(39), row.getString(40),
                Money.of(row.getBigDecimal(41), row.getString(42)), instant(row, 43), row.getLong(44), row.getBoolean(45), instant(row, 46),
                BuyingSignal.decode(row.getString(47)), ScorePoints.decode(row.getString(48)),
                row.getString(49) == null ? null : RoutingVerdict.Outcome.valueOf(row.getString(49)),
                RoutingTerms.decode(row.getString(50)), timeline);
        do {
            Instant at = instant(row, 51);
            if (at != null) {
                String from = row.getString(53);
                timeline.add(LeadView.TransitionView.of(at, row.getString(52),
                        from == null ? null : LeadState.valueOf(from), LeadState.valueOf(row.getString(54)),
                        row.getString(55)));
            }
        } while (row.next());
        return lead;
    }

    /** The handover protocol as shown, or none when nothing of it was written. */
    private static LeadInput.Handover handover(String reason, String prospectAsked, String promised, String nextStep) {
        return reason != null && !reason.isBlank() || prospectAsked != null
                ? new LeadInput.Handover(reason, prospectAsked, promised, nextStep) : null;
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Runs JDBC work on the transaction's connection, after the persistence context is flushed. */
    private <T> T onConnection(JdbcWork<T> work) {
        em.flush();
        try (Connection connection = database.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new PersistenceException("The lead's history could not be written or read", e);
        }
    }

    private interface JdbcWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
