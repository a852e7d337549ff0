package com.partnerportal.lead;

import java.time.Instant;
import java.util.List;

/** The full lead, contact included: for the manufacturer and for the partner that holds it. */
public record LeadView(long id, LeadState state, String source, String externalId, String campaign,
                       LeadInput.Company company, LeadInput.Contact contact, String product,
                       String requiredCertification, Money estimatedRevenue, int score, String buyingSignals,
                       LeadInput.Handover handover, String reviewNote, String partner, Instant publishedAt,
                       Instant claimedAt, Instant lastActivityAt, Instant createdAt, List<TransitionView> timeline) {

    /** One recorded move of the lead. */
    public record TransitionView(Instant at, String actor, LeadState from, LeadState to, String reason) {
    }
}
