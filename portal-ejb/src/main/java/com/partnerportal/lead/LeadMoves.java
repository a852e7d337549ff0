package com.partnerportal.lead;

import com.partnerportal.partner.PartnerDirectory;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * The one way a lead changes state. Each move is checked against the state machine
 * ({@link LeadState#canMoveTo}); a move out of an open state frees the holding partner's slot (its
 * count of open leads, which the claim checks against its capacity); the move is recorded on the
 * timeline and announced as {@link LeadMoved} inside the transaction, for whoever keeps something
 * about leads in a state. Only the claim and the hand-over of a customer's lead to its owner move a
 * lead into an open state from outside one: the claim takes the slot in its own statement, the
 * marketplace's hottest path, and announces its move here; the hand-over takes it here.
 */
@Stateless
public class LeadMoves {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private LeadHistory history;

    @Inject
    private PartnerDirectory directory;

    @Inject
    private Event<LeadMoved> moved;

    /** Whether a move gives the holding partner's slot back: out of an open state into one that is not. */
    public static boolean freesSlot(LeadState from, LeadState to) {
        return LeadState.OPEN.contains(from) && !LeadState.OPEN.contains(to);
    }

    /** Whether a move takes a slot of the partner: into an open state from one that is not (the claim). */
    public static boolean takesSlot(LeadState from, LeadState to) {
        return from != null && !LeadState.OPEN.contains(from) && LeadState.OPEN.contains(to);
    }

    /**
     * Moves a lead of this persistence context to {@code to}, or refuses (409) a move the state
     * machine does not allow; returns the state it came from.
     */
    public LeadState move(Lead lead, LeadState to, String actor, Instant at, String reason) {
        String holder = lead.partnerKey();
        LeadState from = lead.moveTo(to);
        if (takesSlot(from, to)) {
            throw new IllegalStateException("Only the claim moves a lead into an open state: " + from + " -> " + to);
        }
        if (freesSlot(from, to) && holder != null) {
            directory.release(holder);
        }
        lead.reached(to, at);
        history.record(lead.id(), at, actor, from, to, reason);
        moved.fire(new LeadMoved(lead.id(), from, to, lead.partnerKey() != null ? lead.partnerKey() : holder));
        return from;
    }

    /**
     * New leads, their first entries on the timeline in one round trip, each announced as a move from
     * nowhere. A lead of a known customer, stored already with its owner ({@link Lead#handTo}), takes a
     * slot of that partner, past its capacity if need be (the customer is the partner's), and its
     * timeline says why it never saw the pool.
     */
    public void createdAll(List<Creation> creations, String actor, Instant at) {
        // each owner once, in the order of their keys: two chunks at once never wait for each other the other way round
        creations.stream().filter(c -> c.owner() != null)
                .collect(java.util.stream.Collectors.groupingBy(Creation::owner, java.util.TreeMap::new, java.util.stream.Collectors.counting()))
                .forEach((owner, count) -> directory.take(owner, count.intValue()));
        history.recordAll(creations.stream()
                .map(c -> new LeadHistory.Move(c.lead().id(), at, actor, null, c.lead().state(), c.reason())).toList());
        creations.forEach(c -> moved.fire(new LeadMoved(c.lead().id(), null, c.lead().state(), c.lead().partnerKey())));
    }

    /** A new lead, the partner that owns its customer if it went to it at once, and why it starts where it does. */
    public record Creation(Lead lead, String owner, String reason) {
    }

    /** A lead held for review goes to the partner that owns its customer, as {@link #createdAll} a new one. */
    public LeadState handTo(Lead lead, String partner, String actor, Instant at, String reason) {
        LeadState from = lead.moveTo(LeadState.CLAIMED);
        lead.handTo(partner, at);
        directory.take(partner);
        history.record(lead.id(), at, actor, from, LeadState.CLAIMED, reason);
        moved.fire(new LeadMoved(lead.id(), from, LeadState.CLAIMED, partner));
        return from;
    }

    /**
     * Takes a claimed lead nobody worked back from its partner ({@code RECALLED}), if it is still so:
     * one conditional update, so that two sweeps at once, on one node or two, recall it once. True if
     * this call recalled it.
     */
    public boolean recallUntouched(long leadId, String partner, String actor, Instant at, String reason) {
        int taken = em.createQuery("""
                        update Lead l set l.state = :recalled, l.partnerKey = null, l.claimedAt = null, l.assignee = null,
                               l.followUpAt = null, l.expectedRevenueAmount = null, l.expectedRevenueCurrency = null,
                               l.expectedCloseDate = null,
                               l.version = l.version + 1
                        where l.id = :id and l.state = :claimed and l.partnerKey = :partner and l.lastActivityAt is null""")
                .setParameter("recalled", LeadState.RECALLED).setParameter("id", leadId)
                .setParameter("claimed", LeadState.CLAIMED).setParameter("partner", partner).executeUpdate();
        if (taken == 0) {
            return false;
        }
        directory.release(partner);
        history.record(leadId, at, actor, LeadState.CLAIMED, LeadState.RECALLED, reason);
        moved.fire(new LeadMoved(leadId, LeadState.CLAIMED, LeadState.RECALLED, partner));
        return true;
    }

    /**
     * Announces the claim, which its own statement made (the move and the timeline row; the slot it
     * takes next): the same rules hold for it, checked here. {@code lead}: as the claim read it back.
     */
    public void claimed(LeadView lead, String partner) {
        if (!LeadState.PUBLISHED.canMoveTo(LeadState.CLAIMED) || !takesSlot(LeadState.PUBLISHED, LeadState.CLAIMED)) {
            throw new IllegalStateException("The state machine no longer lets the claim take a lead from the pool");
        }
        moved.fire(new LeadMoved(lead.id(), LeadState.PUBLISHED, LeadState.CLAIMED, partner, lead));
    }
}
