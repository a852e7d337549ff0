package com.partnerportal.lead;

import java.util.List;

/**
 * The intake's look at a checked lead before it is stored or updated: the reasons to hold it for
 * review, or the partner that owns its company as a customer (the lead goes there, not to the pool).
 */
public interface Screening {

    /** Screens {@code lead}; {@code leadId} is the stored lead it updates, null for a new one. */
    Verdict screen(LeadRules.Checked lead, Long leadId);

    /** What the screening found: reasons to hold the lead, or the owner to give it to. */
    record Verdict(List<ReviewReason> reasons, Owner owner) {

        /** Where a lead starts: with its owner, held for review, qualified with a handover protocol, or new. */
        LeadState start(LeadRules.Checked lead) {
            return owner != null ? LeadState.CLAIMED : !reasons.isEmpty() ? LeadState.QUARANTINE
                    : lead.handedOver() ? LeadState.QUALIFIED : LeadState.NEW;
        }
    }

    /** A known customer's key and the partner that owns it. */
    record Owner(String customerKey, String partner) {
    }
}
