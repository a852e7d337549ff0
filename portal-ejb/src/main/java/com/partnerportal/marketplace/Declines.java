package com.partnerportal.marketplace;

import com.partnerportal.lead.LeadChanged;
import com.partnerportal.partner.PartnerDirectory;
import com.partnerportal.partner.PartnerView;
import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.Databases;
import com.partnerportal.platform.Mailer;
import com.partnerportal.platform.NotFoundException;
import com.partnerportal.platform.PortalUrl;
import com.partnerportal.platform.Validation;
import com.partnerportal.reference.Catalog;
import com.partnerportal.reference.ReferenceCatalog;
import com.partnerportal.sla.SlaPolicy;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * "Not for us": a partner declines a lead of its marketplace with a reason from the catalogue. The
 * lead leaves that partner's marketplace at once (an exclusion, as a return makes one), the decline
 * is kept with its reason for the cockpit, and a lead that every partner it fits has declined (or
 * given back) goes to the channel manager at once instead of waiting out the unclaimed SLA.
 */
@Stateless
public class Declines {

    /** The partners that fit the lead and whom its prospect allows, and that have not declined or returned it. */
    private static final String STILL_OPEN_TO = "select count(*) from partner p, sales_lead l where l.id = :id and "
            + Fit.EACH_PARTNER_FITS + """

              and (l.consent_required = false or exists (select 1 from consent_current cc
                       where cc.lead_id = l.id and cc.partner_key = p.partner_key and cc.decision = 'ALLOWED'))
              and not exists (select 1 from lead_exclusion e where e.lead_id = l.id and e.partner_key = p.partner_key)""";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PartnerDirectory directory;

    @Inject
    private ReferenceCatalog catalog;

    @Inject
    private Mailer mailer;

    @Inject
    private Event<LeadChanged> changed;

    @Inject
    private Clock clock;

    /** A partner's decline of a lead: who, when, why, and whether it sent the lead to the channel manager. */
    public record Declined(long leadId, String partner, String reasonCode, String by, Instant at, boolean escalated) {
    }

    /**
     * Declines a lead in the caller's marketplace; declining it again answers the first decline. A lead
     * not in the caller's marketplace now is not found: the answer tells nothing about other partners' leads.
     */
    public Declined decline(Caller caller, long leadId, String reasonCode) {
        String partnerKey = caller.isReseller() ? caller.partnerKey() : null;
        if (partnerKey == null) {
            throw new AccessDeniedException("This is for reseller users bound to a partner");
        }
        Validation v = new Validation();
        String reason = v.requireText("reasonCode", reasonCode, 40);
        if (reason != null && !catalog.activeCodes(Catalog.DECLINE_REASON).contains(reason.toUpperCase(Locale.ROOT))) {
            v.reject("reasonCode", "unknownCode", reason);
        }
        v.throwIfInvalid();
        reason = reason.toUpperCase(Locale.ROOT);
        // the lead's row first: a colleague's decline or a claim of the same lead waits for this one
        if (em.createNativeQuery("select id from sales_lead where id = :id for update").setParameter("id", leadId)
                .getResultList().isEmpty()) {
            throw new NotFoundException("Lead " + leadId);
        }
        List<Declined> before = declinesOf(leadId, partnerKey);
        if (!before.isEmpty()) {
            return before.get(0);
        }
        PartnerView partner = directory.own(caller);
        Instant now = clock.instant();
        Number inFeed = (Number) em.createNativeQuery("select count(*) " + Marketplace.matching(partner.tier()) + " and l.id = :id")
                .setParameter("p", partnerKey).setParameter("now", now).setParameter("id", leadId).getSingleResult();
        if (inFeed.longValue() == 0) {
            throw new NotFoundException("Lead " + leadId + " in your marketplace");
        }
        em.createNativeQuery("insert into lead_decline (lead_id, partner_key, reason_code, username, at) values (:id, :p, :r, :u, :at)")
                .setParameter("id", leadId).setParameter("p", partnerKey).setParameter("r", reason)
                .setParameter("u", caller.username()).setParameter("at", now).executeUpdate();
        em.createNativeQuery("insert into lead_exclusion (lead_id, partner_key) values (:id, :p)")
                .setParameter("id", leadId).setParameter("p", partnerKey).executeUpdate();
        changed.fire(new LeadChanged(leadId)); // the cockpit counts it
        boolean escalated = escalateIfNobodyIsLeft(leadId, now);
        return new Declined(leadId, partnerKey, reason, caller.username(), now, escalated);
    }

    /** Whether this partner declined the lead (rather than gave it back), for the claim's refusal. */
    public boolean declined(long leadId, String partnerKey) {
        return !declinesOf(leadId, partnerKey).isEmpty();
    }

    private List<Declined> declinesOf(long leadId, String partnerKey) {
        List<Object[]> rows = em.createNativeQuery(
                        "select reason_code, username, at from lead_decline where lead_id = :id and partner_key = :p", Object[].class)
                .setParameter("id", leadId).setParameter("p", partnerKey).getResultList();
        return rows.stream().map(r -> new Declined(leadId, partnerKey, (String) r[0], (String) r[1], Databases.instant(r[2]), false))
                .toList();
    }

    /** Once no partner is left to take it, the lead is escalated now: marked, and the channel manager told by mail. */
    private boolean escalateIfNobodyIsLeft(long leadId, Instant now) {
        Number left = (Number) em.createNativeQuery(STILL_OPEN_TO).setParameter("id", leadId).getSingleResult();
        if (left.longValue() > 0) {
            return false;
        }
        int marked = em.createNativeQuery("update sales_lead set escalated_at = :now where id = :id and escalated_at is null"
                        + " and state = 'PUBLISHED'")
                .setParameter("now", now).setParameter("id", leadId).executeUpdate();
        if (marked == 0) {
            return false;
        }
        List<Object[]> reasons = em.createNativeQuery("""
                        select p.name, d.reason_code from lead_decline d join partner p on p.partner_key = d.partner_key
                        where d.lead_id = :id order by p.name""", Object[].class).setParameter("id", leadId).getResultList();
        StringBuilder text = new StringBuilder("Every partner this lead fits has declined it or given it back:\n\n");
        for (Object[] r : reasons) {
            text.append("  ").append(r[0]).append(": ").append(catalog.label(Catalog.DECLINE_REASON, (String) r[1], Locale.ENGLISH))
                    .append('\n');
        }
        text.append("\nDecide what happens to it (another partner, nurture, reject):\n").append(PortalUrl.of("/lead/" + leadId)).append('\n');
        mailer.send(SlaPolicy.escalationRecipient(), "Lead " + leadId + " declined by every fitting partner", text.toString());
        return true;
    }
}
