package com.partnerportal.lead;

import com.partnerportal.notification.NotificationType;
import com.partnerportal.notification.Notifications;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Marks a follow-up reminded, once: a conditional update that only one of any number of sweeps at
 * once (the timer, the admin's call, another node) gets to make, committed with the user's
 * notification before anyone mails. A new follow-up time is a new reminder.
 */
@Stateless
public class FollowUpMarks {

    /** Marks the follow-up {@code :at} of lead {@code :id} reminded if it is still set, open, worked by someone and not reminded. */
    static final String MARK = """
            update sales_lead set follow_up_reminded = follow_up_at
            where id = :id and follow_up_at = :at and assignee is not null
              and state in (%s)
              and (follow_up_reminded is null or follow_up_reminded <> follow_up_at)""".formatted(
            LeadState.OPEN.stream().map(state -> "'" + state.name() + "'").collect(Collectors.joining(", ")));

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Notifications notifications;

    /** A reminder this call won: to whom, about which lead. */
    public record Reminder(long leadId, String companyName, Instant followUpAt, String assignee) {
    }

    /**
     * Marks the follow-up at {@code followUpAt} of the lead reminded and notifies its worker, in a
     * transaction of its own; empty if another sweep did so already or the follow-up changed.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Reminder> mark(long leadId, Instant followUpAt, Instant now) {
        int marked = em.createNativeQuery(MARK).setParameter("id", leadId).setParameter("at", followUpAt).executeUpdate();
        if (marked == 0) {
            return Optional.empty();
        }
        Object[] lead = em.createQuery("select l.companyName, l.assignee from Lead l where l.id = :id", Object[].class)
                .setParameter("id", leadId).getSingleResult();
        String assignee = (String) lead[1];
        notifications.add(assignee, NotificationType.FOLLOW_UP_DUE, leadId, now);
        return Optional.of(new Reminder(leadId, (String) lead[0], followUpAt, assignee));
    }
}
