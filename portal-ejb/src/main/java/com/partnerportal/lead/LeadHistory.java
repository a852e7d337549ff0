package com.partnerportal.lead;

import com.partnerportal.platform.Caller;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** Records every move of a lead and reads a lead back with its timeline. */
@Stateless
public class LeadHistory {

    @PersistenceContext
    private EntityManager em;

    public void record(long leadId, Instant at, String actor, LeadState from, LeadState to, String reason) {
        // a plain insert: the transition is never read back as an entity in the same transaction,
        // and the claim, which records one each time, saves the entity's round of generated keys
        var insert = em.createNativeQuery(from == null
                        ? "insert into lead_transition (lead_id, at, actor, to_state, reason) values (:lead, :at, :actor, :to, :reason)"
                        : "insert into lead_transition (lead_id, at, actor, from_state, to_state, reason) values (:lead, :at, :actor, :from, :to, :reason)")
                .setParameter("lead", leadId).setParameter("at", at).setParameter("actor", actor)
                .setParameter("to", to.name()).setParameter("reason", reason);
        if (from != null) {
            insert.setParameter("from", from.name());
        }
        insert.executeUpdate();
    }

    public void record(Lead lead, Caller caller, Instant at, LeadState from, String reason) {
        record(lead.id(), at, caller.username(), from, lead.state(), reason);
    }

    public LeadView view(Lead lead) {
        List<LeadView.TransitionView> timeline = em.createQuery(
                        "select t from LeadTransition t where t.leadId = :id order by t.at, t.id", LeadTransition.class)
                .setParameter("id", lead.id())
                .getResultStream().map(LeadTransition::toView).toList();
        return lead.toView(timeline);
    }
}
