package com.partnerportal.marketplace;

import com.partnerportal.lead.LeadQuery;
import com.partnerportal.lead.LeadState;
import com.partnerportal.partner.Tier;
import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.Databases;
import com.partnerportal.platform.Page;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The channel manager's look at the pool: every published lead with the partners that may take it
 * (now, or from when their tier's turn comes), how long it has waited, and, for the leads claimed
 * in the last days, who took it and after how long.
 */
@Stateless
public class PoolView {

    /** One partner that fits a lead, and from when it may take it. */
    public record Audience(String partner, String name, Tier tier, Instant visibleFrom, boolean now) {
    }

    /**
     * A lead of the pool as the channel manager sees it; of a lead that needs consent, the partners
     * that fit it but wait for the prospect to allow them.
     */
    public record Entry(long id, String companyName, String region, String product, String sizeClass,
                        LeadState state, Instant publishedAt, Duration waited, String claimedBy,
                        boolean escalated, List<Audience> audience, boolean consentRequired,
                        List<Marketplace.Candidate> waitingForConsent) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private Marketplace marketplace;

    /**
     * The pool, newest first, with the leads claimed from it in the last week (not those handed to the
     * owner of their customer, which never were in it); the query may narrow it by company name and
     * order it otherwise (its state is ignored).
     */
    public Page<Entry> page(Caller caller, LeadQuery query, int page, int size) {
        if (!caller.isManufacturer()) {
            throw new AccessDeniedException("The pool overview is for the manufacturer");
        }
        Instant now = clock.instant();
        String where = """
                from sales_lead l where (l.state = 'PUBLISHED'
                    or (l.state = 'CLAIMED' and l.claimed_at >= :recent and l.published_at is not null))"""
                + (query.text() == null ? "" : " and lower(l.company_name) like :text escape '\\'");
        Query count = em.createNativeQuery("select count(*) " + where);
        Query select = em.createNativeQuery("""
                select l.id, l.company_name, l.region, l.country, l.product, l.size_class, l.required_certification,
                       l.state, l.published_at, l.claimed_at, l.partner_key, l.escalated_at, l.silver_from, l.bronze_from,
                       l.consent_required
                """ + where + query.sort().orderBy(query.descending()));
        Instant recent = now.minus(Duration.ofDays(7));
        for (Query q : List.of(count, select)) {
            q.setParameter("recent", recent);
            if (query.text() != null) {
                q.setParameter("text", query.pattern());
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.setFirstResult(page * size).setMaxResults(size).getResultList();
        List<Entry> entries = rows.stream().map(r -> entry(r, now)).toList();
        return new Page<>(entries, ((Number) count.getSingleResult()).longValue(), page, size);
    }

    private Entry entry(Object[] r, Instant now) {
        long id = ((Number) r[0]).longValue();
        LeadState state = LeadState.valueOf((String) r[7]);
        Instant publishedAt = Databases.instant(r[8]);
        Instant claimedAt = Databases.instant(r[9]);
        Duration waited = Duration.between(publishedAt, claimedAt != null ? claimedAt : now);
        Map<Tier, Instant> opens = new EnumMap<>(Tier.class); // a claimed lead of old may have no times
        opens.put(Tier.GOLD, publishedAt);
        opens.put(Tier.SILVER, Databases.instant(r[12]));
        opens.put(Tier.BRONZE, Databases.instant(r[13]));
        List<Audience> audience = state == LeadState.PUBLISHED ? audience(id, opens, now) : List.of();
        boolean consentRequired = Boolean.TRUE.equals(r[14]);
        List<Marketplace.Candidate> waiting = List.of();
        if (consentRequired && state == LeadState.PUBLISHED) {
            java.util.Set<String> allowed = new java.util.HashSet<>(em.createNativeQuery(
                            "select partner_key from consent_current where lead_id = :lead and decision = 'ALLOWED'", String.class)
                    .setParameter("lead", id).getResultList());
            waiting = marketplace.fitting(id).stream().filter(p -> !allowed.contains(p.key())).toList();
        }
        return new Entry(id, (String) r[1], (String) r[2], (String) r[4], (String) r[5], state, publishedAt, waited,
                (String) r[10], r[11] != null, audience, consentRequired, waiting);
    }

    /**
     * The partners that could take this lead today, by the same rules as the feed and the claim
     * ({@link TierWindows#COULD_TAKE}), each from when its tier may.
     */
    private List<Audience> audience(long leadId, Map<Tier, Instant> opens, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> partners = em.createNativeQuery("""
                        select t.partner_key, t.name, t.tier from partner t join sales_lead l on l.id = :lead
                        where\s""" + TierWindows.COULD_TAKE + " order by t.name")
                .setParameter("lead", leadId).setParameter("today", LocalDate.ofInstant(now, ZoneOffset.UTC))
                .getResultList();
        return partners.stream().map(p -> {
            Tier tier = Tier.valueOf((String) p[2]);
            Instant from = opens.get(tier);
            return new Audience((String) p[0], (String) p[1], tier, from, from != null && !from.isAfter(now));
        }).toList();
    }
}
