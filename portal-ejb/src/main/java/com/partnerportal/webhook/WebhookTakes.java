package com.partnerportal.webhook;

import com.partnerportal.lead.LeadState;
import com.partnerportal.notification.NotificationType;
import com.partnerportal.notification.Notifications;
import com.partnerportal.platform.Mailer;
import com.partnerportal.sla.SlaPolicy;
import com.partnerportal.user.PortalUser;
import com.partnerportal.user.PortalUsers;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;

/**
 * The outbox's steps, each in a transaction of its own: taking a due message (so that one worker, on
 * one node, sends it; a worker that died leaves it to be taken again once its hold ran out) and
 * recording what came of a try.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WebhookTakes {

    /** How long a worker holds a message it sends: past the request's timeout. */
    static final Duration HOLD = Duration.ofSeconds(60);

    /** An endpoint that has failed for this long is disabled and its owner told. */
    static final Duration FAILING_TOO_LONG = Duration.ofDays(3);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Notifications notifications;

    @Inject
    private PortalUsers users;

    @Inject
    private Mailer mailer;

    /** A message taken to be sent: where, what, signed how. */
    public record Taken(long id, String url, String messageId, long timestamp, String body, String signatures) {
    }

    /** Takes the message if it is due and nobody holds it; null otherwise (or when its endpoint is disabled: then it fails). */
    public Taken take(long id, Instant now) {
        int taken = em.createQuery("""
                        update WebhookMessage m set m.state = :sending, m.takenUntil = :until
                        where m.id = :id and ((m.state = :pending and m.nextAttemptAt <= :now)
                                              or (m.state = :sending and m.takenUntil < :now))""")
                .setParameter("sending", WebhookMessage.State.SENDING).setParameter("pending", WebhookMessage.State.PENDING)
                .setParameter("until", now.plus(HOLD)).setParameter("now", now).setParameter("id", id).executeUpdate();
        if (taken == 0) {
            return null;
        }
        WebhookMessage message = em.find(WebhookMessage.class, id);
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, message.endpointId());
        if (!endpoint.enabled()) {
            message.failed(null, "endpoint disabled", null);
            return null;
        }
        String body = message.payload();
        if (endpoint.partnerKey() != null && message.leadId() != null && !stillHolds(message.leadId(), endpoint.partnerKey())) {
            body = Outbox.withoutContact(body); // the partner lost the lead since: no contact any more
        }
        long timestamp = now.getEpochSecond();
        return new Taken(id, endpoint.url(), message.messageId(), timestamp, body,
                endpoint.signatures(message.messageId(), timestamp, body, now));
    }

    private boolean stillHolds(long leadId, String partner) {
        return em.createQuery("""
                        select count(l) from Lead l
                        where l.id = :id and l.partnerKey = :p and l.erasedAt is null and l.state in :held""", Long.class)
                .setParameter("id", leadId).setParameter("p", partner).setParameter("held", LeadState.PIPELINE)
                .getSingleResult() > 0;
    }

    /** What came of a try: 2xx delivered; 410 disables the endpoint; anything else is tried again later, or given up. */
    public void record(long id, Integer status, String error, Duration retryAfter, Instant now) {
        WebhookMessage message = em.find(WebhookMessage.class, id);
        if (message == null) {
            return; // the endpoint was deleted meanwhile
        }
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, message.endpointId());
        if (status != null && status >= 200 && status < 300) {
            message.delivered(status, now);
            endpoint.delivered();
            return;
        }
        if (status != null && status == 410) {
            message.failed(status, "410 Gone: the receiver does not want webhooks any more", null);
            disable(endpoint, "The receiver answered 410 Gone", now);
            return;
        }
        message.failed(status, error, Backoff.next(message.attempts() + 1, now, retryAfter, message.createdAt()));
        endpoint.failed(now);
        if (endpoint.enabled() && endpoint.failingSince().plus(FAILING_TOO_LONG).isBefore(now)) {
            disable(endpoint, "Every delivery failed for " + FAILING_TOO_LONG.toDays() + " days", now);
        }
    }

    /** Disables the endpoint and tells its owner: the partner's users in the portal, the manufacturer by mail. */
    private void disable(WebhookEndpoint endpoint, String reason, Instant now) {
        endpoint.disable(reason);
        if (endpoint.partnerKey() == null) {
            mailer.send(SlaPolicy.escalationRecipient(), "Webhook endpoint disabled: " + endpoint.url(),
                    reason + ". Check the receiver, then replay a delivery in the portal's webhook log to enable it again.\n");
            return;
        }
        for (PortalUser.View user : users.membersOf(endpoint.partnerKey())) {
            notifications.add(user.username(), NotificationType.WEBHOOK_DISABLED, null, now);
        }
    }
}
