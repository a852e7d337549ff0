package com.partnerportal.privacy;

import com.partnerportal.lead.LeadView;
import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.Databases;
import com.partnerportal.platform.NamedSql;
import com.partnerportal.platform.Page;
import com.partnerportal.platform.Role;
import com.partnerportal.platform.Validation;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who saw a prospect's contact data, when, and how: one row per reveal, written before the data
 * leaves the server, so that no reveal goes unrecorded. The claim writes its row in its own
 * statement, an export in the transaction that reads the rows. The channel manager and the portal admin search it.
 */
@Stateless
public class ContactAudit {

    /** The row of one reveal, the lead as {@code :id}, the caller as {@code :actor} of partner {@code :p}. */
    private static final NamedSql RECORD = new NamedSql("""
            insert into personal_data_access (lead_id, at, username, partner_key, how)
            values (:id, :now, :actor, :p, :how)""");

    /** How many leads one statement records at most. */
    private static final int CHUNK = 1000;

    /** One reveal as the search shows it. */
    public record Entry(Instant at, String user, String partner, long lead, Access how) {
    }

    /** What the search narrows by: a lead, a user, days of UTC (inclusive); each may be null. */
    public record Search(Long lead, String user, LocalDate from, LocalDate to) {

        /** The search as an address writes it; a wrong value is rejected into {@code v}, by its parameter's name. */
        public static Search parse(Validation v, String lead, String user, String from, String to) {
            Integer leadId = lead == null || lead.isBlank() ? null : v.wholeNumber("lead", lead, 1, Integer.MAX_VALUE);
            LocalDate fromDay = v.optionalDate("from", from);
            LocalDate toDay = v.optionalDate("to", to);
            if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
                v.reject("to", "notBeforeFrom");
            }
            return new Search(leadId == null ? null : leadId.longValue(), user == null || user.isBlank() ? null : user.strip(),
                    fromDay, toDay);
        }
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    /** Records that the caller was shown this lead's contact, if the lead carries one. */
    public void revealed(Caller caller, LeadView lead, Access how) {
        if (lead.contact() != null) {
            record(caller, List.of(lead.id()), how);
        }
    }

    /** Records that the caller was shown the contact of these leads. */
    public void record(Caller caller, Collection<Long> leads, Access how) {
        List<Long> ids = new ArrayList<>(leads);
        Instant now = clock.instant();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            em.createNativeQuery("""
                            insert into personal_data_access (lead_id, at, username, partner_key, how)
                            select l.id, :now, :actor, :p, :how from sales_lead l where l.id in (:ids)""")
                    .setParameter("now", now).setParameter("actor", caller.username())
                    .setParameter("p", caller.isManufacturer() ? null : caller.partnerKey())
                    .setParameter("how", how.name())
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK))).executeUpdate();
        }
    }

    /** Records a reveal on the transaction's connection: for the claim, which works on plain JDBC. */
    public static void record(Connection connection, Map<String, Object> claim) throws SQLException {
        Map<String, Object> values = new HashMap<>(claim);
        values.put("how", Access.CLAIM.name());
        RECORD.update(connection, values);
    }

    /** The reveals that match, newest first. */
    public Page<Entry> search(Caller caller, Search query, Page.Request paging) {
        if (!caller.has(Role.CHANNEL_MANAGER) && !caller.has(Role.PORTAL_ADMIN)) {
            throw new AccessDeniedException("The audit of personal data is the channel manager's and the portal admin's");
        }
        String where = " from personal_data_access a where 1 = 1"
                + (query.lead() == null ? "" : " and a.lead_id = :lead")
                + (query.user() == null ? "" : " and a.username = :user")
                + (query.from() == null ? "" : " and a.at >= :from")
                + (query.to() == null ? "" : " and a.at < :to");
        Query count = bind(em.createNativeQuery("select count(*)" + where), query);
        Query select = bind(em.createNativeQuery(
                "select a.at, a.username, a.partner_key, a.lead_id, a.how" + where + " order by a.at desc, a.id desc",
                Object[].class), query);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();
        List<Entry> entries = rows.stream().map(ContactAudit::entry).toList();
        return new Page<>(entries, ((Number) count.getSingleResult()).longValue(), paging.page(), paging.size());
    }

    /** Every reveal of a lead's contact, newest first (at most the last 10,000). */
    public List<Entry> ofLead(long leadId) {
        List<Object[]> rows = em.createNativeQuery("""
                        select a.at, a.username, a.partner_key, a.lead_id, a.how from personal_data_access a
                        where a.lead_id = :lead order by a.at desc, a.id desc""", Object[].class)
                .setParameter("lead", leadId).setMaxResults(10_000).getResultList();
        return rows.stream().map(ContactAudit::entry).toList();
    }

    private static Entry entry(Object[] r) {
        return new Entry(Databases.instant(r[0]), (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                Access.valueOf((String) r[4]));
    }

    private static Query bind(Query q, Search query) {
        if (query.lead() != null) {
            q.setParameter("lead", query.lead());
        }
        if (query.user() != null) {
            q.setParameter("user", query.user());
        }
        if (query.from() != null) {
            q.setParameter("from", query.from().atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (query.to() != null) {
            q.setParameter("to", query.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        return q;
    }
}
