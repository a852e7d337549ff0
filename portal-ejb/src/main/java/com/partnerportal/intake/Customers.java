package com.partnerportal.intake;

import com.partnerportal.lead.CompanyName;
import com.partnerportal.lead.LeadRules;
import com.partnerportal.partner.PartnerDirectory;
import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.platform.Page;
import com.partnerportal.platform.Role;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * The customer master: accounts kept by key (delivered again, an account is updated), searched by
 * the channel manager, and matched against every lead at intake: by the company's e-mail domain (not
 * a free-mail one), by its name folded ({@link CompanyName}), and by a name that is nearly the same
 * (Jaro-Winkler from Commons Text, over the accounts whose names start alike, found by an index).
 */
@Stateless
public class Customers {

    /** How alike two folded names must be to be taken for one company. */
    static final double SAME_COMPANY = 0.94;

    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

    /** An account stored, and whether this call created it (201) or updated it (200). */
    public record Saved(CustomerView customer, boolean created) {
    }

    /** What a customer import did: accounts created, updated, and rows rejected with their line and fields. */
    public record ImportReport(int created, int updated, List<com.partnerportal.intake.ImportReport.Rejected> rejected) {
    }

    /** One row of a customer file: its line and the account it describes. */
    public record Row(long line, CustomerView customer) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PartnerDirectory partners;

    @Inject
    private Clock clock;

    @Inject
    private com.partnerportal.platform.TransactionMemo memo;

    @jakarta.annotation.Resource
    private jakarta.ejb.SessionContext context;

    public Saved save(Caller caller, CustomerView input) {
        writer(caller);
        CustomerRules.Checked checked = CustomerRules.check(input, partners::exists);
        Customer customer = em.find(Customer.class, checked.key());
        boolean created = customer == null;
        if (created) {
            customer = new Customer(checked.key());
        }
        customer.describe(checked, clock.instant());
        if (created) {
            em.persist(customer);
        }
        return new Saved(customer.view(), created);
    }

    /** Accounts from a file, each row in a transaction of its own: a bad row is reported, never half-stored. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ImportReport importRows(Caller caller, Iterator<Row> rows, Locale locale) {
        writer(caller);
        Customers self = context.getBusinessObject(Customers.class);
        int created = 0;
        int updated = 0;
        List<com.partnerportal.intake.ImportReport.Rejected> rejected = new ArrayList<>();
        while (rows.hasNext()) {
            Row row = rows.next();
            try {
                if (self.save(caller, row.customer()).created()) {
                    created++;
                } else {
                    updated++;
                }
            } catch (InvalidInputException e) {
                rejected.add(new com.partnerportal.intake.ImportReport.Rejected(row.line(), e.errors().stream()
                        .map(error -> new com.partnerportal.intake.ImportReport.Error(error.field(), error.message(locale)))
                        .toList()));
            }
        }
        return new ImportReport(created, updated, rejected);
    }

    /** Accounts whose name, key, domain or VAT id contains {@code q}, by name. */
    public Page<CustomerView> search(Caller caller, String q, Page.Request paging) {
        if (!caller.has(Role.CHANNEL_MANAGER)) {
            throw new AccessDeniedException("The customer master is the channel manager's");
        }
        String text = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        String where = text.isEmpty() ? ""
                : " where c.nameKey like :name or lower(c.key) like :text or c.domain like :text or lower(c.vatId) like :text";
        var items = em.createQuery("select c from Customer c" + where + " order by c.name, c.key", Customer.class);
        var count = em.createQuery("select count(c) from Customer c" + where, Long.class);
        if (!text.isEmpty()) {
            String name = "%" + CompanyName.key(text) + "%";
            for (var query : List.of(items, count)) {
                query.setParameter("name", name).setParameter("text", "%" + text + "%");
            }
        }
        List<CustomerView> views = items.setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList().stream()
                .map(Customer::view).toList();
        return new Page<>(views, count.getSingleResult(), paging.page(), paging.size());
    }

    /**
     * The account a lead belongs to, if any: its e-mail's domain (unless free mail), else its folded
     * name in the same country (or an account of no country), else the most alike name of the accounts
     * whose names start the same.
     */
    public Optional<CustomerView> match(LeadRules.Checked lead) {
        return match(lead.keys().emailDomain(), lead.keys().company(), lead.country());
    }

