package com.partnerportal.marketplace;

import com.partnerportal.lead.Lead;
import com.partnerportal.lead.LeadHistory;
import com.partnerportal.lead.LeadState;
import com.partnerportal.lead.LeadView;
import com.partnerportal.partner.PartnerDirectory;
import com.partnerportal.partner.PartnerView;
import com.partnerportal.partner.Tier;
import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.ConflictException;
import com.partnerportal.platform.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A rep claims a lead for the partner. Exactly one claim wins, however many reps of however many
 * partners and app nodes try at once: the database decides with a conditional update, and only the
 * winner's answer carries the contact.
 */
@Stateless
public class ClaimService {

    /**
     * Takes the lead if it is in the pool and this partner may take it now: the marketplace's rules,
     * the partner present, its tier's embargo over. One statement, so that a claim that wins costs
     * one round trip to decide.
     */
    private static final String TAKE = """
            update sales_lead l set state = 'CLAIMED', partner_key = :p, claimed_at = :now, version = version + 1
            where l.id = :id and %s
              and exists (select 1 from partner t where t.partner_key = :p
                          and (t.absent_from is null or t.absent_from > :today or t.absent_until < :today)
                          and (t.tier = 'GOLD' and l.published_at <= :gold
                               or t.tier = 'SILVER' and l.published_at <= :silver
                               or t.tier = 'BRONZE' and l.published_at <= :bronze))""".formatted(Marketplace.RULES);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PartnerDirectory directory;

    @Inject
    private LeadHistory history;

    @Inject
    private Clock clock;

    /**
     * The conditional update takes the lead; only then does the partner count it as open, if it has
     * room, with its row locked until the commit: claims of one partner wait on each other for that
     * last step only, and never two pass the capacity together. A claim the update refuses is
     * explained afterwards, from the same rules in Java ({@link ClaimRules}). Returns the lead with
     * its contact.
     */
    public LeadView claim(Caller caller, long leadId) {
        String partnerKey = caller.isReseller() ? caller.partnerKey() : null;
        if (partnerKey == null) {
            throw new AccessDeniedException("This is for reseller users bound to a partner");
        }
        Instant now = clock.instant();
        if (!take(partnerKey, leadId, now)) {
            throw refusal(caller, leadId, now);
        }
        history.record(leadId, now, caller.username(), LeadState.PUBLISHED, LeadState.CLAIMED,
                "claimed for " + partnerKey);
        LeadView claimed = history.view(em.find(Lead.class, leadId));
        if (!directory.takeOn(partnerKey)) { // last, so that the partner's claims queue only for this and the commit
            PartnerView partner = directory.own(caller);
            throw new AccessDeniedException("CAPACITY", "Your partner holds " + partner.openLeads()
                    + " open leads, its capacity is " + partner.capacity() + ": close or return one first");
        }
        return claimed;
    }

    private boolean take(String partnerKey, long leadId, Instant now) {
        TierPolicy tiers = TierPolicy.fromSettings();
        return em.createNativeQuery(TAKE)
                .setParameter("p", partnerKey).setParameter("id", leadId).setParameter("now", now)
                .setParameter("today", LocalDate.ofInstant(now, ZoneOffset.UTC))
                .setParameter("gold", now.minus(tiers.embargo(Tier.GOLD)))
                .setParameter("silver", now.minus(tiers.embargo(Tier.SILVER)))
                .setParameter("bronze", now.minus(tiers.embargo(Tier.BRONZE)))
                .executeUpdate() == 1;
    }

    /** Why the update took nothing: gone, taken by another partner, or a rule this partner fails. */
    private RuntimeException refusal(Caller caller, long leadId, Instant now) {
        PartnerView partner = directory.own(caller);
        LeadFacts lead = facts(leadId, partner.key());
        if (lead.state() != LeadState.PUBLISHED) {
            if (lead.publishedAt() != null && lead.partnerKey() != null) {
                return new ConflictException("TAKEN", "Another partner has claimed this lead");
            }
            return new NotFoundException("Lead " + leadId);
        }
        ClaimRules.Refusal refusal = ClaimRules.refusal(partner, lead, now, TierPolicy.fromSettings(),
                partner.openLeads());
        if (refusal == null) { // the lead or the partner changed between the update and this look
            return new ConflictException("CHANGED", "The lead changed while you claimed it: try again");
        }
        return new AccessDeniedException(refusal.code(), refusal.message());
    }

    /** What the claim checks, and whether this partner gave the lead back before, in one statement. */
    private LeadFacts facts(long leadId, String partnerKey) {
        List<?> rows = em.createNativeQuery("""
                        select l.state, l.partner_key, l.region, l.country, l.product, l.size_class,
                               l.required_certification, l.published_at,
                               case when exists (select 1 from lead_exclusion e
                                                 where e.lead_id = l.id and e.partner_key = :p) then 1 else 0 end
                        from sales_lead l where l.id = :id""")
                .setParameter("id", leadId).setParameter("p", partnerKey).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("Lead " + leadId);
        }
        Object[] r = (Object[]) rows.get(0);
        return new LeadFacts(leadId, LeadState.valueOf((String) r[0]), (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], r[7] == null ? null : Marketplace.instant(r[7]),
                ((Number) r[8]).intValue() == 1);
    }
}
