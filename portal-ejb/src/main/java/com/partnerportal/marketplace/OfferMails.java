package com.partnerportal.marketplace;

import com.partnerportal.notification.NotificationType;
import com.partnerportal.notification.Notifications;
import com.partnerportal.platform.Drain;
import com.partnerportal.platform.Mailer;
import com.partnerportal.reference.Catalog;
import com.partnerportal.reference.ReferenceCatalog;
import com.partnerportal.user.PortalUser;
import com.partnerportal.user.PortalUsers;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Sends the mails of offered leads that are due: at once after the offer commits, and the hourly and
 * morning digests from {@link OfferWatch}. One mail per user with all its due leads still in the pool;
 * each notification's mail is taken in a committed transaction before it goes out, so that two
 * senders (the one after the commit and the sweep, or two nodes) never send it twice. A mail that
 * fails after that is not sent again: the notification in the portal stays.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OfferMails {

    private static final Logger LOG = Logger.getLogger(OfferMails.class.getName());

    /** At most this many notifications a round; the rest the next. */
    static final int BATCH = 2_000;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Notifications notifications;

    @Inject
    private PortalUsers users;

    @Inject
    private ReferenceCatalog catalog;

    @Inject
    private Mailer mailer;

    @Inject
    private Clock clock;

    /** Sends what is due until nothing more is asked for: right after offers committed ({@link OfferMailTrigger}). */
    @Asynchronous
    public void drain(Drain drain) {
        drain.run(this::sendDue);
    }

    /** Sends what is due now; how many mails went out. */
    public int sendDue() {
        Instant now = clock.instant();
        Map<String, List<Notifications.MailDue>> byUser = new LinkedHashMap<>();
        for (Notifications.MailDue due : notifications.mailsDue(now, BATCH)) {
            byUser.computeIfAbsent(due.username(), u -> new java.util.ArrayList<>()).add(due);
        }
        int sent = 0;
        for (Map.Entry<String, List<Notifications.MailDue>> user : byUser.entrySet()) {
            List<Notifications.MailDue> taken = notifications.takeMails(user.getValue(), now);
            List<Long> leads = taken.stream().filter(n -> n.type() == NotificationType.LEAD_OFFERED)
                    .map(Notifications.MailDue::leadId).distinct().toList();
            sent += leads.isEmpty() ? 0 : mail(user.getKey(), leads) ? 1 : 0;
        }
        return sent;
    }

    private boolean mail(String username, List<Long> leadIds) {
        Optional<PortalUser.View> user = users.find(username);
        if (user.isEmpty() || user.get().email() == null || user.get().email().isBlank()) {
            LOG.info(() -> "No address for " + username + ": offered leads " + leadIds + " only in the portal's notifications");
            return false;
        }
        Locale locale = "de".equals(user.get().language()) ? Locale.GERMAN : Locale.ENGLISH;
        List<OfferMailText.Offered> stillOpen = stillInThePool(leadIds, locale);
        if (stillOpen.isEmpty()) {
            return false; // all taken meanwhile: nothing to tell
        }
        OfferMailText mail = OfferMailText.of(stillOpen, user.get().name(), user.get().language());
        return mailer.send(user.get().email(), mail.subject(), mail.text());
    }

    /** The leads still published, as a card shows them, in the order of the notifications. */
    private List<OfferMailText.Offered> stillInThePool(List<Long> leadIds, Locale locale) {
        List<Object[]> rows = em.createQuery("""
                        select l.id, l.product, l.region, l.sizeClass, l.industry, l.score from Lead l
                        where l.id in :ids and l.state = com.partnerportal.lead.LeadState.PUBLISHED""", Object[].class)
                .setParameter("ids", leadIds).getResultList();
        Map<Long, OfferMailText.Offered> byId = new java.util.HashMap<>();
        for (Object[] r : rows) {
            byId.put((Long) r[0], new OfferMailText.Offered((Long) r[0], catalog.label(Catalog.PRODUCT, (String) r[1], locale),
                    catalog.regionLabel((String) r[2], locale), String.valueOf(r[3]), (String) r[4],
                    r[5] == null ? 0 : ((Number) r[5]).intValue()));
        }
        return leadIds.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }
}
