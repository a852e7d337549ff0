package com.partnerportal.intake;

import com.partnerportal.lead.LeadRules;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Leads that are probably the same person as a delivered one, under another source or external id:
 * the same e-mail address, the same phone number (in international form), or the same company
 * (its name folded) in the same country with a contact of the same last name. Each by an index of
 * its own, so that it stays fast at a million leads.
 */
@Stateless
public class Duplicates {

    /** At most this many candidates are named. */
    static final int MAX = 5;

    private static final String NOT_GONE = " and l.state not in ('REJECTED', 'WITHDRAWN') and l.erased_at is null"
            + " and not (l.source = :source and l.external_id = :externalId)";

    @PersistenceContext
    private EntityManager em;

    /** The ids of the leads {@code lead} probably repeats, newest first; {@code self} is its own id when stored. */
    public List<Long> of(LeadRules.Checked lead, Long self) {
        TreeSet<Long> ids = new TreeSet<>(java.util.Comparator.reverseOrder());
        LeadRules.Keys keys = lead.keys();
        if (keys.email() != null) {
            ids.addAll(ids("select l.id from sales_lead l where l.email_key = :value" + NOT_GONE, keys.email(), lead));
        }
        if (keys.phone() != null) {
            ids.addAll(ids("select l.id from sales_lead l where l.phone_key = :value" + NOT_GONE, keys.phone(), lead));
        }
        String lastName = lead.contact().lastName();
        if (!keys.company().isEmpty() && lastName != null) {
            ids.addAll(em.createNativeQuery("""
                            select l.id from sales_lead l where l.company_key = :value and l.country = :country
                             and lower(l.contact_last_name) = :lastName""" + NOT_GONE, Long.class)
                    .setParameter("value", keys.company()).setParameter("country", lead.country())
                    .setParameter("lastName", lastName.toLowerCase(Locale.ROOT))
                    .setParameter("source", lead.source()).setParameter("externalId", lead.externalId())
                    .setMaxResults(MAX).getResultList());
        }
        if (self != null) {
            ids.remove(self);
        }
        return ids.stream().limit(MAX).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Long> ids(String sql, String value, LeadRules.Checked lead) {
        return em.createNativeQuery(sql, Long.class).setParameter("value", value)
                .setParameter("source", lead.source()).setParameter("externalId", lead.externalId())
                .setMaxResults(MAX).getResultList();
    }
}
