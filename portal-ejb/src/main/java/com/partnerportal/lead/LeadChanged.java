package com.partnerportal.lead;

import java.time.Instant;

/**
 * A lead's figures changed without (or besides) a move: expected revenue, first contact, a new
 * round in the pool. Announced inside the transaction that changes them, for whoever keeps figures
 * about leads (the cockpit's kept rows), as {@link LeadMoved} is for moves. {@code publishedBefore}
 * is the publication the lead had until now when it is published again (its figures leave that
 * day), else null.
 */
public record LeadChanged(long leadId, Instant publishedBefore) {

    public LeadChanged(long leadId) {
        this(leadId, null);
    }
}
