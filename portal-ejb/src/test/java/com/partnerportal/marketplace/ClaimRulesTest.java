package com.partnerportal.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.partnerportal.lead.LeadState;
import com.partnerportal.partner.PartnerView;
import com.partnerportal.partner.SizeClass;
import com.partnerportal.partner.Tier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.TreeSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimRulesTest {

    private static final Instant PUBLISHED = Instant.parse("2026-11-25T08:00:00Z");

    private static PartnerView partner(Tier tier, int capacity, LocalDate absentFrom, LocalDate absentUntil) {
        return new PartnerView("p", "P", tier, new TreeSet<>(List.of("DE-HH", "AT")), new TreeSet<>(List.of("NETWORK-PRO")),
                new TreeSet<>(List.of("SDWAN")), new TreeSet<>(List.of(SizeClass.MEDIUM)), capacity, 0, absentFrom, absentUntil);
    }

    private static LeadFacts lead(String region, String certification) {
        return lead(region, certification, false);
    }

    /** A lead that Gold and Silver partners could take when it was published: Silver waits 2 h, Bronze 8 h. */
    private static LeadFacts lead(String region, String certification, boolean returnedByPartner) {
        return new LeadFacts(1, LeadState.PUBLISHED, null, region, region.substring(0, 2), "SDWAN", "MEDIUM",
                certification, PUBLISHED, PUBLISHED.plus(Duration.ofHours(2)), PUBLISHED.plus(Duration.ofHours(8)),
                returnedByPartner, false);
    }

    private static String refusal(PartnerView partner, LeadFacts lead, Instant now, long open) {
        ClaimRules.Refusal refusal = ClaimRules.refusal(partner, lead, now, open);
        return refusal == null ? null : refusal.code();
    }

    @Test
    void goldPartnerInItsTerritoryMayClaimAtOnce() {
        assertNull(refusal(partner(Tier.GOLD, 5, null, null), lead("DE-HH", "NETWORK-PRO"), PUBLISHED, 0));
        assertNull(refusal(partner(Tier.GOLD, 5, null, null), lead("AT-9", null), PUBLISHED, 0));
    }

    @Test
    void everyMismatchHasItsReason() {
        PartnerView gold = partner(Tier.GOLD, 5, null, null);
        assertEquals("REGION", refusal(gold, lead("DE-BY", null), PUBLISHED, 0));
        assertEquals("CERTIFICATION", refusal(gold, lead("DE-HH", "SECURITY-PRO"), PUBLISHED, 0));
        assertEquals("CAPACITY", refusal(gold, lead("DE-HH", null), PUBLISHED, 5));
        assertEquals("ABSENT", refusal(partner(Tier.GOLD, 5, LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 25)),
                lead("DE-HH", null), PUBLISHED, 0));
        assertEquals("RETURNED", refusal(gold, lead("DE-HH", null, true), PUBLISHED, 0));
        LeadFacts withoutConsent = new LeadFacts(1, LeadState.PUBLISHED, null, "DE-HH", "DE", "SDWAN", "MEDIUM", null,
                PUBLISHED, PUBLISHED, PUBLISHED, false, true);
        assertEquals("CONSENT", refusal(gold, withoutConsent, PUBLISHED, 0));
    }

    @Test
    void silverWaitsTwoHoursAndBronzeEight() {
        PartnerView silver = partner(Tier.SILVER, 5, null, null);
        PartnerView bronze = partner(Tier.BRONZE, 5, null, null);
        LeadFacts lead = lead("DE-HH", null);

        assertEquals("TIER_EMBARGO", refusal(silver, lead, PUBLISHED.plus(Duration.ofMinutes(119)), 0));
        assertNull(refusal(silver, lead, PUBLISHED.plus(Duration.ofHours(2)), 0));
        assertEquals("TIER_EMBARGO", refusal(bronze, lead, PUBLISHED.plus(Duration.ofHours(7)), 0));
        assertNull(refusal(bronze, lead, PUBLISHED.plus(Duration.ofHours(8)), 0));
    }

    @Test
    void aLeadNoHigherTierCouldTakeIsOpenToTheLowerTiersAtOnce() {
        LeadFacts nobodyAbove = new LeadFacts(1, LeadState.PUBLISHED, null, "AT-9", "AT", "SDWAN", "MEDIUM", null,
                PUBLISHED, PUBLISHED, PUBLISHED, false, false);
        assertNull(refusal(partner(Tier.SILVER, 5, null, null), nobodyAbove, PUBLISHED, 0));
        assertNull(refusal(partner(Tier.BRONZE, 5, null, null), nobodyAbove, PUBLISHED, 0));
        assertNull(nobodyAbove.earlyAccessUntil(Tier.GOLD, PUBLISHED), "nobody waits for Gold");
    }

    @Test
    void earlyAccessLastsUntilTheNextTierMayLook() {
        LeadFacts lead = lead("DE-HH", null);
        assertEquals(PUBLISHED.plus(Duration.ofHours(2)), lead.earlyAccessUntil(Tier.GOLD, PUBLISHED));
        assertNull(lead.earlyAccessUntil(Tier.GOLD, PUBLISHED.plus(Duration.ofHours(3))));
        assertEquals(PUBLISHED.plus(Duration.ofHours(8)), lead.earlyAccessUntil(Tier.SILVER, PUBLISHED.plus(Duration.ofHours(3))));
        assertNull(lead.earlyAccessUntil(Tier.BRONZE, PUBLISHED.plus(Duration.ofHours(9))));
    }

    @Test
    void matchReasonsNameWhatFits() {
        assertEquals(List.of("COUNTRY:AT", "PRODUCT:SDWAN", "SIZE:MEDIUM"),
                ClaimRules.matchReasons(partner(Tier.BRONZE, 1, null, null), lead("AT-9", null), null));
        assertEquals(List.of("REGION:DE-HH", "CERTIFICATION:NETWORK-PRO", "PRODUCT:SDWAN", "SIZE:MEDIUM", "EARLY_ACCESS:GOLD"),
                ClaimRules.matchReasons(partner(Tier.GOLD, 1, null, null), lead("DE-HH", "NETWORK-PRO"), "soon"));
    }
}
