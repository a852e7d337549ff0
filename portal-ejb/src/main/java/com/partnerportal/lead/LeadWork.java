package com.partnerportal.lead;

import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.ConflictException;
import com.partnerportal.platform.NotFoundException;
import com.partnerportal.platform.Validation;
import com.partnerportal.reference.Catalog;
import com.partnerportal.reference.ReferenceCatalog;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The holding partner's work on a lead: log what was done (which keeps the SLA) and give the lead
 * back with a reason from the catalogue. The channel manager then puts it back into the pool,
 * without the partner that returned it, or closes it.
 */
@Stateless
public class LeadWork {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private jakarta.enterprise.event.Event<LeadChanged> changed;

    @Inject
    private LeadHistory history;

    @Inject
    private ReferenceCatalog catalog;

    @Inject
    private LeadMoves moves;

    @Inject
    private Clock clock;

    @Inject
    private CustomerOwners owners;

    @Inject
    private ConsentRules consentRules;

    /** The loss reason of a lead the return reason's follow-up closed (set only so, never chosen). */
    private static final String RETURNED_LOSS = "GIVEN_BACK";

    public LeadView logActivity(Caller caller, long leadId, ActivityInput input) {
        Lead lead = held(caller, leadId);
        Instant now = clock.instant();
        Validation v = new Validation();
        ActivityKind kind = v.requireEnum("kind", input.kind(), ActivityKind.class);
        Instant at = v.optionalInstant("at", input.at());
        if (at == null) {
            at = now;
        } else if (at.isAfter(now.plus(Duration.ofMinutes(5)))) {
            v.reject("at", "future");
        } else if (lead.claimedAt() != null && at.isBefore(lead.claimedAt())) {
            v.reject("at", "beforeClaim");
        }
        String note = v.requireText("note", input.note(), 2000);
        v.throwIfInvalid();
        em.persist(new LeadActivity(leadId, kind, at, caller.username(), note));
        lead.touch(at);
        if (kind.isContact()) {
            lead.contactedAt(at);
        }
        if (kind.isContact() && lead.state() == LeadState.CLAIMED) {
            moves.move(lead, LeadState.CONTACTED, caller.username(), now, MoveReason.FIRST_CONTACT.encode(kind.name()));
        }
        changed.fire(new LeadChanged(leadId));
        return history.view(lead).seenBy(caller);
    }

    public List<LeadActivity.View> activities(Caller caller, long leadId) {
        if (!caller.isManufacturer()) {
            holding(caller, leadId);
        } else if (em.find(Lead.class, leadId) == null) {
            throw new NotFoundException("Lead " + leadId);
        }
        return em.createQuery("select a from LeadActivity a where a.leadId = :id order by a.at desc, a.id desc",
                        LeadActivity.class)
                .setParameter("id", leadId).getResultList().stream().map(LeadActivity::toView).toList();
    }

    public LeadView giveBack(Caller caller, long leadId, String reasonCode) {
        Lead lead = held(caller, leadId);
        if (!LeadAction.allowed(caller, lead.state(), lead.partnerKey(), lead.hasHandover()).contains(LeadAction.GIVE_BACK)) {
            throw new ConflictException("ILLEGAL_TRANSITION", "A lead qualified further than a first contact is closed, not given back");
        }
        String code = reasonCode == null ? null : reasonCode.strip().toUpperCase(java.util.Locale.ROOT);
        if (code == null || !catalog.activeCodes(Catalog.RETURN_REASON).contains(code)) {
            Validation v = new Validation();
            v.reject("reasonCode", code == null ? "required" : "unknownCode", reasonCode);
            v.throwIfInvalid();
        }
        String partner = lead.partnerKey();
        Instant now = clock.instant();
        moves.move(lead, LeadState.RETURNED, caller.username(), now, MoveReason.RETURNED.encode(partner, code));
        lead.release();
        exclude(leadId, partner);
        em.createNativeQuery("insert into lead_return (lead_id, partner_key, reason_code, at) values (:id, :p, :code, :at)")
                .setParameter("id", leadId).setParameter("p", partner).setParameter("code", code).setParameter("at", now)
                .executeUpdate();
        followUp(lead, partner, code, caller.username(), now);
        return history.view(lead).seenBy(caller);
    }

    /**
     * What the return reason's catalogue entry says follows (seed 004): marketing keeps it, the partner
     * that owns its company gets it (never the one that gave it back), or it is closed as lost; else, and
     * when no other partner owns the company, it waits for the channel manager.
     */
    private void followUp(Lead lead, String gaveBack, String code, String actor, Instant now) {
        switch (catalog.returnAction(code)) {
            case NURTURE -> moves.move(lead, LeadState.NURTURE, actor, now, MoveReason.RETURN_FOLLOW_UP.encode(code));
            case LOST -> {
                lead.lost(RETURNED_LOSS, null, now);
                moves.move(lead, LeadState.LOST, actor, now, MoveReason.RETURN_FOLLOW_UP.encode(code));
            }
            case OWNER -> owners.ownerOf(lead.emailDomain(), lead.companyKey(), lead.country())
                    .filter(owner -> !owner.partner().equals(gaveBack) && consentRules.allows(lead, owner.partner()))
                    .ifPresent(owner -> moves.handTo(lead, owner.partner(), actor, now,
                            MoveReason.ROUTED.encode(owner.customerKey(), owner.partner())));
            case REVIEW -> { } // RETURNED: the channel manager's
        }
    }

    /** The partner may not take this lead again: it gave it back, or the SLA took it away. */
    public void exclude(long leadId, String partnerKey) {
        boolean known = !em.createNativeQuery("select 1 from lead_exclusion where lead_id = :id and partner_key = :p")
                .setParameter("id", leadId).setParameter("p", partnerKey).getResultList().isEmpty();
        if (!known) {
            em.createNativeQuery("insert into lead_exclusion (lead_id, partner_key) values (:id, :p)")
                    .setParameter("id", leadId).setParameter("p", partnerKey).executeUpdate();
        }
    }

    /** A lead the caller's partner holds, worked or closed; anything else is not found for it. */
    private Lead holding(Caller caller, long leadId) {
        Lead lead = em.find(Lead.class, leadId);
        if (lead == null || !caller.isReseller() || caller.partnerKey() == null
                || !caller.partnerKey().equals(lead.partnerKey())) {
            throw new NotFoundException("Lead " + leadId);
        }
        return lead;
    }

    /** A lead the caller's partner holds and still works. */
    private Lead held(Caller caller, long leadId) {
        Lead lead = holding(caller, leadId);
        if (!LeadAction.allowed(caller, lead.state(), lead.partnerKey(), lead.hasHandover()).contains(LeadAction.LOG_ACTIVITY)) {
            throw new ConflictException("ILLEGAL_TRANSITION", "This lead is " + lead.state() + " and no longer worked");
        }
        if (!caller.has(com.partnerportal.platform.Role.RESELLER_REP) && !caller.has(com.partnerportal.platform.Role.RESELLER_ADMIN)) {
            throw new AccessDeniedException("Only the partner's users work its leads");
        }
        return lead;
    }
}
