package com.partnerportal.sla;

import com.partnerportal.lead.LeadMoves;
import com.partnerportal.lead.LeadState;
import com.partnerportal.lead.LeadWork;
import com.partnerportal.lead.MoveReason;
import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.PortalUrl;
import com.partnerportal.reference.Catalog;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.Mailer;
import com.partnerportal.reference.ReferenceCatalog;
import com.partnerportal.reference.RegionView;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The SLA sweep, run by {@link SlaWatch} and on demand. Every change is a conditional update, so a
 * sweep that runs twice, or on two nodes at once, recalls and escalates each lead once.
 */
@Stateless
public class SlaService {

    static final String ACTOR = "sla-watch";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private LeadMoves moves;

    @Inject
    private LeadWork work;

    @Inject
    private ReferenceCatalog catalog;

    @Inject
    private Mailer mailer;


    @Inject
    private Clock clock;

    /** What one sweep did. */
    public record Sweep(Instant at, int recalled, int escalated) {
    }

    public Sweep sweep() {
        Instant now = clock.instant();
        return new Sweep(now, recallUntouched(now), escalateUnclaimed(now));
    }

    /**
     * A lead the caller's partner holds open, and by when an activity must be logged for it, if one
     * must: a claimed lead nobody worked yet is taken back at its deadline.
     */
    public record OpenLead(long id, String companyName, LeadState state, Instant claimedAt, Instant deadline) {
    }

    /** The partner's open leads: the next deadline first, then those without one, the latest claim first. */
    public List<OpenLead> openLeads(Caller caller) {
        if (!caller.isReseller() || caller.partnerKey() == null) {
            throw new AccessDeniedException("This is for reseller users bound to a partner");
        }
        return em.createQuery("""
                        select l.id, l.companyName, l.state, l.claimedAt, l.lastActivityAt, l.country from Lead l
                        where l.partnerKey = :p and l.state in :open""", Object[].class)
                .setParameter("p", caller.partnerKey()).setParameter("open", LeadState.OPEN)
                .getResultList().stream().map(row -> {
                    LeadState state = (LeadState) row[2];
                    Instant claimedAt = (Instant) row[3];
                    Instant deadline = SlaPolicy.firstActivityDue(state, claimedAt, (Instant) row[4], (String) row[5]);
                    return new OpenLead((Long) row[0], (String) row[1], state, claimedAt, deadline);
                })
                .sorted(Comparator.comparing(OpenLead::deadline, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                        .thenComparing(OpenLead::claimedAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder())))
                .toList();
    }

    public List<SlaBreach.View> breaches(Caller caller, String partnerKey) {
        if (!caller.sees(partnerKey)) {
            throw new AccessDeniedException("Only the partner itself and the manufacturer see its SLA record");
        }
        return em.createQuery("select b from SlaBreach b where b.partnerKey = :p order by b.at desc", SlaBreach.class)
                .setParameter("p", partnerKey).getResultList().stream().map(SlaBreach::toView).toList();
    }

    private int recallUntouched(Instant now) {
        Instant latestInTime = now.minus(SlaPolicy.shortestFirstActivity(
                catalog.regions().stream().filter(RegionView::isCountry).map(RegionView::code)));
        List<Object[]> candidates = em.createQuery("""
                        select l.id, l.partnerKey, l.country, l.claimedAt from Lead l
                        where l.state = :claimed and l.lastActivityAt is null and l.claimedAt < :latest""", Object[].class)
                .setParameter("claimed", LeadState.CLAIMED).setParameter("latest", latestInTime).getResultList();
        int recalled = 0;
        for (Object[] c : candidates) {
            long id = (Long) c[0];
            String partner = (String) c[1];
            Instant claimedAt = (Instant) c[3];
            if (claimedAt == null // H2 once answered a row its own condition on claimedAt had let through: skip it, not the sweep
                    || claimedAt.plus(SlaPolicy.firstActivity((String) c[2])).isAfter(now)) {
                continue;
            }
            if (moves.recallUntouched(id, partner, ACTOR, now,
                    MoveReason.RECALLED.encode(partner, SlaPolicy.firstActivity((String) c[2]).toHours()))) {
                work.exclude(id, partner);
                em.persist(new SlaBreach(partner, id, SlaBreach.NO_ACTIVITY, now));
                recalled++;
            }
        }
        return recalled;
    }

    /** Marks each lead waiting too long once, and tells the channel manager about them in one mail. */
    private int escalateUnclaimed(Instant now) {
        List<Object[]> waiting = em.createQuery("""
                        select l.id, l.companyName, l.region, l.product, l.publishedAt from Lead l
                        where l.state = :published and l.publishedAt < :since and l.escalatedAt is null
                        order by l.publishedAt""", Object[].class)
                .setParameter("published", LeadState.PUBLISHED)
                .setParameter("since", now.minus(SlaPolicy.unclaimed())).getResultList();
        List<String> lines = new java.util.ArrayList<>();
        for (Object[] lead : waiting) {
            int marked = em.createQuery("update Lead l set l.escalatedAt = :now where l.id = :id and l.escalatedAt is null")
                    .setParameter("now", now).setParameter("id", lead[0]).executeUpdate();
            if (marked == 1) {
                lines.add(lead[1] + " (" + catalog.regionLabel((String) lead[2], Locale.ENGLISH) + ", "
                        + catalog.label(Catalog.PRODUCT, (String) lead[3], Locale.ENGLISH) + "), in the pool since "
                        + lead[4] + "\n    " + PortalUrl.of("/lead/" + lead[0]));
            }
        }
        if (!lines.isEmpty()) {
            mailer.send(SlaPolicy.escalationRecipient(), lines.size() + " lead(s) waiting in the pool for more than "
                    + SlaPolicy.unclaimed().toDays() + " days",
                    "No partner has claimed these leads yet. Check who may take them in the pool overview:\n\n"
                            + String.join("\n", lines) + "\n");
        }
        return lines.size();
    }
}
