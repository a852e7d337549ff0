package com.partnerportal.marketplace;

import com.partnerportal.notification.NotificationType;
import com.partnerportal.notification.Notifications;
import com.partnerportal.platform.Clocks;
import com.partnerportal.user.PortalUsers;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the partners that may take a published lead now, once each: at its publishing (in the same
 * transaction, so within the request) and again when a tier's early access ends (the sweep of
 * {@link OfferWatch}). "May take" is the pool's rules ({@link TierWindows#COULD_TAKE}): a partner
 * without the prospect's consent, absent or without room is not told. Each user of such a partner
 * gets a notification and, as it chose, a mail at once or in a digest ({@link OfferMails}). The offer
 * row per lead and partner makes it once, on any node, before or after a restart.
 */
@Stateless
public class LeadOffers {

    private static final Logger LOG = Logger.getLogger(LeadOffers.class.getName());

    /** The lead {@code l} is open to the tier of partner {@code t} at {@code :now}. */
    private static final String OPEN_TO_ITS_TIER = """
            (case t.tier when 'GOLD' then l.published_at when 'SILVER' then l.silver_from else l.bronze_from end) <= :now""";

    private static final String TO_TELL = "select t.partner_key from sales_lead l, partner t where l.id = :id and "
            + OPEN_TO_ITS_TIER + " and " + TierWindows.COULD_TAKE
            + "\n and not exists (select 1 from lead_offer o where o.lead_id = l.id and o.partner_key = t.partner_key)"
            + "\n order by t.partner_key";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Notifications notifications;

    @Inject
    private PortalUsers users;

    @Inject
    private Event<OffersMade> offersMade;

    @Inject
    private Clock clock;

    @Resource
    private SessionContext self;

    /** Offers were made in the current transaction: their instant mails can go once it commits. */
    public record OffersMade(long leadId, List<String> partners) {
    }

    /** Tells the partners that may take the lead now and were not told yet; how many partners. */
    public int offer(long leadId) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<String> partners = em.createNativeQuery(TO_TELL).setParameter("id", leadId).setParameter("now", now)
                .setParameter("today", LocalDate.ofInstant(now, ZoneOffset.UTC)).getResultList();
        if (partners.isEmpty()) {
            return 0;
        }
        for (String partner : partners) {
            em.createNativeQuery("insert into lead_offer (lead_id, partner_key, offered_at) values (:lead, :partner, :now)")
                    .setParameter("lead", leadId).setParameter("partner", partner).setParameter("now", now).executeUpdate();
        }
        ZoneId zone = Clocks.zone();
        notifications.addAll(users.membersOf(partners).stream()
                .map(user -> new Notifications.New(user.username(), user.offerMail().due(now, zone))).toList(),
                NotificationType.LEAD_OFFERED, leadId, now);
        offersMade.fire(new OffersMade(leadId, List.copyOf(partners)));
        return partners.size();
    }

    /** What a sweep did: leads whose tier window opened, and partners told of them. */
    public record Sweep(Instant at, int leads, int partners) {
    }

    /**
     * Tells of the published leads whose window for Silver or Bronze opened after {@code since}: each
     * lead in a transaction of its own, so that one that fails (a colleague's sweep told the same
     * partner at the same moment) does not hold up the others; the next sweep tries it again.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Sweep sweep(Instant since) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Number> opened = em.createNativeQuery("""
                        select l.id from sales_lead l where l.state = 'PUBLISHED'
                          and ((l.silver_from > :since and l.silver_from <= :now) or (l.bronze_from > :since and l.bronze_from <= :now))
                        order by l.id""")
                .setParameter("since", since).setParameter("now", now).getResultList();
        LeadOffers offers = self.getBusinessObject(LeadOffers.class);
        int told = 0;
        for (Number id : opened) {
            try {
                told += offers.offer(id.longValue());
            } catch (EJBException e) {
                LOG.log(Level.WARNING, "Lead " + id + " not offered this time", e);
            }
        }
        return new Sweep(now, opened.size(), told);
    }
}
