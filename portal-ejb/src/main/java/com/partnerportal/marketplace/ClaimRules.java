package com.partnerportal.marketplace;

import com.partnerportal.partner.PartnerView;
import com.partnerportal.reference.RegionCoverage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a partner may take a published lead now, and if not, the reason code of the contract.
 * The marketplace query applies the same rules in SQL; these give a refused claim its reason.
 */
public final class ClaimRules {

    /** A refused claim: its reason code and a sentence for the rep. */
    public record Refusal(String code, String message) {
    }

    private ClaimRules() {
    }

    public static Refusal refusal(PartnerView partner, LeadFacts lead, Instant now, long openLeads) {
        if (!RegionCoverage.covers(partner.regions(), lead.region())) {
            return new Refusal("REGION", "Region " + lead.region() + " is outside your territory");
        }
        if (lead.requiredCertification() != null && !partner.certifications().contains(lead.requiredCertification())) {
            return new Refusal("CERTIFICATION", "This lead needs the certification " + lead.requiredCertification());
        }
        if (!partner.products().contains(lead.product())) {
            return new Refusal("PRODUCT", "Product " + lead.product() + " is not in your portfolio");
        }
        if (partner.sizeFocus().stream().noneMatch(size -> size.name().equals(lead.sizeClass()))) {
            return new Refusal("SIZE", "Company size " + lead.sizeClass() + " is outside your focus");
        }
        if (lead.returnedByPartner()) {
            return new Refusal("RETURNED", "Your partner gave this lead back before");
        }
        if (lead.consentMissing()) {
            return new Refusal("CONSENT", "The prospect has not allowed your partner to contact them");
        }
        if (partner.isAbsentAt(now)) {
            return new Refusal("ABSENT", "Your partner is absent until " + partner.absentUntil());
        }
        if (openLeads >= partner.capacity()) {
            return new Refusal("CAPACITY", "Your partner holds " + openLeads + " open leads, its capacity is "
                    + partner.capacity() + ": close or return one first");
        }
        Instant visibleFrom = lead.visibleFrom(partner.tier());
        if (visibleFrom == null || now.isBefore(visibleFrom)) { // no time set: not open, as in the claim's SQL
            return new Refusal("TIER_EMBARGO", "Partners of tier " + partner.tier() + " may take this lead from "
                    + visibleFrom);
        }
        return null;
    }

    /** Why a lead in the feed fits this partner, as codes with the matching value. */
    public static List<String> matchReasons(PartnerView partner, LeadFacts lead, String earlyAccessUntil) {
        List<String> reasons = new ArrayList<>();
        reasons.add(partner.regions().contains(lead.region()) ? "REGION:" + lead.region()
                : "COUNTRY:" + lead.country());
        if (lead.requiredCertification() != null) {
            reasons.add("CERTIFICATION:" + lead.requiredCertification());
        }
        reasons.add("PRODUCT:" + lead.product());
        reasons.add("SIZE:" + lead.sizeClass());
        if (earlyAccessUntil != null) {
            reasons.add("EARLY_ACCESS:" + partner.tier());
        }
        return reasons;
    }
}
