package com.partnerportal.cockpit;

import com.partnerportal.lead.LeadChanged;
import com.partnerportal.lead.LeadMoved;
import com.partnerportal.lead.LeadState;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Marks every lead that moves or changes, in the transaction that moves it, for {@link CockpitCells}
 * to count again: one small insert on the transaction's connection, no lock
 * shared with other moves. The claim, the marketplace's hottest write, marks its lead in its own
 * statement ({@link #mark(Connection, long)}, or the same insert in its one statement on PostgreSQL),
 * as it records its own move; its announcement is not marked again here.
 */
@ApplicationScoped
public class CockpitChanges {

    @Resource(lookup = "java:jboss/datasources/PortalDS")
    private DataSource database;

    /** The mark of a lead, as the claim writes it on its connection. */
    public static final String MARK_SQL = "insert into cockpit_change (lead_id) values (?)";

    void moved(@Observes LeadMoved moved) {
        boolean claim = moved.from() == LeadState.PUBLISHED && moved.to() == LeadState.CLAIMED;
        if (moved.from() != null && !claim) { // a new lead is in no day yet; the claim marked its own
            changed(new LeadChanged(moved.leadId()));
        }
    }

    /** Marks a lead on this connection: for the claim. */
    public static void mark(Connection connection, long leadId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(MARK_SQL)) {
            insert.setLong(1, leadId);
            insert.executeUpdate();
        }
    }

    void changed(@Observes LeadChanged changed) {
        try (Connection connection = database.getConnection()) {
            mark(connection, changed.leadId());
        } catch (SQLException e) {
            throw new PersistenceException("The cockpit could not mark a changed lead", e);
        }
    }
}
