package com.partnerportal.marketplace;

import com.partnerportal.lead.LeadInput;
import com.partnerportal.lead.LeadService;
import com.partnerportal.lead.LeadState;
import com.partnerportal.lead.Money;
import com.partnerportal.partner.PartnerDirectory;
import com.partnerportal.partner.PartnerView;
import com.partnerportal.platform.Caller;
import com.partnerportal.sla.SlaPolicy;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A partner's feed: the published leads it may take now. Matching is one indexed query over the
 * pool (territory, certification, portfolio, size focus, tier embargo, leads it gave back), never
 * a loop over leads in Java; best fit first (own region before the whole country, then score),
 * then the oldest.
 */
@Stateless
public class Marketplace {

    /**
     * The pool rules in SQL; {@code :p} is the partner, {@code :visibleBefore} ends its tier embargo.
     * Territory, portfolio and size focus are sets the lead's columns must be in, so that the
     * database walks the market index for just those; a country in the territory stands for all its
     * regions.
     */
    static final String MATCHING = """
            from sales_lead l
            where l.state = 'PUBLISHED' and l.published_at <= :visibleBefore
              and l.region in (select rg.code from region rg join partner_region pr
                                 on pr.partner_key = :p and pr.region_code in (rg.code, rg.country))
              and l.product in (select pp.product from partner_product pp where pp.partner_key = :p)
              and l.size_class in (select sf.size_class from partner_size_focus sf where sf.partner_key = :p)
              and (l.required_certification is null or l.required_certification in
                       (select c.certification from partner_certification c where c.partner_key = :p))
              and not exists (select 1 from lead_exclusion e where e.lead_id = l.id and e.partner_key = :p)
            """;

    /** The page, as ids in feed order, read from the index alone. */
    private static final String PAGE = """
            select l.id,
                   case when exists (select 1 from partner_region x where x.partner_key = :p and x.region_code = l.region)
                        then 1 else 0 end as own_region, l.score, l.published_at
            """ + MATCHING;

    /** The cards of one page, by id. */
    private static final String CARDS = """
            select l.id, l.source, l.campaign, l.company_name, l.size_class, l.industry, l.country, l.region,
                   l.product, l.required_certification, l.revenue_amount, l.revenue_currency, l.score,
                   l.buying_signals, l.handover_reason, l.prospect_asked, l.promised, l.next_step, l.published_at
            from sales_lead l where l.id in (:ids)""";

    private static final String ORDER = " order by own_region desc, l.score desc, l.published_at, l.id";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PartnerDirectory directory;

    @Inject
    private LeadService leads;

    @Inject
    private Clock clock;

    /** Optional narrowing of the feed by the rep: a region (or country), a product, a company size. */
    public record Filter(String region, String product, String sizeClass) {
        public static final Filter NONE = new Filter(null, null, null);

        String sql() {
            return (region == null ? "" : " and (l.region = :region or l.country = :region)")
                    + (product == null ? "" : " and l.product = :product")
                    + (sizeClass == null ? "" : " and l.size_class = :sizeClass");
        }

        void bind(Query q) {
            if (region != null) {
                q.setParameter("region", region);
            }
            if (product != null) {
                q.setParameter("product", product);
            }
            if (sizeClass != null) {
                q.setParameter("sizeClass", sizeClass);
            }
        }
    }

    public MarketplacePage feed(Caller caller, int page, int size) {
        return feed(caller, Filter.NONE, page, size);
    }

    public MarketplacePage feed(Caller caller, Filter filter, int page, int size) {
        PartnerView partner = directory.own(caller);
        Instant now = clock.instant();
        long open = leads.openLeads(partner.key());
        String blockedBy = partner.isAbsentAt(now) ? "ABSENT" : open >= partner.capacity() ? "CAPACITY" : null;
        if (blockedBy != null) {
            return new MarketplacePage(List.of(), 0, page, size, blockedBy, open, partner.capacity());
        }
        TierPolicy tiers = TierPolicy.fromSettings();
        Instant visibleBefore = now.minus(tiers.embargo(partner.tier()));

        Query count = em.createNativeQuery("select count(*) " + MATCHING + filter.sql());
        Query select = em.createNativeQuery(PAGE + filter.sql() + ORDER);
        for (Query q : List.of(count, select)) {
            q.setParameter("p", partner.key()).setParameter("visibleBefore", visibleBefore);
            filter.bind(q);
        }
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Long> ids = ((List<Object[]>) select.setFirstResult(page * size).setMaxResults(size).getResultList())
                .stream().map(row -> ((Number) row[0]).longValue()).toList();
        Duration claimWindow = SlaPolicy.unclaimed();
        List<MarketplaceItem> items = cards(ids).stream().map(row -> item(row, partner, tiers, now, claimWindow)).toList();
        return new MarketplacePage(items, total, page, size, null, open, partner.capacity());
    }

    /** The rows of these ids, in the order of the ids. */
    private List<Object[]> cards(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(CARDS).setParameter("ids", ids).getResultList();
        java.util.Map<Long, Object[]> byId = new java.util.HashMap<>();
        rows.forEach(row -> byId.put(((Number) row[0]).longValue(), row));
        return ids.stream().map(byId::get).toList();
    }

    private static MarketplaceItem item(Object[] r, PartnerView partner, TierPolicy tiers, Instant now, Duration claimWindow) {
        long id = ((Number) r[0]).longValue();
        Instant publishedAt = instant(r[18]);
        LeadFacts facts = new LeadFacts(id, LeadState.PUBLISHED, null, (String) r[7], (String) r[6], (String) r[8],
                (String) r[4], (String) r[9], publishedAt, false);
        Instant earlyUntil = tiers.earlyAccessUntil(partner.tier(), publishedAt, now);
        String reason = (String) r[14];
        return new MarketplaceItem(id, LeadState.PUBLISHED.name(), (String) r[1], (String) r[2],
                new MarketplaceItem.Company((String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7]),
                (String) r[8], (String) r[9], Money.of((BigDecimal) r[10], (String) r[11]), ((Number) r[12]).intValue(),
                (String) r[13], new LeadInput.Handover(reason, (String) r[15], (String) r[16], (String) r[17]),
                publishedAt, ClaimRules.matchReasons(partner, facts, earlyUntil == null ? null : earlyUntil.toString()),
                publishedAt.plus(claimWindow), earlyUntil);
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Not a timestamp: " + value);
    }
}
