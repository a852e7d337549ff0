package com.partnerportal.reference;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
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

    public List<RegionView> regions() {
        return em.createQuery("select r from Region r order by r.country, r.code", Region.class)
                .getResultList().stream().map(Region::toView).toList();
    }

    public Set<String> regionCodes() {
        return em.createQuery("select r.code from Region r", String.class)
                .getResultStream().collect(Collectors.toSet());
    }
}
