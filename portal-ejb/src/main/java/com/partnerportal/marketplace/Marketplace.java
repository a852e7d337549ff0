package com.partnerportal.marketplace;

import com.partnerportal.lead.LeadInput;
import com.partnerportal.lead.LeadState;
import com.partnerportal.lead.Money;
import com.partnerportal.partner.PartnerDirectory;
import com.partnerportal.partner.PartnerView;
import com.partnerportal.partner.Tier;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.Databases;
import com.partnerportal.sla.SlaPolicy;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
     * The pool rules in SQL, on the lead {@code l}; {@code :p} is the partner. Territory, portfolio
     * and size focus are sets the lead's columns must be in, so that the database walks the market
     * index for just those; a country in the territory stands for all its regions. The leads the
     * partner gave back are one small set, looked up once per query, not once per lead. The claim
     * takes a lead with these same rules ({@link ClaimService}). A lead that needs the prospect's
     * consent is in the pool only for the partners the prospect allowed.
     */
    static final String RULES = "l.state = 'PUBLISHED'\n  and " + Fit.PARTNER_FITS + """

              and l.id not in (select e.lead_id from lead_exclusion e where e.partner_key = :p)
              and (l.consent_required = false or l.id in
                       (select cc.lead_id from consent_current cc where cc.partner_key = :p and cc.decision = 'ALLOWED'))""";

    /** The feed of a partner of this tier: the rules, and the lead open to the tier ({@link TierWindows}). */
    static String matching(Tier tier) {
        return "\nfrom sales_lead l where " + TierWindows.column(tier) + " <= :now and " + RULES + "\n";
    }

    /** The page, as ids in feed order, read from the index alone. */
    private static String page(Tier tier) {
        return """
                select l.id,
                       case when l.region in (select x.region_code from partner_region x where x.partner_key = :p)
                            then 1 else 0 end as own_region, l.score, l.published_at
                """ + matching(tier);
    }

    /**
     * The cards of one page, by id. A card names the company only in a market where the channel
     * manager turned it on ({@link MarketCards}): elsewhere a rep could call the company directly and
     * bypass the claim.
     */
    private static final String CARDS = """
            select l.id, l.source, l.campaign,
                   case when exists (select 1 from market_card m where m.country = l.country and m.company_name_shown)
                        then l.company_name end,
                   l.size_class, l.industry, l.country, l.region,
                   l.product, l.required_certification, l.revenue_amount, l.revenue_currency, l.score,
                   l.buying_signals, l.handover_reason, l.prospect_asked, l.promised, l.next_step, l.published_at,
                   l.silver_from, l.bronze_from
            from sales_lead l where l.id in (:ids)""";

    private static final String ORDER = " order by own_region desc, l.score desc, l.published_at, l.id";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PartnerDirectory directory;

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

    /** One page of the feed with the number of leads in it. */
    public MarketplacePage feed(Caller caller, Filter filter, int page, int size) {
        return feed(caller, filter, page, size, true);
    }

    /** One page of the feed without counting them all, for a view that asked {@link #count} already. */
    public MarketplacePage cards(Caller caller, Filter filter, int page, int size) {
        return feed(caller, filter, page, size, false);
    }

    /** How many leads are in the feed; none while the partner is absent or at capacity. */
    public long count(Caller caller, Filter filter) {
        PartnerView partner = directory.own(caller);
        Instant now = clock.instant();
        return blockedBy(partner, now) != null ? 0 : count(partner, filter, now);
    }

    /**
     * Leads that fit the partner but are still held back for partners of a higher tier: how many,
     * and when the first of them opens to this partner. None for Gold, who waits for no one.
     */
    public record Upcoming(long count, Instant next) {
    }

    public Upcoming upcoming(Caller caller) {
        PartnerView partner = directory.own(caller);
        Instant now = clock.instant();
        if (partner.tier() == Tier.GOLD) {
            return new Upcoming(0, null);
        }
        String opens = TierWindows.column(partner.tier());
        Query held = em.createNativeQuery("select count(*), min(" + opens + ") from sales_lead l where "
                + opens + " > :now and " + RULES);
        bind(held, partner, Filter.NONE, now);
        Object[] row = (Object[]) held.getSingleResult();
        long count = ((Number) row[0]).longValue();
        return new Upcoming(count, count == 0 ? null : Databases.instant(row[1]));
    }

    private long count(PartnerView partner, Filter filter, Instant now) {
        Query count = em.createNativeQuery("select count(*) " + matching(partner.tier()) + filter.sql());
        bind(count, partner, filter, now);
        return ((Number) count.getSingleResult()).longValue();
    }

    private static String blockedBy(PartnerView partner, Instant now) {
        return partner.isAbsentAt(now) ? "ABSENT" : partner.openLeads() >= partner.capacity() ? "CAPACITY" : null;
    }

    private static void bind(Query query, PartnerView partner, Filter filter, Instant now) {
        query.setParameter("p", partner.key()).setParameter("now", now);
        filter.bind(query);
    }

    private MarketplacePage feed(Caller caller, Filter filter, int page, int size, boolean counted) {
        PartnerView partner = directory.own(caller);
        Instant now = clock.instant();
        long open = partner.openLeads();
        String blockedBy = blockedBy(partner, now);
        if (blockedBy != null) {
            return new MarketplacePage(List.of(), 0, page, size, blockedBy, open, partner.capacity());
        }
        long total = counted ? count(partner, filter, now) : -1;
        List<Long> ids = size == 0 ? List.of() : ids(partner, filter, now, page, size);
        Duration claimWindow = SlaPolicy.unclaimed();
        List<MarketplaceItem> items = rows(ids).stream().map(row -> item(row, partner, now, claimWindow)).toList();
        return new MarketplacePage(items, total, page, size, null, open, partner.capacity());
    }

    private List<Long> ids(PartnerView partner, Filter filter, Instant now, int page, int size) {
        Query select = em.createNativeQuery(page(partner.tier()) + filter.sql() + ORDER);
        bind(select, partner, filter, now);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.setFirstResult(page * size).setMaxResults(size).getResultList();
        return rows.stream().map(row -> ((Number) row[0]).longValue()).toList();
    }

    /** The rows of these ids, in the order of the ids. */
    private List<Object[]> rows(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(CARDS).setParameter("ids", ids).getResultList();
        java.util.Map<Long, Object[]> byId = new java.util.HashMap<>();
        rows.forEach(row -> byId.put(((Number) row[0]).longValue(), row));
        return ids.stream().map(byId::get).toList();
    }

    /** A partner as a prospect chooses it: its name, city and tier. */
    public record Candidate(String key, String name, String city, Tier tier) {
    }

    /** The partners whose profile fits the lead, whatever its state, by name: those its prospect may allow. */
    public List<Candidate> fitting(long leadId) {
        List<Object[]> rows = em.createNativeQuery("select p.partner_key, p.name, p.city, p.tier from partner p, sales_lead l"
                + " where l.id = :id and " + Fit.EACH_PARTNER_FITS + " order by p.name", Object[].class)
                .setParameter("id", leadId).getResultList();
        return rows.stream().map(r -> new Candidate((String) r[0], (String) r[1], (String) r[2], Tier.valueOf((String) r[3])))
                .toList();
    }

    private static MarketplaceItem item(Object[] r, PartnerView partner, Instant now, Duration claimWindow) {
        long id = ((Number) r[0]).longValue();
        Instant publishedAt = Databases.instant(r[18]);
        LeadFacts facts = new LeadFacts(id, LeadState.PUBLISHED, null, (String) r[7], (String) r[6], (String) r[8],
                (String) r[4], (String) r[9], publishedAt, Databases.instant(r[19]), Databases.instant(r[20]), false, false);
        Instant earlyUntil = facts.earlyAccessUntil(partner.tier(), now);
        String reason = (String) r[14];
        return new MarketplaceItem(id, LeadState.PUBLISHED.name(), (String) r[1], (String) r[2],
                new MarketplaceItem.Company((String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7]),
                (String) r[8], (String) r[9], Money.of((BigDecimal) r[10], (String) r[11]), ((Number) r[12]).intValue(),
                (String) r[13], new LeadInput.Handover(reason, (String) r[15], (String) r[16], (String) r[17]),
                publishedAt, ClaimRules.matchReasons(partner, facts, earlyUntil == null ? null : earlyUntil.toString()),
                publishedAt.plus(claimWindow), earlyUntil);
    }
}
