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

    private static final String NOT_GONE_NOR_ERASED = " and l.state not in ('REJECTED', 'WITHDRAWN') and l.erased_at is null";

    private static final String NOT_GONE = NOT_GONE_NOR_ERASED + " and not (l.source = :source and l.external_id = :externalId)";

    @PersistenceContext
    private EntityManager em;

    @jakarta.inject.Inject
    private com.partnerportal.platform.TransactionMemo memo;

    /** A stored lead as the duplicates are compared: its id, its keys and its source key. */
    private record Candidate(long id, String email, String phone, String company, String country, String lastName,
                             String source, String externalId) {

        boolean repeats(LeadRules.Checked lead) {
            LeadRules.Keys keys = lead.keys();
            boolean self = source.equals(lead.source()) && externalId.equals(lead.externalId());
            return !self && (keys.email() != null && keys.email().equals(email)
                    || keys.phone() != null && keys.phone().equals(phone)
                    || byCompany(lead) && keys.company().equals(company) && lead.country().equals(country)
                            && lead.contact().lastName().toLowerCase(Locale.ROOT).equals(lastName));
        }
    }

    /** The candidates of a chunk of leads, read at once ({@link #prepare}), and the keys they were read for. */
    private record Pool(java.util.Set<String> keys, List<Candidate> candidates) {

        boolean covers(LeadRules.Checked lead) {
            return keys.contains(sourceKey(lead)) && keys.containsAll(keysOf(lead));
        }
    }

    /**
     * Reads the candidates of all {@code leads} in one round trip, for {@link #of} to answer each of
     * them in this transaction without asking the database again. Only when no two of them share a key
     * (nor their source and external id): a lead that repeats one stored before it in the same
     * transaction is found by asking.
     */
    public void prepare(List<LeadRules.Checked> leads) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (LeadRules.Checked lead : leads) {
            List<String> of = new java.util.ArrayList<>(keysOf(lead));
            of.add(sourceKey(lead));
            for (String key : of) {
                if (!keys.add(key)) {
                    memo.put(Pool.class, null);
                    return; // two alike: each asks alone, after the one before it is stored
                }
            }
        }
        List<String> emails = values(keys, "e");
        List<String> phones = values(keys, "p");
        List<String> companies = leads.stream().filter(Duplicates::byCompany).map(l -> l.keys().company()).distinct().toList();
        List<String> same = new java.util.ArrayList<>();
        if (!emails.isEmpty()) {
            same.add("l.email_key in (:emails)");
        }
        if (!phones.isEmpty()) {
            same.add("l.phone_key in (:phones)");
        }
        if (!companies.isEmpty()) {
            same.add("l.company_key in (:companies)");
        }
        List<Candidate> candidates = new java.util.ArrayList<>();
        if (!same.isEmpty()) {
            var query = em.createNativeQuery("select l.id, l.email_key, l.phone_key, l.company_key, l.country,"
                    + " lower(l.contact_last_name), l.source, l.external_id from sales_lead l where ("
                    + String.join(" or ", same) + ")" + NOT_GONE_NOR_ERASED);
            if (!emails.isEmpty()) {
                query.setParameter("emails", emails);
            }
            if (!phones.isEmpty()) {
                query.setParameter("phones", phones);
            }
            if (!companies.isEmpty()) {
                query.setParameter("companies", companies);
            }
            for (Object row : query.getResultList()) {
                Object[] r = (Object[]) row;
                candidates.add(new Candidate(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                        (String) r[4], (String) r[5], (String) r[6], (String) r[7]));
            }
        }
        memo.put(Pool.class, new Pool(keys, candidates));
    }

    private static List<String> values(java.util.Set<String> keys, String kind) {
        return keys.stream().filter(k -> k.startsWith(kind + ":")).map(k -> k.substring(kind.length() + 1)).toList();
    }

    /**
     * Every key a lead is compared by, its source and external id included: two leads that share none
     * are neither the same delivery nor probably the same person.
     */
    static java.util.Set<String> keys(LeadRules.Checked lead) {
        java.util.Set<String> keys = new java.util.HashSet<>(keysOf(lead));
        keys.add(sourceKey(lead));
        return keys;
    }

    /** The keys a lead is compared by, each with its kind. */
    private static List<String> keysOf(LeadRules.Checked lead) {
        LeadRules.Keys keys = lead.keys();
        List<String> of = new java.util.ArrayList<>(3);
        if (keys.email() != null) {
            of.add("e:" + keys.email());
        }
        if (keys.phone() != null) {
            of.add("p:" + keys.phone());
        }
        if (byCompany(lead)) {
            of.add("c:" + keys.company() + "|" + lead.country() + "|" + lead.contact().lastName().toLowerCase(Locale.ROOT));
        }
        return of;
    }

    private static String sourceKey(LeadRules.Checked lead) {
        return "s:" + lead.source() + "\n" + lead.externalId();
    }

    private static boolean byCompany(LeadRules.Checked lead) {
        return !lead.keys().company().isEmpty() && lead.contact().lastName() != null;
    }

    /** The ids of the leads {@code lead} probably repeats, newest first; {@code self} is its own id when stored. */
    public List<Long> of(LeadRules.Checked lead, Long self) {
        Pool pool = memo.find(Pool.class);
        if (pool != null && pool.covers(lead)) {
            return pool.candidates().stream().filter(c -> c.repeats(lead)).map(Candidate::id)
                    .filter(id -> !id.equals(self)).sorted(java.util.Comparator.reverseOrder()).limit(MAX).toList();
        }
        LeadRules.Keys keys = lead.keys();
        String lastName = lead.contact().lastName();
        boolean byCompany = byCompany(lead);
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
