package com.partnerportal.lead;

import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.ConflictException;
import com.partnerportal.platform.NotFoundException;
import com.partnerportal.platform.Role;
import com.partnerportal.platform.Validation;
import com.partnerportal.reference.Catalog;
import com.partnerportal.reference.ReferenceCatalog;
import com.partnerportal.reference.RegionCoverage;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The channel manager's decisions on a lead held for review, and corrections of its data: each
 * decision moves the lead through {@link LeadMoves} and clears its review reasons. A lead is decided
 * once: a second decision (another reviewer, a double click) finds it no longer held (409).
 */
@Stateless
public class LeadReview {

    /** A decision with what it needs: the lead to merge into, the reject reason, the owner to route to, a note. */
    public record Decided(ReviewDecision decision, Long into, String reasonCode, String owner, String customerKey,
                          String note) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private LeadMoves moves;

    @Inject
    private LeadHistory history;

    @Inject
    private ReferenceCatalog catalog;

    @Inject
    private LeadService leads;

    @Inject
    private Clock clock;

    @Inject
    private ConsentRules consentRules;

    /** The lead held for review, locked for the decision: 404 unknown, 409 no longer held. */
    public LeadView held(Caller caller, long id) {
        return history.view(lockHeld(caller, id));
    }

    /**
     * Describes the held lead anew from {@code input} (its data with the reviewer's corrections), as
     * the intake checks a delivery: 400 naming the field of a bad correction.
     */
    public void correct(Caller caller, long id, LeadInput input) {
        Lead lead = lockHeld(caller, id);
        LeadRules.Checked checked = leads.check(input);
        if (!checked.source().equals(lead.source()) || !checked.externalId().equals(lead.externalId())) {
            throw new IllegalArgumentException("A correction keeps the lead's source and external id");
        }
        lead.describe(checked);
    }

    public LeadView decide(Caller caller, long id, Decided decided) {
        Lead lead = lockHeld(caller, id);
        Instant now = clock.instant();
        String actor = caller.username();
        Validation v = new Validation();
        switch (decided.decision()) {
            case RELEASE -> {
                if (!catalog.countries().contains(lead.country())) {
                    v.reject("country", "notServed");
                } else if (!RegionCoverage.countryOf(lead.region()).equals(lead.country())) {
                    v.reject("region", "notServed");
                }
                v.throwIfInvalid();
                moves.move(lead, lead.hasHandover() ? LeadState.QUALIFIED : LeadState.NEW, actor, now,
                        MoveReason.RELEASED.encode());
            }
            case NURTURE -> moves.move(lead, LeadState.NURTURE, actor, now, MoveReason.NURTURE.encode());
            case REJECT -> {
                String code = decided.reasonCode() == null ? null : decided.reasonCode().strip();
                if (code == null || code.isEmpty()) {
                    v.reject("reasonCode", "required");
                } else if (!catalog.activeCodes(Catalog.REJECT_REASON).contains(code)) {
                    v.reject("reasonCode", "unknownCode", code);
                }
                v.throwIfInvalid();
                moves.move(lead, LeadState.REJECTED, actor, now, MoveReason.REJECTED.encode(code));
            }
            case MERGE -> {
                Lead into = decided.into() == null ? null : em.find(Lead.class, decided.into());
                if (decided.into() == null) {
                    v.reject("into", "required");
                } else if (into == null || into.id().equals(lead.id()) || into.state() == LeadState.REJECTED) {
                    v.reject("into", "unknownCode", decided.into());
                }
                v.throwIfInvalid();
                into.fillContactFrom(lead);
                moves.move(lead, LeadState.REJECTED, actor, now, MoveReason.MERGED.encode(into.id()));
            }
            case ROUTE_TO_OWNER -> {
                if (decided.owner() == null) {
                    throw new ConflictException("NO_OWNER", "This lead's company is no customer of a partner");
                }
                if (!consentRules.allows(lead, decided.owner())) {
                    throw new ConflictException("OWNER_CONSENT", "The prospect has not allowed " + decided.owner()
                            + " to contact them: record their consent on the lead page first");
                }
                moves.handTo(lead, decided.owner(), actor, now,
                        MoveReason.ROUTED.encode(decided.customerKey(), decided.owner()));
            }
            default -> throw new IllegalStateException(decided.decision().name());
        }
        lead.noteReview(decided.note());
        history.hold(lead.id(), List.of());
        return history.view(lead);
    }

    private Lead lockHeld(Caller caller, long id) {
        if (!caller.has(Role.CHANNEL_MANAGER)) {
            throw new AccessDeniedException("The review queue is the channel manager's");
        }
        Lead lead = em.find(Lead.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (lead == null) {
            throw new NotFoundException("Lead " + id);
        }
        if (lead.state() != LeadState.QUARANTINE) {
            throw new ConflictException("NOT_HELD", "Lead " + id + " is not held for review (it is " + lead.state() + ")");
        }
        return lead;
    }
}
