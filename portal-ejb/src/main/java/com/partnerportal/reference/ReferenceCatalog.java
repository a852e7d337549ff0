package com.partnerportal.reference;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the catalogues; they change by migration, so every read is a plain query. */
@Stateless
public class ReferenceCatalog {

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
                .getResultStream().collect(Collectors.toSet());
    }

    /** The codes that may be chosen now: a deactivated code stays on the leads that have it. */
    public Set<String> activeCodes(Catalog catalog) {
        return em.createQuery("select e.code from CatalogEntry e where e.catalog = :catalog and e.active = true", String.class)
                .setParameter("catalog", catalog)
                .getResultStream().collect(Collectors.toSet());
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
                .getResultStream().collect(Collectors.toSet());
    }
}
