package com.partnerportal.intake;

import com.partnerportal.lead.LeadState;

/**
 * What a delivery of a lead did: created it, updated the stored one, or found it unchanged (a
 * duplicate); the lead's id and the state it is in now.
 */
public record Delivery(long id, LeadState state, Outcome outcome) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    public boolean created() {
        return outcome == Outcome.CREATED;
    }
}
