package com.partnerportal.lead;

import java.time.Instant;

/** An open lead with a follow-up set: when, and who of which partner works it. No contact data. */
public record FollowUp(long leadId, String companyName, LeadState state, Instant followUpAt, String assignee,
                       String partner) {
}
