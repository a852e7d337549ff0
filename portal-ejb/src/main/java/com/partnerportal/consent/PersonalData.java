package com.partnerportal.consent;

import com.partnerportal.lead.Lead;
import com.partnerportal.lead.LeadActivity;
import com.partnerportal.lead.LeadHistory;
import com.partnerportal.lead.LeadMoves;
import com.partnerportal.lead.LeadState;
import com.partnerportal.lead.LeadView;
import com.partnerportal.lead.LeadWork;
import com.partnerportal.lead.MoveReason;
import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.NotFoundException;
import com.partnerportal.platform.Role;
import com.partnerportal.privacy.Access;
import com.partnerportal.privacy.ContactAudit;
import com.partnerportal.privacy.ProspectErased;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The data subject's rights over a prospect's personal data, for the channel manager who answers the
 * request: everything the portal holds about the prospect as one document (GDPR Art. 15 and 20), and
 * its erasure (Art. 17). Both say where the prospect's name, e-mail and phone are still found, from a
 * search of every text column of every table: before an erasure, where they are held; after it, that
 * they are held nowhere.
 */
@Stateless
public class PersonalData {

    private static final Set<Integer> TEXT_TYPES = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB,
            Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.NCLOB);

    /** Everything about a prospect: the lead, what was done, the consents, who saw the contact, where it is held. */
    public record Export(Instant exportedAt, LeadView lead, List<LeadActivity.View> activities, ConsentsView consents,
                         List<ContactAudit.Entry> access, List<String> heldIn) {
    }

    /** An erasure done: when, the lead's state after it, and where the erased values are still found (nowhere). */
    public record Erasure(long lead, Instant erasedAt, LeadState state, List<String> heldIn) {
    }

    @PersistenceContext
    private EntityManager em;

    @Resource(lookup = "java:jboss/datasources/PortalDS")
    private DataSource database;

    @Inject
    private LeadHistory history;

    @Inject
    private LeadWork work;

    @Inject
    private Consents consents;

    @Inject
    private ContactAudit audit;

    @Inject
    private LeadMoves moves;

    @Inject
    private Clock clock;

    @Inject
    private Event<ProspectErased> erased;

    public Export export(Caller caller, long leadId) {
        channelManagerOnly(caller);
        Lead lead = em.find(Lead.class, leadId);
        if (lead == null) {
            throw new NotFoundException("Lead " + leadId);
        }
        LeadView view = history.view(lead);
        audit.revealed(caller, view, Access.DATA_EXPORT);
        return new Export(clock.instant(), view, work.activities(caller, leadId), consents.view(caller, leadId),
                audit.ofLead(leadId), heldIn(lead.prospectIdentifiers()));
    }

    /**
     * Erases the prospect: a lead still in play is withdrawn through the one owner of moves (a holding
     * partner gets its slot back and is told, without the prospect's data); the contact and every free
     * text about the prospect are removed, the prospect's values taken out of the timeline, open consent
     * links used up. The numbers, the timeline's moves and the proof of consent decisions stay. Erasing
     * again changes nothing.
     */
    public Erasure erase(Caller caller, long leadId) {
        channelManagerOnly(caller);
        Lead lead = em.find(Lead.class, leadId, LockModeType.PESSIMISTIC_WRITE);
        if (lead == null) {
            throw new NotFoundException("Lead " + leadId);
        }
        if (lead.erasedAt() != null) {
            return new Erasure(leadId, lead.erasedAt(), lead.state(), List.of());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as the databases keep it
        List<String> values = lead.prospectIdentifiers();
        String holder = lead.partnerKey();
        lead.erase(now); // first: the withdrawal's announcements (a webhook to the manufacturer) carry no contact
        if (lead.state().canMoveTo(LeadState.WITHDRAWN)) {
            LeadState from = moves.move(lead, LeadState.WITHDRAWN, caller.username(), now, MoveReason.ERASED.encode());
            if (holder != null && LeadState.OPEN.contains(from)) {
                consents.tellLeadGone(holder, leadId, now);
            }
        }
        em.flush();
        em.createNativeQuery("update lead_activity set note = null where lead_id = :id").setParameter("id", leadId).executeUpdate();
        em.createNativeQuery("update consent_decision set note = null where lead_id = :id").setParameter("id", leadId).executeUpdate();
        // the review's evidence (an address, a phone number) and the reviewers' corrections of the contact
        em.createNativeQuery("delete from review_reason where lead_id = :id").setParameter("id", leadId).executeUpdate();
        em.createNativeQuery("delete from lead_correction where lead_id = :id").setParameter("id", leadId).executeUpdate();
        em.createNativeQuery("update consent_invitation set used_at = :now where lead_id = :id and used_at is null")
                .setParameter("id", leadId).setParameter("now", now).executeUpdate();
        for (String value : values) {
            em.createNativeQuery("update lead_transition set reason = replace(reason, :value, :erased) where lead_id = :id")
                    .setParameter("value", value).setParameter("erased", ProspectErased.MARK).setParameter("id", leadId).executeUpdate();
        }
        erased.fire(new ProspectErased(leadId, values));
        return new Erasure(leadId, now, lead.state(), heldIn(values));
    }

    /**
     * The columns ({@code table.column}) of every table that hold any of these values, ignoring case:
     * one scan per table. For an export and the proof of an erasure, both rare: it reads every row.
     */
    List<String> heldIn(List<String> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        try (Connection connection = database.getConnection()) {
            List<String> found = new ArrayList<>();
            for (Map.Entry<String, List<String>> table : textColumns(connection).entrySet()) {
                found.addAll(holding(connection, table.getKey(), table.getValue(), values));
            }
            return found;
        } catch (SQLException e) {
            throw new PersistenceException("The search for the prospect's data failed", e);
        }
    }

    private static Map<String, List<String>> textColumns(Connection connection) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        DatabaseMetaData meta = connection.getMetaData();
        Set<String> plainTables = new java.util.HashSet<>();
        try (ResultSet rows = meta.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                plainTables.add(rows.getString("TABLE_NAME"));
            }
        }
        try (ResultSet rows = meta.getColumns(null, connection.getSchema(), "%", "%")) {
            while (rows.next()) {
                String table = rows.getString("TABLE_NAME");
                if (plainTables.contains(table) && TEXT_TYPES.contains(rows.getInt("DATA_TYPE"))) {
                    tables.computeIfAbsent(table, t -> new ArrayList<>()).add(rows.getString("COLUMN_NAME"));
                }
            }
        }
        return tables;
    }

    private static List<String> holding(Connection connection, String table, List<String> columns, List<String> values)
            throws SQLException {
        StringBuilder sql = new StringBuilder("select ");
        for (int c = 0; c < columns.size(); c++) {
            sql.append(c == 0 ? "" : ", ").append("max(case when ");
            for (int v = 0; v < values.size(); v++) {
                sql.append(v == 0 ? "" : " or ").append("lower(").append(quoted(columns.get(c))).append(") like ? escape '!'");
            }
            sql.append(" then 1 else 0 end)");
        }
        sql.append(" from ").append(quoted(table));
        List<String> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            int index = 1;
            for (int c = 0; c < columns.size(); c++) {
                for (String value : values) {
                    select.setString(index++, "%" + value.toLowerCase(Locale.ROOT)
                            .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
                }
            }
            try (ResultSet row = select.executeQuery()) {
                row.next();
                for (int c = 0; c < columns.size(); c++) {
                    if (row.getInt(c + 1) == 1) {
                        found.add((table + "." + columns.get(c)).toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return found;
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static void channelManagerOnly(Caller caller) {
        if (!caller.has(Role.CHANNEL_MANAGER)) {
            throw new AccessDeniedException("The prospect's rights are the channel manager's to answer");
        }
    }
}
