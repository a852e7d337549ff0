package com.partnerportal.lead;

import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.Databases;
import com.partnerportal.platform.NotFoundException;
import com.partnerportal.platform.Page;
import com.partnerportal.platform.Role;
import com.partnerportal.reference.Catalog;
import com.partnerportal.reference.ReferenceCatalog;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.EnumMap;
import java.util.stream.Collectors;

/**
 * The channel manager's and the intake's use cases on a lead: create (idempotent on source and
 * external id), read, qualify, publish to the pool and take back from it.
 */
@Stateless
public class LeadService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ConsentRules consentRules;

    @Inject
    private ReferenceCatalog catalog;

    @Inject
    private LeadHistory history;

    @Inject
    private Clock clock;

    @Inject
    private LeadMoves moves;

    @Inject
    private com.partnerportal.platform.TransactionMemo memo;

    /** The lead as stored and whether this call created it (201) or found it (200). */
    public record Created(LeadView lead, boolean created) {
    }

    /** A short line of a lead list, without contact data. */
    public record Summary(long id, LeadState state, String companyName, String region, String product,
                          String partner, String assignee, Instant publishedAt, Instant createdAt) {
    }

    /**
     * Creates a lead as {@code screening} decides where it starts: held for review, handed to the
     * owner of its customer, qualified or new. A lead delivered again is found, not created twice.
     */
    public Created create(Caller caller, LeadInput input, Screening screening) {
        Stored stored = createAll(caller, List.of(check(input)), screening).get(0);
        return new Created(history.view(stored.id()), stored.created());
    }

    /**
     * Creates the leads of a chunk as {@link #create} creates one, in the order given: those delivered
     * before are found in one round trip, and what the screening needs is read for all at once
     * ({@link Screening#prepare}). A lead that comes twice in the chunk is created once and found the
     * second time. The leads go in one batch and leave the persistence context at once (nothing after
     * changes them, so no later flush looks at them again); their first moves and reasons for review
     * follow in one batch each. The leads come
     * {@link #check checked}, as the import checks its rows before it delivers them.
     */
    public List<Stored> createAll(Caller caller, List<LeadRules.Checked> checked, Screening screening) {
        if (!caller.has(Role.CHANNEL_MANAGER) && !caller.has(Role.LEAD_INGEST)) {
            throw new AccessDeniedException("Only a channel manager or the lead intake may create leads");
        }
        Map<String, Stored> known = delivered(checked);
        screening.prepare(checked.stream().filter(lead -> !known.containsKey(sourceKey(lead.source(), lead.externalId()))).toList());
        Instant now = clock.instant();
        List<Stored> stored = new java.util.ArrayList<>(checked.size());
        List<LeadMoves.Creation> creations = new java.util.ArrayList<>();
        Map<Long, List<ReviewReason>> held = new java.util.HashMap<>();
        for (LeadRules.Checked lead : checked) {
            String key = sourceKey(lead.source(), lead.externalId());
            Stored before = known.get(key);
            if (before == null) {
                LeadMoves.Creation created = make(lead, screening, now, held);
                creations.add(created);
                known.put(key, new Stored(created.lead().id(), created.lead().state(), false));
                stored.add(new Stored(created.lead().id(), created.lead().state(), true));
            } else {
                stored.add(before);
            }
        }
        em.flush(); // the leads, in one batch
        em.clear();
        moves.createdAll(creations, caller.username(), now);
        history.holdNew(held);
        em.flush();
        em.clear();
        return stored;
    }

    /** A lead of a chunk: its id, its state, and whether this call created it or found it delivered before. */
    public record Stored(long id, LeadState state, boolean created) {
    }

    /**
     * Those of {@code leads} stored before, by {@link #sourceKey}: one round trip, a lookup of the unique
     * index per lead (joined to the pairs as a table: with {@code source in (..) and external_id in (..)}
     * PostgreSQL read every lead of a source it had no statistics of yet, a new import's, for each chunk).
     */
    private Map<String, Stored> delivered(List<LeadRules.Checked> leads) {
        List<List<String>> pairs = leads.stream().map(l -> List.of(l.source(), l.externalId())).distinct().toList();
        if (pairs.isEmpty()) {
            return new java.util.HashMap<>();
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < pairs.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(:s").append(i).append(", :e").append(i).append(')');
        }
        Query query = em.createNativeQuery("select l.id, l.state, l.source, l.external_id from (values " + values
                + ") v (s, e) join sales_lead l on l.source = v.s and l.external_id = v.e");
        for (int i = 0; i < pairs.size(); i++) {
            query.setParameter("s" + i, pairs.get(i).get(0)).setParameter("e" + i, pairs.get(i).get(1));
        }
        Map<String, Stored> found = new java.util.HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            found.put(sourceKey((String) r[2], (String) r[3]),
                    new Stored(((Number) r[0]).longValue(), LeadState.valueOf((String) r[1]), false));
        }
        return found;
    }

    private static String sourceKey(String source, String externalId) {
        return source + "\n" + externalId;
    }

    /**
     * A new lead where {@code screening} puts it (its reasons for review into {@code held}), persisted
     * but not yet written, with what its first move records. A lead whose duplicates the screening
     * asks the database for (not {@link Screening#prepare prepared}) finds those of the same chunk:
     * a native query writes the persistence context's leads first.
     */
    private LeadMoves.Creation make(LeadRules.Checked checked, Screening screening, Instant now,
                                    Map<Long, List<ReviewReason>> held) {
        boolean consentRequired = checked.consentRequired() != null ? checked.consentRequired()
                : consentRules.required(checked.source(), checked.country());
        RoutingVerdict routing = screening.route(checked);
        checked = withProtocol(checked, routing);
        Screening.Verdict verdict = heldForConsent(screening.screen(checked, null), consentRequired);
        Lead lead = new Lead(checked, verdict.start(checked, routing), consentRequired, now);
        lead.route(routing);
        if (verdict.owner() != null) {
            lead.handTo(verdict.owner().partner(), now);
        }
        em.persist(lead);
        if (verdict.owner() != null) {
            return new LeadMoves.Creation(lead, verdict.owner().partner(),
                    MoveReason.ROUTED.encode(verdict.owner().customerKey(), verdict.owner().partner()));
        }
        if (lead.state() == LeadState.QUARANTINE) {
            held.put(lead.id(), verdict.reasons());
            return new LeadMoves.Creation(lead, null, MoveReason.REVIEW.encode(
                    verdict.reasons().stream().map(ReviewReason::detail).collect(Collectors.joining("; "))));
        }
        return new LeadMoves.Creation(lead, null, received(checked.source(), routing));
    }

    /**
     * A lead of a partner's customer that needs the prospect's consent does not go to that partner
     * before the prospect allowed it: it waits for the channel manager, who records the consent and
     * routes it then.
     */
    private static Screening.Verdict heldForConsent(Screening.Verdict verdict, boolean consentRequired) {
        if (verdict.owner() == null || !consentRequired) {
            return verdict;
        }
        List<ReviewReason> reasons = new java.util.ArrayList<>(verdict.reasons());
        reasons.add(ReviewReason.of(ReviewCode.EXISTING_CUSTOMER, verdict.owner().customerKey(), verdict.owner().partner()));
        return new Screening.Verdict(reasons, null);
    }

    /** A lead the routing rules handed over without a handover protocol gets theirs (seed 004). */
    private static LeadRules.Checked withProtocol(LeadRules.Checked checked, RoutingVerdict routing) {
        return routing.outcome() == RoutingVerdict.Outcome.HANDED_OVER && !checked.handedOver()
                ? checked.handedOverBecause(routing.protocol()) : checked;
    }

    /** Why a lead starts where it does: received, and handed over or kept for marketing by its market's rules. */
    private static String received(String source, RoutingVerdict routing) {
        if (routing.outcome() == RoutingVerdict.Outcome.HANDED_OVER) {
            return MoveReason.HANDED_OVER.encode(source, routing.rule().encode());
        }
        return routing.outcome() == RoutingVerdict.Outcome.NURTURE
                ? MoveReason.KEPT_FOR_NURTURE.encode(source, routing.score()) : MoveReason.RECEIVED.encode(source);
    }

    /** The states in which a lead delivered again takes the new data: before it goes to the pool. */
    public static final java.util.Set<LeadState> REDELIVERABLE = java.util.EnumSet.of(LeadState.NEW,
            LeadState.QUARANTINE, LeadState.QUALIFIED, LeadState.NURTURE);

    /**
     * A lead delivered again with {@code input} (corrections already applied): described anew and
     * screened again while it has not gone to the pool. Held for review when a check or a
     * {@code conflict} with a correction says so; released when nothing holds it any more. Null when
     * nothing changed (or the lead is past the intake): a duplicate delivery.
     */
    public LeadView redeliver(Caller caller, long id, LeadInput input, Screening screening,
                              List<ReviewReason> conflicts) {
        if (!caller.has(Role.CHANNEL_MANAGER) && !caller.has(Role.LEAD_INGEST)) {
            throw new AccessDeniedException("Only a channel manager or the lead intake may deliver leads");
        }
        LeadRules.Checked checked = check(input);
        Lead lead = em.find(Lead.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (lead == null || !REDELIVERABLE.contains(lead.state())) {
            return null;
        }
        LeadView before = history.view(lead);
        RoutingVerdict routing = screening.route(checked);
        checked = withProtocol(checked, routing);
        lead.describe(checked);
        lead.route(routing);
        LeadView after = history.view(lead);
        if (sameData(before, after) && conflicts.isEmpty()) {
            return null;
        }
        Screening.Verdict verdict = screening.screen(checked, id);
        List<ReviewReason> reasons = new java.util.ArrayList<>(conflicts);
        reasons.addAll(verdict.reasons());
        if (verdict.owner() != null) { // a customer now: the reviewer gives it to the owner
            reasons.add(ReviewReason.of(ReviewCode.EXISTING_CUSTOMER, verdict.owner().customerKey(), verdict.owner().partner()));
        }
        Instant now = clock.instant();
        if (!reasons.isEmpty()) {
            if (lead.state() != LeadState.QUARANTINE) {
                moves.move(lead, LeadState.QUARANTINE, caller.username(), now, MoveReason.REVIEW.encode(
                        reasons.stream().map(ReviewReason::detail).collect(Collectors.joining("; "))));
            }
            history.hold(id, reasons);
        } else if (lead.state() == LeadState.QUARANTINE) {
            moves.move(lead, Screening.start(checked, routing), caller.username(), now, MoveReason.RELEASED.encode());
            history.hold(id, List.of());
        } else {
            LeadState start = Screening.start(checked, routing);
            boolean onward = lead.state() == LeadState.NEW && start != LeadState.NEW
                    || lead.state() == LeadState.NURTURE && start == LeadState.QUALIFIED;
            if (onward) {
                moves.move(lead, start, caller.username(), now, start == LeadState.NURTURE
                        ? MoveReason.KEPT_FOR_NURTURE.encode(checked.source(), routing.score())
                        : routing.outcome() == RoutingVerdict.Outcome.HANDED_OVER
                        ? MoveReason.HANDED_OVER.encode(checked.source(), routing.rule().encode())
                        : MoveReason.QUALIFIED.encode());
            }
        }
        return history.view(lead);
    }

    /** Whether two readings of a lead hold the same delivered data. */
    private static boolean sameData(LeadView a, LeadView b) {
        return java.util.Objects.equals(a.campaign(), b.campaign()) && a.company().equals(b.company())
                && java.util.Objects.equals(a.contact(), b.contact()) && a.product().equals(b.product())
                && java.util.Objects.equals(a.requiredCertification(), b.requiredCertification())
                && java.util.Objects.equals(a.estimatedRevenue(), b.estimatedRevenue()) && a.score() == b.score()
                && java.util.Objects.equals(a.buyingSignals(), b.buyingSignals()) && a.signals().equals(b.signals())
                && java.util.Objects.equals(a.handover(), b.handover());
    }

    /** A delivered lead checked field by field against the catalogues: 400 with every fault at once. */
    public LeadRules.Checked check(LeadInput input) {
        return LeadRules.check(input, catalogues());
    }

    /** The codes a lead may use, as the catalogues hold them now. */
    public LeadRules.Catalogues catalogues() {
        return memo.get(LeadRules.Catalogues.class, () -> new LeadRules.Catalogues(catalog.regionCodes(),
                catalog.codes(Catalog.PRODUCT), catalog.codes(Catalog.CERTIFICATION)));
    }

    /** What the checks of {@link #create} find wrong with a lead, without storing anything. */
    public List<com.partnerportal.platform.FieldError> problems(LeadInput input) {
        try {
            check(input);
            return List.of();
        } catch (com.partnerportal.platform.InvalidInputException e) {
            return e.errors();
        }
    }

    /**
     * What waits for the channel manager: leads held for review at intake, new ones without a
     * handover protocol, qualified ones to publish, leads partners gave back and leads the SLA took
     * back, and published leads nobody claimed in time.
     */
    public record Workload(long inReview, long incomplete, long toPublish, long returned, long recalled, long escalated) {
    }

    public Workload workload(Caller caller) {
        if (!caller.isManufacturer()) {
            throw new AccessDeniedException("The workload of the pool is the manufacturer's");
        }
        Map<LeadState, Long> byState = new EnumMap<>(LeadState.class);
        em.createQuery("select l.state, count(l) from Lead l where l.state in :states group by l.state", Object[].class)
                .setParameter("states", List.of(LeadState.NEW, LeadState.QUARANTINE, LeadState.QUALIFIED,
                        LeadState.RETURNED, LeadState.RECALLED))
                .getResultList().stream().forEach(row -> byState.put((LeadState) row[0], (Long) row[1]));
        long escalated = em.createQuery(
                        "select count(l) from Lead l where l.state = :published and l.escalatedAt is not null", Long.class)
                .setParameter("published", LeadState.PUBLISHED).getSingleResult();
        return new Workload(byState.getOrDefault(LeadState.QUARANTINE, 0L), byState.getOrDefault(LeadState.NEW, 0L),
                byState.getOrDefault(LeadState.QUALIFIED, 0L), byState.getOrDefault(LeadState.RETURNED, 0L),
                byState.getOrDefault(LeadState.RECALLED, 0L), escalated);
    }

    /** Another call created the same lead at the same moment: this is the one it stored. */
    public LeadView bySource(String source, String externalId) {
        Lead lead = bySourceKey(source == null ? null : source.strip(), externalId == null ? null : externalId.strip());
        if (lead == null) {
            throw new NotFoundException("Lead " + source + "/" + externalId);
        }
        return history.view(lead);
    }

    public LeadView find(Caller caller, long id) {
        return history.view(visible(caller, id)).seenBy(caller);
    }

    /** The company names of those of {@code ids} the caller sees (the manufacturer all, a partner those it holds), by id. */
    public Map<Long, String> companyNames(Caller caller, Collection<Long> ids) {
        boolean partner = !caller.isManufacturer();
        if (ids.isEmpty() || (partner && !(caller.isReseller() && caller.partnerKey() != null))) {
            return Map.of();
        }
        TypedQuery<Object[]> names = em.createQuery("select l.id, l.companyName from Lead l where l.id in :ids"
                + (partner ? " and l.partnerKey = :partner" : ""), Object[].class).setParameter("ids", ids);
        if (partner) {
            names.setParameter("partner", caller.partnerKey());
        }
        return names.getResultList().stream().collect(Collectors.toMap(t -> (Long) t[0], t -> (String) t[1]));
    }

    /** What a marketplace card shows first of each lead, product and region codes: to name a lead offered to the caller's partner. */
    public record CardName(String product, String region) {
    }

    public Map<Long, CardName> cardNames(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select l.id, l.product, l.region from Lead l where l.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.toMap(t -> (Long) t[0], t -> new CardName((String) t[1], (String) t[2])));
    }

    /** The manufacturer's lead list, or a reseller's own leads, narrowed and ordered as asked. */
    public Page<Summary> list(Caller caller, LeadQuery query, int page, int size) {
        String where = " from sales_lead l where 1 = 1"
                + (query.state() == null ? "" : " and l.state = :state")
                + (caller.isManufacturer() ? "" : " and l.partner_key = :partner")
                + (query.text() == null ? "" : " and lower(l.company_name) like :text escape '\\'");
        Query count = em.createNativeQuery("select count(*)" + where);
        Query select = em.createNativeQuery("""
                select l.id, l.state, l.company_name, l.region, l.product, l.partner_key, l.assignee, l.published_at, l.created_at
                """ + where + query.sort().orderBy(query.descending()));
        for (Query q : List.of(count, select)) {
            if (query.state() != null) {
                q.setParameter("state", query.state().name());
            }
            if (!caller.isManufacturer()) {
                q.setParameter("partner", caller.partnerKey() == null ? "" : caller.partnerKey());
            }
            if (query.text() != null) {
                q.setParameter("text", query.pattern());
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.setFirstResult(page * size).setMaxResults(size).getResultList();
        List<Summary> items = rows.stream().map(r -> new Summary(((Number) r[0]).longValue(), LeadState.valueOf((String) r[1]),
                (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6], Databases.instant(r[7]),
                Databases.instant(r[8]))).toList();
        return new Page<>(items, ((Number) count.getSingleResult()).longValue(), page, size);
    }


    public LeadView qualify(Caller caller, long id, LeadInput.Handover handover) {
        Lead lead = manufacturerOnly(caller, id);
        if (handover != null) {
            lead.setHandover(LeadRules.checkHandover(handover));
        }
        if (!lead.hasHandover()) {
            throw new com.partnerportal.platform.ConflictException("HANDOVER_MISSING",
                    "A lead is qualified with a handover protocol saying why it goes to a partner");
        }
        require(caller, lead, LeadAction.QUALIFY, "A lead in the pool is taken back (withdraw), not qualified again");
        return move(caller, lead, LeadState.QUALIFIED, MoveReason.QUALIFIED.encode());
    }

    public LeadView publish(Caller caller, long id) {
        Lead lead = manufacturerOnly(caller, id);
        Instant now = clock.instant();
        lead.openToPool(now); // refuses a lead without a handover protocol first, saying so
        require(caller, lead, LeadAction.PUBLISH, "A lead in state " + lead.state() + " cannot go into the pool");
        moves.move(lead, LeadState.PUBLISHED, caller.username(), now, MoveReason.PUBLISHED.encode());
        return history.view(lead);
    }

    /** Takes a published lead back out of the pool, before anyone claimed it. */
    public LeadView withdrawFromPool(Caller caller, long id) {
        Lead lead = manufacturerOnly(caller, id);
        require(caller, lead, LeadAction.WITHDRAW, "Only a published lead can be taken back from the pool");
        return move(caller, lead, LeadState.QUALIFIED, MoveReason.TAKEN_BACK.encode());
    }

    /** Closes a returned or recalled lead for good, saying why. */
    public LeadView close(Caller caller, long id, String reason) {
        Lead lead = manufacturerOnly(caller, id);
        require(caller, lead, LeadAction.CLOSE, "Only a returned or recalled lead is closed this way");
        com.partnerportal.platform.Validation v = new com.partnerportal.platform.Validation();
        String why = v.requireText("reason", reason, 500);
        v.throwIfInvalid();
        return move(caller, lead, LeadState.LOST, MoveReason.CLOSED.encode(why));
    }

    /** What this caller may do with the lead, for the page that offers it ({@link LeadAction}). */
    public java.util.Set<LeadAction> actions(Caller caller, LeadView lead) {
        return LeadAction.allowed(caller, lead);
    }

    private static void require(Caller caller, Lead lead, LeadAction action, String why) {
        if (!LeadAction.allowed(caller, lead.state(), lead.partnerKey(), lead.hasHandover()).contains(action)) {
            throw new com.partnerportal.platform.ConflictException("ILLEGAL_TRANSITION", why);
        }
    }

    private LeadView move(Caller caller, Lead lead, LeadState next, String reason) {
        moves.move(lead, next, caller.username(), clock.instant(), reason);
        return history.view(lead);
    }

    private Lead manufacturerOnly(Caller caller, long id) {
        if (!caller.has(Role.CHANNEL_MANAGER)) {
            throw new AccessDeniedException("Only a channel manager may do this");
        }
        return visible(caller, id);
    }

    /** The manufacturer sees every lead; a partner only the leads it holds. Anyone else: not found. */
    private Lead visible(Caller caller, long id) {
        Lead lead = em.find(Lead.class, id);
        boolean sees = lead != null && (caller.isManufacturer()
                || (caller.isReseller() && lead.partnerKey() != null && lead.partnerKey().equals(caller.partnerKey())));
        if (!sees) {
            throw new NotFoundException("Lead " + id);
        }
        return lead;
    }

    private Lead bySourceKey(String source, String externalId) {
        return em.createQuery("select l from Lead l where l.source = :source and l.externalId = :externalId", Lead.class)
                .setParameter("source", source).setParameter("externalId", externalId)
                .getResultList().stream().findFirst().orElse(null);
    }
}
