package com.partnerportal.marketplace;

import com.partnerportal.lead.LeadHistory;
import com.partnerportal.lead.LeadService;
import com.partnerportal.lead.LeadState;
import com.partnerportal.partner.PartnerDirectory;
import com.partnerportal.partner.PartnerView;
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
import java.util.List;

/**
 * A rep claims a lead for the partner. Exactly one claim wins, however many reps of however many
 * partners and app nodes try at once: the database decides with a conditional update, and only the
 * winner's answer carries the contact.
 */
@Stateless
public class ClaimService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PartnerDirectory directory;

    @Inject
    private LeadService leads;

    @Inject
    private LeadHistory history;

    @Inject
    private Clock clock;

    /**
     * Checks run first and lock nothing; then the conditional update takes the lead, and only then
     * is the partner's row locked to count its open leads again, so that claims of one partner wait
     * on each other for the last step only and never two pass the capacity together. The caller
     * reads the lead, contact included, once the claim is committed ({@link LeadService#find}).
     */
    public void claim(Caller caller, long leadId) {
        PartnerView partner = directory.own(caller);
        LeadFacts lead = facts(leadId, partner.key());
        if (lead.state() != LeadState.PUBLISHED) {
            if (lead.publishedAt() != null && lead.partnerKey() != null) {
                throw new ConflictException("TAKEN", "Another partner has claimed this lead");
            }
            throw new NotFoundException("Lead " + leadId);
        }
        Instant now = clock.instant();
        ClaimRules.Refusal refusal = ClaimRules.refusal(partner, lead, now, TierPolicy.fromSettings(),
                leads.openLeads(partner.key()));
        if (refusal != null) {
            throw new AccessDeniedException(refusal.code(), refusal.message());
        }
        int won = em.createQuery("""
                        update Lead l set l.state = :claimed, l.partnerKey = :partner, l.claimedAt = :now,
                               l.version = l.version + 1
                        where l.id = :id and l.state = :published""")
                .setParameter("claimed", LeadState.CLAIMED).setParameter("partner", partner.key())
                .setParameter("now", now).setParameter("id", leadId).setParameter("published", LeadState.PUBLISHED)
                .executeUpdate();
        if (won == 0) {
            throw new ConflictException("TAKEN", "Another partner claimed this lead a moment ago");
        }
        history.record(leadId, now, caller.username(), LeadState.PUBLISHED, LeadState.CLAIMED,
                "claimed for " + partner.key());
        em.flush();
        // last, so that the partner's claims wait on each other only for this count and the commit
        int capacity = directory.lockCapacity(caller);
        long open = leads.openLeads(partner.key());
        if (open > capacity) {
            throw new AccessDeniedException("CAPACITY", "Your partner holds " + (open - 1)
                    + " open leads, its capacity is " + capacity + ": close or return one first");
        }
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
