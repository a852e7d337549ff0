package com.partnerportal.lead;

import java.util.List;

/**
 * The intake's look at a checked lead before it is stored or updated: the reasons to hold it for
 * review, or the partner that owns its company as a customer (the lead goes there, not to the pool).
 */
public interface Screening {

    /** Screens {@code lead}; {@code leadId} is the stored lead it updates, null for a new one. */
    Verdict screen(LeadRules.Checked lead, Long leadId);

    /** Reads what screening all of {@code leads} needs at once, before each is screened (an import's chunk). */
    default void prepare(List<LeadRules.Checked> leads) {
    }

    /** The lead's score and what its market's routing rules decide for it. */
    RoutingVerdict route(LeadRules.Checked lead);

    /**
     * Where a lead the screening does not hold starts: with marketing when the routing rules keep it,
     * qualified with a handover protocol, new (to complete) without one.
     */
    static LeadState start(LeadRules.Checked lead, RoutingVerdict routing) {
        return routing.outcome() == RoutingVerdict.Outcome.NURTURE ? LeadState.NURTURE
                : lead.handedOver() ? LeadState.QUALIFIED : LeadState.NEW;
    }

    /** What the screening found: reasons to hold the lead, or the owner to give it to. */
    record Verdict(List<ReviewReason> reasons, Owner owner) {

        /** Where a lead starts: with its owner, held for review, or as the routing says. */
        LeadState start(LeadRules.Checked lead, RoutingVerdict routing) {
            return owner != null ? LeadState.CLAIMED : !reasons.isEmpty() ? LeadState.QUARANTINE
                    : Screening.start(lead, routing);
        }
    }

    /** A known customer's key and the partner that owns it. */
    record Owner(String customerKey, String partner) {
    }
}
