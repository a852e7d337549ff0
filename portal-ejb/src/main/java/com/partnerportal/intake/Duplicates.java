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
        LeadRules.Keys keys = lead.keys();
        String lastName = lead.contact().lastName();
        boolean byCompany = !keys.company().isEmpty() && lastName != null;
        List<String> same = new java.util.ArrayList<>(); // each key by an index of its own, in one round trip
        if (keys.email() != null) {
            same.add("l.email_key = :email");
        }
        if (keys.phone() != null) {
            same.add("l.phone_key = :phone");
        }
        if (byCompany) {
            same.add("(l.company_key = :company and l.country = :country and lower(l.contact_last_name) = :lastName)");
        }
        if (same.isEmpty()) {
            return List.of();
        }
        var query = em.createNativeQuery("select l.id from sales_lead l where (" + String.join(" or ", same) + ")"
                + NOT_GONE, Long.class).setParameter("source", lead.source()).setParameter("externalId", lead.externalId());
        if (keys.email() != null) {
            query.setParameter("email", keys.email());
        }
        if (keys.phone() != null) {
            query.setParameter("phone", keys.phone());
        }
        if (byCompany) {
            query.setParameter("company", keys.company()).setParameter("country", lead.country())
                    .setParameter("lastName", lastName.toLowerCase(Locale.ROOT));
        }
        TreeSet<Long> ids = new TreeSet<>(java.util.Comparator.reverseOrder());
        for (Object id : query.setMaxResults(4 * MAX).getResultList()) {
            ids.add(((Number) id).longValue());
        }
        if (self != null) {
            ids.remove(self);
        }
        return ids.stream().limit(MAX).toList();
    }
}
