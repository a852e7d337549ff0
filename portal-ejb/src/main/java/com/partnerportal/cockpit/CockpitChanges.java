package com.partnerportal.cockpit;

import com.partnerportal.lead.LeadChanged;
import com.partnerportal.lead.LeadMoved;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import javax.sql.DataSource;

/**
 * Marks the day of every lead that moves or changes, in the transaction that moves it, for
 * {@link CockpitCells} to build again: one small insert on the transaction's connection (plain JDBC:
 * it runs in every claim), no lock shared with other moves.
 */
@ApplicationScoped
public class CockpitChanges {

    @Resource(lookup = "java:jboss/datasources/PortalDS")
    private DataSource database;

    void moved(@Observes LeadMoved moved) {
        if (moved.from() != null) { // a new lead is in no day yet
            mark(moved.leadId(), null);
        }
    }

    void changed(@Observes LeadChanged changed) {
        mark(changed.leadId(), null);
        if (changed.publishedBefore() != null) {
            mark(null, changed.publishedBefore().atZone(Cohort.ZONE).toLocalDate());
        }
    }

    /** A lead (its day, whichever it is when it is built), or a day a lead left: one of the two. */
    private void mark(Long leadId, LocalDate left) {
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into cockpit_change (lead_id, published_on) values (?, ?)")) {
            if (leadId == null) {
                insert.setNull(1, Types.BIGINT);
            } else {
                insert.setLong(1, leadId);
            }
            if (left == null) {
                insert.setNull(2, Types.DATE);
            } else {
                insert.setObject(2, left);
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("The cockpit could not mark a changed lead", e);
        }
    }
}
