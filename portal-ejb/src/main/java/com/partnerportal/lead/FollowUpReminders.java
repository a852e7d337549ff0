package com.partnerportal.lead;

import com.partnerportal.platform.Clocks;
import com.partnerportal.platform.Mailer;
import com.partnerportal.user.PortalUser;
import com.partnerportal.user.PortalUsers;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The follow-up reminder sweep, run every minute by {@link FollowUpWatch} and on demand: each open
 * lead whose follow-up has come and was not reminded yet gets one notification and one mail to the
 * user who works it. The mark in the database ({@link FollowUpMarks}) makes it once, whichever sweep
 * runs, on whichever node, before or after a restart.
 */
@Stateless
public class FollowUpReminders {

    private static final Logger LOG = Logger.getLogger(FollowUpReminders.class.getName());

    /** At most this many reminders a sweep; a backlog after a long stop is worked off a minute later. */
    static final int BATCH = 500;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private FollowUpMarks marks;

    @Inject
    private PortalUsers users;

    @Inject
    private Mailer mailer;

    @Inject
    private Clock clock;

    /** What one sweep did: reminders made (each with its notification), and of these, mails sent. */
    public record Sweep(Instant at, int reminded, int mailed) {
    }

    /**
     * Outside a transaction: each reminder is marked in one of its own, committed before its mail goes
     * out, so that a mail is never sent for a mark that rolled back. A mail that fails after the
     * commit is not sent again; the notification stays.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Sweep sweep() {
        Instant now = clock.instant();
        int reminded = 0;
        int mailed = 0;
        for (Object[] due : em.createQuery("""
                        select l.id, l.followUpAt from Lead l
                        where l.state in :open and l.followUpAt <= :now and l.assignee is not null
                          and (l.followUpReminded is null or l.followUpReminded <> l.followUpAt)
                        order by l.followUpAt, l.id""", Object[].class)
                .setParameter("open", LeadState.OPEN).setParameter("now", now).setMaxResults(BATCH).getResultList()) {
            long id = (Long) due[0];
            Optional<FollowUpMarks.Reminder> reminder;
            try {
                reminder = marks.mark(id, (Instant) due[1], now);
            } catch (EJBException e) { // its mark rolled back, nothing went out: the next sweep tries again
                LOG.log(Level.WARNING, "Follow-up of lead " + id + " not reminded this time", e);
                continue;
            }
            if (reminder.isPresent()) {
                reminded++;
                mailed += mail(reminder.get()) ? 1 : 0;
            }
        }
        return new Sweep(now, reminded, mailed);
    }

    private boolean mail(FollowUpMarks.Reminder reminder) {
        Optional<PortalUser.View> user = users.find(reminder.assignee());
        if (user.isEmpty() || user.get().email() == null || user.get().email().isBlank()) {
            LOG.info(() -> "No address for " + reminder.assignee() + ": the follow-up of lead " + reminder.leadId()
                    + " is only in the portal's notifications");
            return false;
        }
        FollowUpMail mail = FollowUpMail.of(reminder, user.get().name(), user.get().language(), Clocks.zone());
        return mailer.send(user.get().email(), mail.subject(), mail.text());
    }
}
