package com.partnerportal.cockpit;

import com.partnerportal.lead.LeadChanged;
import com.partnerportal.lead.LeadMoved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Marks the day of every lead that moves or changes, in the transaction that moves it, for
 * {@link CockpitCells} to build again: one small insert, no lock shared with other moves.
 */
@ApplicationScoped
public class CockpitChanges {

    @PersistenceContext
    private EntityManager em;

    void moved(@Observes LeadMoved moved) {
        if (moved.from() != null) { // a new lead is in no day yet
            mark(moved.leadId());
        }
    }

    void changed(@Observes LeadChanged changed) {
        mark(changed.leadId());
        if (changed.publishedBefore() != null) {
            em.createNativeQuery("insert into cockpit_change (published_on) values (:day)")
                    .setParameter("day", changed.publishedBefore().atZone(Cohort.ZONE).toLocalDate()).executeUpdate();
        }
    }

    private void mark(long leadId) {
        em.createNativeQuery("insert into cockpit_change (lead_id) values (:id)").setParameter("id", leadId).executeUpdate();
    }
}
