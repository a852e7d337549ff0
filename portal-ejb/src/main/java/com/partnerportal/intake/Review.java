package com.partnerportal.intake;

import com.partnerportal.lead.LeadInput;
import com.partnerportal.lead.LeadReview;
import com.partnerportal.lead.LeadView;
import com.partnerportal.lead.ReviewCode;
import com.partnerportal.lead.ReviewDecision;
import com.partnerportal.lead.ReviewReason;
import com.partnerportal.partner.PartnerDirectory;
import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.Databases;
import com.partnerportal.platform.FieldError;
import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.platform.Page;
import com.partnerportal.platform.Role;
import com.partnerportal.platform.Validation;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The review queue (seed 004's "Prüfstelle"): the leads held at intake with their reasons, counted
 * per reason and source, and the channel manager's decisions on them, with corrections of their data
 * applied first, in the same transaction (a bad correction stores nothing).
 */
@Stateless
public class Review {

    /** The columns a reviewer may not correct: they identify the delivery. */
    private static final Set<ImportColumn> FIXED = Set.of(ImportColumn.SOURCE, ImportColumn.EXTERNAL_ID);

    /** A decision as the API and the page send it, raw. */
    public record DecisionInput(String decision, Long into, String reasonCode, String partner, String note,
                                Map<String, String> corrections) {
    }

    /** A held lead as the queue lists it. */
    public record Item(long id, String source, String externalId, String companyName, String country, String region,
                       String contactName, String email, String phone, Instant createdAt,
                       List<ReviewReason> reviewReasons) {
    }

    /** How many held leads a reason holds, in all and per source. */
    public record ReasonCount(ReviewCode code, long count, Map<String, Long> bySource) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private LeadReview review;

    @Inject
    private Corrections corrections;

    @Inject
    private PartnerDirectory partners;

    @Inject
    private Clock clock;

    /** The held leads, oldest first, of one reason or all. */
    public Page<Item> queue(Caller caller, ReviewCode reason, Page.Request paging) {
        channelManagerOnly(caller);
        String where = " from sales_lead l where l.state = 'QUARANTINE'" + (reason == null ? ""
                : " and exists (select 1 from review_reason r where r.lead_id = l.id and r.code = :code)");
        Query count = em.createNativeQuery("select count(*)" + where);
        Query select = em.createNativeQuery("""
                select l.id, l.source, l.external_id, l.company_name, l.country, l.region,
                       trim(coalesce(l.contact_first_name, '') || ' ' || coalesce(l.contact_last_name, '')),
                       l.contact_email, l.contact_phone, l.created_at""" + where + " order by l.created_at, l.id");
        if (reason != null) {
            count.setParameter("code", reason.name());
            select.setParameter("code", reason.name());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();
        Map<Long, List<ReviewReason>> reasons = reasons(rows.stream().map(r -> ((Number) r[0]).longValue()).toList());
        List<Item> items = rows.stream().map(r -> {
            long id = ((Number) r[0]).longValue();
            return new Item(id, (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                    (String) r[6], (String) r[7], (String) r[8], Databases.instant(r[9]), reasons.getOrDefault(id, List.of()));
        }).toList();
        return new Page<>(items, ((Number) count.getSingleResult()).longValue(), paging.page(), paging.size());
    }

    /** How many held leads each reason holds, and from which sources: which source sends bad data. */
    public List<ReasonCount> counts(Caller caller) {
        channelManagerOnly(caller);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select r.code, l.source, count(distinct l.id) from review_reason r join sales_lead l on l.id = r.lead_id
                where l.state = 'QUARANTINE' group by r.code, l.source order by r.code, l.source""").getResultList();
        Map<ReviewCode, Map<String, Long>> byCode = new LinkedHashMap<>();
        for (Object[] row : rows) {
            byCode.computeIfAbsent(ReviewCode.valueOf((String) row[0]), c -> new LinkedHashMap<>())
                    .put((String) row[1], ((Number) row[2]).longValue());
        }
        return byCode.entrySet().stream().map(e -> new ReasonCount(e.getKey(),
                e.getValue().values().stream().mapToLong(Long::longValue).sum(), e.getValue())).toList();
    }

    /** The channel manager's decision on a held lead, its corrections applied first. */
    public LeadView decide(Caller caller, long id, DecisionInput input) {
        channelManagerOnly(caller);
        Validation v = new Validation();
        ReviewDecision decision = v.requireEnum("decision", input == null ? null : input.decision(), ReviewDecision.class);
        v.throwIfInvalid();
        String note = input.note() == null || input.note().isBlank() ? null : input.note().strip();
        if (note != null && note.length() > 500) {
            throw new InvalidInputException(List.of(new FieldError("note", "tooLong", 500)));
        }
        LeadView held = review.held(caller, id);
        if (input.corrections() != null && !input.corrections().isEmpty()) {
            held = correct(caller, held, input.corrections());
        }
        String owner = null;
        String customerKey = null;
        if (decision == ReviewDecision.ROUTE_TO_OWNER) {
            ReviewReason customer = held.reviewReasons().stream().filter(r -> r.code() == ReviewCode.EXISTING_CUSTOMER)
                    .findFirst().orElse(null);
            customerKey = customer == null ? null : customer.arguments().get(0);
            String partner = input.partner() != null && !input.partner().isBlank() ? input.partner().strip()
                    : customer == null ? null : customer.arguments().get(1);
            if (input.partner() != null && !input.partner().isBlank() && !partners.exists(partner)) {
                throw new InvalidInputException(List.of(new FieldError("partner", "unknownCode", partner)));
            }
            owner = partner != null && partners.exists(partner) ? partner : null;
            customerKey = customerKey == null ? "-" : customerKey;
        }
        return review.decide(caller, id, new LeadReview.Decided(decision, input.into(), input.reasonCode(), owner,
                customerKey, note));
    }

    /**
     * Applies corrections, named by import column, to the held lead: checked as a delivery is, stored
     * per column with the value each replaced. A fault is reported as {@code corrections.<column>}.
     */
    private LeadView correct(Caller caller, LeadView held, Map<String, String> changes) {
        Map<ImportColumn, String> values = LeadColumns.of(held);
        Map<ImportColumn, String> replaced = new LinkedHashMap<>();
        List<FieldError> problems = new ArrayList<>();
        for (Map.Entry<String, String> change : changes.entrySet()) {
            ImportColumn column = ImportColumn.named(change.getKey()).orElse(null);
            if (column == null || FIXED.contains(column)) {
                problems.add(new FieldError("corrections." + change.getKey(), column == null ? "unknownColumn" : "notCorrectable",
                        change.getKey()));
                continue;
            }
            replaced.put(column, values.get(column));
            values.put(column, change.getValue());
        }
        List<FieldError> rowProblems = new ArrayList<>();
        LeadInput input = LeadColumns.input(values, rowProblems);
        rowProblems.forEach(p -> problems.add(renamed(p)));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        try {
            review.correct(caller, held.id(), input);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.errors().stream().map(Review::renamed).toList());
        }
        Instant now = clock.instant();
        replaced.forEach((column, before) -> corrections.save(held.id(), column, clean(values.get(column)), before,
                caller.username(), now));
        return review.held(caller, held.id());
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static FieldError renamed(FieldError error) {
        String column = ImportColumn.columnOf(error.field());
        return new FieldError("corrections." + column, error.messageKey(), error.arguments().toArray());
    }

    private Map<Long, List<ReviewReason>> reasons(List<Long> ids) {
        Map<Long, List<ReviewReason>> reasons = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return reasons;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select lead_id, code, arguments from review_reason where lead_id in (:ids) order by lead_id, id")
                .setParameter("ids", ids).getResultList();
        for (Object[] row : rows) {
            reasons.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>())
                    .add(ReviewReason.stored((String) row[1], (String) row[2]));
        }
        return reasons;
    }

    private static void channelManagerOnly(Caller caller) {
        if (!caller.has(Role.CHANNEL_MANAGER)) {
            throw new AccessDeniedException("The review queue is the channel manager's");
        }
    }
}
