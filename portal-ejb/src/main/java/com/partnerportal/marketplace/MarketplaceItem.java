package com.partnerportal.marketplace;

import com.partnerportal.lead.LeadInput;
import com.partnerportal.lead.Money;
import java.time.Instant;
import java.util.List;

/**
 * An anonymised pool card: the company and the handover protocol, never the contact. Built only
 * from columns without personal data, so no contact can reach a page or a response by accident; the
 * company's name is null unless its market shows names on cards ({@link MarketCards}).
 */
public record MarketplaceItem(long id, String state, String source, String campaign, Company company,
                              String product, String requiredCertification, Money estimatedRevenue, int score,
                              String buyingSignals, LeadInput.Handover handover, Instant publishedAt,
                              List<String> matchReasons, Instant claimableUntil, Instant earlyAccessUntil) {

    /** The company without anything that identifies a person. */
    public record Company(String name, String sizeClass, String industry, String country, String region) {
    }
}
