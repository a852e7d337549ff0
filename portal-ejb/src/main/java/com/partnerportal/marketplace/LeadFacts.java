package com.partnerportal.marketplace;

import com.partnerportal.lead.LeadState;
import java.time.Instant;

/**
 * What matching and the claim need to know about a lead: no personal data. {@code returnedByPartner}
 * tells whether the partner asking gave this lead back before.
 */
public record LeadFacts(long id, LeadState state, String partnerKey, String region, String country, String product,
                        String sizeClass, String requiredCertification, Instant publishedAt,
                        boolean returnedByPartner) {
}
