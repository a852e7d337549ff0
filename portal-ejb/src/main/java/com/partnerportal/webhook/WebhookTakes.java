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
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The outbox's step, in a transaction of its own: recording what came of the tries, and taking due
 * messages (so that one worker, on one node, sends each; a worker that died leaves them to be taken
 * again once their hold ran out). Both work on all the messages the worker has at that moment: one
 * commit for all.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WebhookTakes {

    /** How long a worker holds a message it sends: past the request's timeout. */
    static final Duration HOLD = Duration.ofSeconds(60);

    /** An endpoint that has failed for this long is disabled and its owner told. */
    static final Duration FAILING_TOO_LONG = Duration.ofDays(3);

    /**
     * Of the messages asked for, those due that nobody holds, locked till the take commits; a message
     * another worker is taking this moment is skipped, not waited for. Found by their ids alone: the
     * state is tested as a case, which no index answers. As an OR of two states PostgreSQL read them from
     * the index of waiting messages instead, which holds an entry for every version of a message since the
     * last vacuum (each is written pending, then sending): 2 ms a take, at 40 leads a second, instead of 0.2.
     */
    private static final String FREE = """
            select * from webhook_message
            where id in (:ids)
              and case state when 'PENDING' then next_attempt_at <= :now when 'SENDING' then taken_until < :now else false end
            order by id for update skip locked""";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Notifications notifications;

    @Inject
    private PortalUsers users;

    @Inject
    private Mailer mailer;

    @Inject
    private Event<WebhookReceivers.Changed> changed;

    /**
     * A message taken to be sent: where, what, signed how, and by when it must go out: its hold has to
     * outlast the request ({@link WebhookClient#WHOLE_ANSWER}), else another worker could take and send it
     * while it is still under way.
     */
    public record Taken(long id, long endpoint, String url, String messageId, long timestamp, String body, String signatures,
            Instant sendBy) {
    }

    /** What came of one try: the HTTP status, or the error when there was no answer. */
    public record Tried(long id, long endpoint, Integer status, String error, Duration retryAfter) {

        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    /** Records what came of the tries, then takes those of the messages that are due and nobody holds (below). */
    public List<Taken> recordAndTake(List<Tried> tries, Collection<Long> ids, Instant now) {
        if (!tries.isEmpty()) {
            record(tries, now);
        }
        return ids.isEmpty() ? List.of() : take(ids, now);
    }

    /**
     * Takes those of the messages that are due and that nobody holds: marked as
     * being sent until {@link #HOLD} from now, so that a worker (or node) that dies while sending leaves
     * them to be taken again once the hold ran out. The others are left out. A message whose endpoint
     * is disabled fails instead.
     */
    private List<Taken> take(Collection<Long> ids, Instant now) {
        @SuppressWarnings("unchecked")
        List<WebhookMessage> messages = em.createNativeQuery(FREE, WebhookMessage.class).setParameter("ids", ids)
                .setParameter("now", now).getResultList();
        if (messages.isEmpty()) {
            return List.of();
        }
        em.createQuery("update WebhookMessage m set m.state = :sending, m.takenUntil = :until where m.id in :ids")
                .setParameter("sending", WebhookMessage.State.SENDING).setParameter("until", now.plus(HOLD))
                .setParameter("ids", messages.stream().map(WebhookMessage::id).toList()).executeUpdate();
        em.createQuery("select e from WebhookEndpoint e where e.id in :ids", WebhookEndpoint.class)
                .setParameter("ids", messages.stream().map(WebhookMessage::endpointId).distinct().toList())
                .getResultList(); // read in one round trip, found below
        Set<Holder> holders = holders(messages);
        List<Taken> taken = new ArrayList<>();
        for (WebhookMessage message : messages) {
            WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, message.endpointId());
            if (!endpoint.enabled()) {
                message.failed(null, "endpoint disabled", null);
                continue;
            }
            String body = message.payload();
            if (endpoint.partnerKey() != null && message.leadId() != null
                    && !holders.contains(new Holder(message.leadId(), endpoint.partnerKey()))) {
                body = Outbox.withoutContact(body); // the partner lost the lead since: no contact any more
            }
            taken.add(taken(message.id(), endpoint.receiver(), message.messageId(), body, now));
        }
        return taken;
    }

    /** A message taken {@code now}: signed with this moment's timestamp, and to go out while its hold outlasts the request. */
    static Taken taken(long id, WebhookEndpoint.Receiver endpoint, String messageId, String body, Instant now) {
        long timestamp = now.getEpochSecond();
        return new Taken(id, endpoint.id(), endpoint.url(), messageId, timestamp, body,
                endpoint.signatures(messageId, timestamp, body, now), now.plus(HOLD).minus(WebhookClient.WHOLE_ANSWER));
    }

    /** A lead and the partner that holds it. */
    private record Holder(long lead, String partner) {
    }

    /** Who holds the messages' leads now. */
    private Set<Holder> holders(List<WebhookMessage> messages) {
        List<Long> leads = messages.stream().map(WebhookMessage::leadId).filter(Objects::nonNull).distinct().toList();
        if (leads.isEmpty()) {
            return Set.of();
        }
        Set<Holder> holders = new HashSet<>();
        // by the primary key alone, the rest sorted out here: a condition on the partner or the state let
        // PostgreSQL walk a partner's every lead when its statistics were old (16 ms a round, 12,000 leads)
        for (Object[] lead : em.createQuery("select l.id, l.partnerKey, l.state, l.erasedAt from Lead l where l.id in :ids", Object[].class)
                .setParameter("ids", leads).getResultList()) {
            if (lead[1] != null && lead[3] == null && LeadState.PIPELINE.contains((LeadState) lead[2])) {
                holders.add(new Holder((Long) lead[0], (String) lead[1]));
            }
        }
        return holders;
    }

    /** What came of these tries: those delivered in a statement per HTTP status (usually one), the rest one by one. */
    private void record(List<Tried> tries, Instant now) {
        Map<Integer, List<Tried>> delivered = tries.stream().filter(Tried::delivered).collect(Collectors.groupingBy(Tried::status));
        delivered.forEach((status, these) -> em.createQuery("""
                        update WebhookMessage m set m.state = :delivered, m.attempts = m.attempts + 1, m.lastStatus = :status,
                               m.lastError = null, m.deliveredAt = :now, m.takenUntil = null
                        where m.id in :ids""")
                .setParameter("delivered", WebhookMessage.State.DELIVERED).setParameter("status", status).setParameter("now", now)
                .setParameter("ids", these.stream().map(Tried::id).toList()).executeUpdate());
        if (!delivered.isEmpty()) {
            em.createQuery("update WebhookEndpoint e set e.failingSince = null where e.id in :ids and e.failingSince is not null")
                    .setParameter("ids", tries.stream().filter(Tried::delivered).map(Tried::endpoint).distinct().toList())
                    .executeUpdate();
        }
        List<Tried> failed = tries.stream().filter(tried -> !tried.delivered()).toList();
        if (!failed.isEmpty()) {
            em.createQuery("select m from WebhookMessage m where m.id in :ids", WebhookMessage.class)
                    .setParameter("ids", failed.stream().map(Tried::id).toList()).getResultList(); // read in one round trip, found below
            for (Tried tried : failed) {
                record(tried, now);
            }
        }
    }

    /** What came of a failed try: 410 disables the endpoint; anything else is tried again later, or given up. */
    private void record(Tried tried, Instant now) {
        WebhookMessage message = em.find(WebhookMessage.class, tried.id());
        if (message == null) {
            return; // the endpoint was deleted meanwhile
        }
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, message.endpointId());
        Integer status = tried.status();
        if (status != null && status == 410) {
            message.failed(status, "410 Gone: the receiver does not want webhooks any more", null);
            if (endpoint.enabled()) {
                disable(endpoint, "The receiver answered 410 Gone", now);
            }
            return;
        }
        message.failed(status, tried.error(), Backoff.next(message.attempts() + 1, now, tried.retryAfter(), message.createdAt()));
        endpoint.failed(now);
        if (endpoint.enabled() && endpoint.failingSince().plus(FAILING_TOO_LONG).isBefore(now)) {
            disable(endpoint, "Every delivery failed for " + FAILING_TOO_LONG.toDays() + " days", now);
        }
    }

    /** Disables the endpoint and tells its owner: the partner's users in the portal, the manufacturer by mail. */
    private void disable(WebhookEndpoint endpoint, String reason, Instant now) {
        endpoint.disable(reason);
        changed.fire(new WebhookReceivers.Changed());
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
