package com.partnerportal.marketplace;

import com.partnerportal.lead.LeadState;
import com.partnerportal.partner.Tier;
import java.time.Instant;

/**
 * What matching and the claim need to know about a lead: no personal data. {@code returnedByPartner}
 * tells whether the partner asking gave this lead back before; {@code consentMissing} whether the lead
 * needs the prospect's consent and the prospect has not allowed that partner.
 */
public record LeadFacts(long id, LeadState state, String partnerKey, String region, String country, String product,
                        String sizeClass, String requiredCertification, Instant publishedAt, Instant silverFrom,
                        Instant bronzeFrom, boolean returnedByPartner, boolean consentMissing) {

    /** When the lead opens to partners of this tier ({@link TierWindows}). */
    public Instant visibleFrom(Tier tier) {
        return switch (tier) {
            case GOLD -> publishedAt;
            case SILVER -> silverFrom;
            case BRONZE -> bronzeFrom;
        };
    }

    /** Until when this tier has the lead before the next lower one, if it still has; else null. */
    public Instant earlyAccessUntil(Tier tier, Instant now) {
        Instant next = switch (tier) {
            case GOLD -> silverFrom;
            case SILVER -> bronzeFrom;
            case BRONZE -> null;
        };
        return next != null && now.isBefore(next) ? next : null;
    }
}