    /**
     * The accounts {@link #match} compares {@code leads} with, read in two round trips for all of them:
     * those of their e-mail domains and those whose names start alike. For an import's chunk.
     */
    public void prepare(List<LeadRules.Checked> leads) {
        java.util.Set<String> domains = new java.util.TreeSet<>();
        java.util.Set<String> blocks = new java.util.TreeSet<>();
        for (LeadRules.Checked lead : leads) {
            String domain = lead.keys().emailDomain();
            if (domain != null && !QualityChecks.isFreeMail(domain)) {
                domains.add(domain);
            }
            if (!lead.keys().company().isEmpty()) {
                blocks.add(CompanyName.block(lead.keys().company()));
            }
        }
        List<Customer> byDomain = domains.isEmpty() ? List.of() : em.createQuery(
                "select c from Customer c where c.domain in :domains order by c.key", Customer.class)
                .setParameter("domains", domains).setHint(READ_ONLY, true).getResultList();
        List<Customer> byBlock = blocks.isEmpty() ? List.of() : em.createQuery(
                "select c from Customer c where c.nameBlock in :blocks order by c.key", Customer.class)
                .setParameter("blocks", blocks).setHint(READ_ONLY, true).getResultList();
        memo.put(Accounts.class, new Accounts(domains, blocks, byDomain, byBlock));
    }

    /** Accounts read to compare leads with are not changed: the flushes of the chunk's leads skip them. */
    private static final String READ_ONLY = "org.hibernate.readOnly";

    /** The accounts read for a chunk of leads, and the domains and name blocks they were read for. */
    private record Accounts(java.util.Set<String> domains, java.util.Set<String> blocks, List<Customer> byDomain,
                            List<Customer> byBlock) {

        boolean cover(String domain, String key) {
            return (domain == null || QualityChecks.isFreeMail(domain) || domains.contains(domain))
                    && (key == null || key.isEmpty() || blocks.contains(CompanyName.block(key)));
        }

        Optional<Customer> ofDomain(String domain) {
            return byDomain.stream().filter(c -> domain.equals(c.domain())).findFirst();
        }

        List<Customer> alike(String key, String country) {
            String block = CompanyName.block(key);
            return byBlock.stream().filter(c -> block.equals(c.nameBlock()) && (c.country() == null || c.country().equals(country)))
                    .limit(ALIKE).toList();
        }
    }

    /** At most this many accounts whose names start alike are compared with a lead's. */
    private static final int ALIKE = 200;

    /** {@link #match(LeadRules.Checked)} by a lead's keys: its e-mail's domain, its folded company name, its country. */
    public Optional<CustomerView> match(String domain, String key, String country) {
        Accounts prepared = memo.find(Accounts.class);
        Accounts accounts = prepared != null && prepared.cover(domain, key) ? prepared : null;
        if (domain != null && !QualityChecks.isFreeMail(domain)) {
            Optional<Customer> byDomain = accounts != null ? accounts.ofDomain(domain) : first(em.createQuery(
                    "select c from Customer c where c.domain = :domain order by c.key", Customer.class)
                    .setParameter("domain", domain).setMaxResults(1).getResultList());
            if (byDomain.isPresent()) {
                return byDomain.map(Customer::view);
            }
        }
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        List<Customer> alike = accounts != null ? accounts.alike(key, country) : em.createQuery("""
                        select c from Customer c where c.nameBlock = :block and (c.country is null or c.country = :country)
                        order by c.key""", Customer.class)
                .setParameter("block", CompanyName.block(key)).setParameter("country", country)
                .setMaxResults(ALIKE).getResultList();
        Customer best = null;
        double bestSimilarity = 0;
        for (Customer candidate : alike) {
            if (candidate.nameKey().equals(key)) {
                return Optional.of(candidate.view());
            }
            double similarity = SIMILARITY.apply(candidate.nameKey(), key); // once per candidate: the measure is not cheap
            if (best == null ? similarity >= SAME_COMPANY : similarity > bestSimilarity) { // the first of the most alike
                best = candidate;
                bestSimilarity = similarity;
            }
        }
        return Optional.ofNullable(best).map(Customer::view);
    }

    private static Optional<Customer> first(List<Customer> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    private static void writer(Caller caller) {
        if (!caller.has(Role.CHANNEL_MANAGER) && !caller.has(Role.LEAD_INGEST)) {
            throw new AccessDeniedException("Only a channel manager or the lead intake may keep the customer master");
        }
    }
}
