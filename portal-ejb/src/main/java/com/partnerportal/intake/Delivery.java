package com.partnerportal.intake;

import com.partnerportal.lead.LeadView;

/** What a delivery of a lead did: created it, updated the stored one, or found it unchanged (a duplicate). */
public record Delivery(LeadView lead, Outcome outcome) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    public boolean created() {
        return outcome == Outcome.CREATED;
    }
}
