package com.partnerportal.reference;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the catalogues; every read is a plain query. The portal admin edits the reason catalogues
 * (loss and return reasons): labels in German and English, and whether a code may still be chosen.
 * A code is never deleted: the leads that carry it keep it, with its label.
 */
@Stateless
public class ReferenceCatalog {

    /** The catalogues the portal admin edits; the others change by migration. */
    public static final java.util.Set<Catalog> EDITABLE = java.util.EnumSet.of(Catalog.LOSS_REASON, Catalog.RETURN_REASON, Catalog.REJECT_REASON,
            Catalog.DECLINE_REASON);

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    /** Creates or changes an entry of an editable catalogue; true if it is new. */
    public boolean save(com.partnerportal.platform.Caller caller, Catalog catalog, String code, Code.Input input) {
        if (!caller.has(com.partnerportal.platform.Role.PORTAL_ADMIN)) {
            throw new com.partnerportal.platform.AccessDeniedException("The portal admin edits the catalogues");
        }
        if (!EDITABLE.contains(catalog)) {
            throw new com.partnerportal.platform.NotFoundException("Catalogue " + catalog);
        }
        com.partnerportal.platform.Validation v = new com.partnerportal.platform.Validation();
        String key = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!CODE.matcher(key).matches()) {
            v.reject("code", "reasonCode");
        }
        Code.Input in = input == null ? new Code.Input(null, null, null, null) : input;
        String de = v.requireText("labelDe", in.labelDe(), 200);
        String en = v.requireText("labelEn", in.labelEn(), 200);
        ReturnAction action = null;
        if (catalog == Catalog.RETURN_REASON) {
            action = in.action() == null || in.action().isBlank() ? null : v.requireEnum("action", in.action(), ReturnAction.class);
        } else if (in.action() != null) {
            v.reject("action", "unknownField"); // only return reasons have one
        }
        v.throwIfInvalid();
        CatalogEntry entry = em.find(CatalogEntry.class, key(catalog, key));
        boolean created = entry == null;
        if (created) {
            Integer last = em.createQuery("select max(e.sortOrder) from CatalogEntry e where e.catalog = :c", Integer.class)
                    .setParameter("c", catalog).getSingleResult();
            entry = new CatalogEntry(catalog, key, last == null ? 1 : last + 1);
        }
        if (catalog == Catalog.RETURN_REASON && action == null) {
            action = created ? ReturnAction.REVIEW : entry.toCode().action(); // kept unless named
        }
        entry.describe(de, en, in.active() == null || in.active(), action);
        if (created) {
            em.persist(entry);
        }
        return created;
    }

    private static CatalogEntry.Key key(Catalog catalog, String code) {
        return new CatalogEntry.Key(catalog, code);
    }

    @PersistenceContext
    private EntityManager em;

    public List<Code> entries(Catalog catalog) {
        return em.createQuery("""
                        select e from CatalogEntry e where e.catalog = :catalog
                        order by e.sortOrder, e.code""", CatalogEntry.class)
                .setParameter("catalog", catalog)
                .getResultList().stream().map(CatalogEntry::toCode).toList();
    }

    public Set<String> codes(Catalog catalog) {
        return em.createQuery("select e.code from CatalogEntry e where e.catalog = :catalog", String.class)
                .setParameter("catalog", catalog)
                .getResultList().stream().collect(Collectors.toSet());
    }

    /** The codes that may be chosen now: a deactivated code stays on the leads that have it. */
    public Set<String> activeCodes(Catalog catalog) {
        return em.createQuery("select e.code from CatalogEntry e where e.catalog = :catalog and e.active = true", String.class)
                .setParameter("catalog", catalog)
                .getResultList().stream().collect(Collectors.toSet());
    }

    /** What follows a lead given back with this return reason; REVIEW for a code without one. */
    public ReturnAction returnAction(String code) {
        CatalogEntry entry = em.find(CatalogEntry.class, key(Catalog.RETURN_REASON, code));
        ReturnAction action = entry == null ? null : entry.toCode().action();
        return action == null ? ReturnAction.REVIEW : action;
    }

    /** A code's label in {@code locale}, or the code itself where the catalogue has none. */
    public String label(Catalog catalog, String code, Locale locale) {
        return entries(catalog).stream().filter(entry -> entry.code().equals(code)).findFirst()
                .map(entry -> entry.label().in(locale)).orElse(code);
    }

    /** A region's or country's name in {@code locale}, or the code itself where it is unknown. */
    public String regionLabel(String code, Locale locale) {
        Region region = em.find(Region.class, code);
        return region == null ? code : region.toView().label().in(locale);
    }

    public List<RegionView> regions() {
        return em.createQuery("select r from Region r order by r.country, r.code", Region.class)
                .getResultList().stream().map(Region::toView).toList();
    }

    public Set<String> regionCodes() {
        return em.createQuery("select r.code from Region r", String.class)
                .getResultList().stream().collect(Collectors.toSet());
    }

    /** The countries of the region catalogue ({@code DE} of {@code DE-HH}): the portal's markets. */
    public Set<String> countries() {
        Set<String> countries = new java.util.TreeSet<>();
        regionCodes().forEach(code -> countries.add(code.substring(0, 2)));
        return countries;
    }
}
