package com.partnerportal.partner;

import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.FieldError;
import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.platform.NotFoundException;
import com.partnerportal.platform.Page;
import com.partnerportal.platform.Role;
import com.partnerportal.reference.Catalog;
import com.partnerportal.reference.ReferenceCatalog;
import com.partnerportal.reference.RegionCoverage;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The partner directory's use cases. The manufacturer side sees and edits every partner; a
 * reseller user sees only its own partner, and its admin keeps that partner's availability.
 */
@Stateless
public class PartnerDirectory {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ReferenceCatalog catalog;

    public Page<PartnerView> search(Caller caller, PartnerQuery query) {
        CriteriaBuilder cb = em.getCriteriaBuilder();

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<Partner> counted = count.from(Partner.class);
        count.select(cb.count(counted)).where(filter(caller, query, cb, count, counted));
        long total = em.createQuery(count).getSingleResult();

        CriteriaQuery<Partner> select = cb.createQuery(Partner.class);
        Root<Partner> partner = select.from(Partner.class);
        Expression<?> order = sortExpression(query.sortBy(), cb, partner);
        select.where(filter(caller, query, cb, select, partner))
                .orderBy(query.descending() ? cb.desc(order) : cb.asc(order), cb.asc(partner.get("key")));
        List<PartnerView> items = em.createQuery(select)
                .setFirstResult(query.page() * query.size())
                .setMaxResults(query.size())
                .getResultList().stream().map(Partner::toView).toList();
        return new Page<>(items, total, query.page(), query.size());
    }

    public PartnerView find(Caller caller, String key) {
        return visible(caller, key).toView();
    }

    public boolean exists(String key) {
        return key != null && em.find(Partner.class, key) != null;
    }

    /** Every partner's name by its key, for pages that show names where they hold keys. */
    public java.util.Map<String, String> names() {
        return em.createQuery("select p.key, p.name from Partner p", Object[].class).getResultList().stream()
                .collect(java.util.stream.Collectors.toMap(row -> (String) row[0], row -> (String) row[1]));
    }

    /** The partner a reseller user is bound to; anyone else is refused. */
    public PartnerView own(Caller caller) {
        if (!caller.isReseller() || caller.partnerKey() == null) {
            throw new AccessDeniedException("This is for reseller users bound to a partner");
        }
        return find(caller, caller.partnerKey());
    }

    public PartnerView create(Caller caller, PartnerProfile profile) {
        requireManufacturer(caller);
        String key = PartnerRules.checkKey(profile.key());
        PartnerRules.Described described = PartnerRules.check(profile, catalogues());
        if (em.find(Partner.class, key) != null) {
            throw new InvalidInputException(List.of(new FieldError("key", "duplicateKey")));
        }
        Partner partner = new Partner(key);
        apply(partner, described);
        em.persist(partner);
        return partner.toView();
    }

    public PartnerView update(Caller caller, String key, PartnerProfile profile) {
        Partner partner = visible(caller, key);
        requireManufacturer(caller);
        apply(partner, PartnerRules.check(profile, catalogues()));
        return partner.toView();
    }

    public PartnerView updateAvailability(Caller caller, String key, Availability availability) {
        Partner partner = visible(caller, key);
        if (!caller.has(Role.CHANNEL_MANAGER) && !caller.has(Role.RESELLER_ADMIN)) {
            throw new AccessDeniedException("Only the partner's admin or a channel manager may change its availability");
        }
        PartnerRules.Checked checked = PartnerRules.check(availability);
        partner.setAvailability(checked.capacity(), checked.absentFrom(), checked.absentUntil());
        return partner.toView();
    }


    /** The partner holds one more open lead, given to it without a claim (a lead of its customer). */
    public void take(String partnerKey) {
        take(partnerKey, 1);
    }

    /** The partner holds {@code count} more open leads (an import's chunk of its customers' leads). */
    public void take(String partnerKey, int count) {
        em.createNativeQuery("update partner set open_leads = open_leads + :n where partner_key = :p")
                .setParameter("n", count).setParameter("p", partnerKey).executeUpdate();
    }

    /** The partner no longer holds one of its open leads: returned, recalled, won or lost. */
    public void release(String partnerKey) {
        em.createNativeQuery("update partner set open_leads = open_leads - 1 where partner_key = :p and open_leads > 0")
                .setParameter("p", partnerKey).executeUpdate();
    }

    private Partner visible(Caller caller, String key) {
        Partner partner = key == null || !caller.sees(key) ? null : em.find(Partner.class, key);
        if (partner == null) {
            throw new NotFoundException("Partner " + key);
        }
        return partner;
    }

    private static void requireManufacturer(Caller caller) {
        if (!caller.has(Role.CHANNEL_MANAGER)) {
            throw new AccessDeniedException("Only a channel manager may edit partner profiles");
        }
    }

    private static void apply(Partner partner, PartnerRules.Described d) {
        partner.describe(d.name(), d.tier(), d.regions(), d.certifications(), d.products(), d.sizeFocus());
        partner.setAvailability(d.availability().capacity(), d.availability().absentFrom(), d.availability().absentUntil());
    }

    private PartnerRules.Catalogues catalogues() {
        return new PartnerRules.Catalogues(catalog.regionCodes(), catalog.codes(Catalog.CERTIFICATION),
                catalog.codes(Catalog.PRODUCT));
    }

    private static Predicate filter(Caller caller, PartnerQuery query, CriteriaBuilder cb,
                                    CriteriaQuery<?> cq, Root<Partner> partner) {
        List<Predicate> where = new ArrayList<>();
        if (!caller.isManufacturer()) {
            where.add(caller.partnerKey() == null ? cb.disjunction() : cb.equal(partner.get("key"), caller.partnerKey()));
        }
        if (query.text() != null && !query.text().isBlank()) {
            String like = "%" + query.text().strip().toLowerCase(Locale.ROOT) + "%";
            where.add(cb.or(cb.like(cb.lower(partner.get("name")), like), cb.like(partner.get("key"), like)));
        }
        if (query.tier() != null) {
            where.add(cb.equal(partner.get("tier"), query.tier()));
        }
        if (query.region() != null && !query.region().isBlank()) {
            String region = query.region().strip().toUpperCase(Locale.ROOT);
            Subquery<String> covering = cq.subquery(String.class);
            Root<Partner> p = covering.from(Partner.class);
            Join<Partner, String> territory = p.join("regions");
            covering.select(p.get("key"))
                    .where(territory.in(region, RegionCoverage.countryOf(region)));
            where.add(partner.get("key").in(covering));
        }
        return cb.and(where.toArray(Predicate[]::new));
    }

    private static Expression<?> sortExpression(PartnerQuery.SortField field, CriteriaBuilder cb, Root<Partner> partner) {
        return switch (field) {
            case KEY -> partner.get("key");
            case NAME -> cb.lower(partner.get("name"));
            case CAPACITY -> partner.get("capacity");
            case TIER -> cb.selectCase(partner.get("tier"))
                    .when(Tier.GOLD, 1).when(Tier.SILVER, 2).otherwise(3);
        };
    }
}
