package com.partnerportal.webhook;

import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.FieldError;
import com.partnerportal.platform.InvalidInputException;
import com.partnerportal.platform.NotFoundException;
import com.partnerportal.platform.Page;
import com.partnerportal.platform.Role;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The endpoints and their delivery logs, kept by their owner: a partner's admin for its partner, the
 * channel manager for the manufacturer. Nobody sees or changes another owner's endpoint (404).
 */
@Stateless
public class Webhooks {

    /**
     * How long the delivery log keeps a message once it was delivered or given up, for a look back and a
     * replay; then it is deleted, its copy of the lead with it.
     */
    public static final Duration KEPT = Duration.ofDays(30);

    /** How many old messages one transaction deletes. */
    static final int FORGET_CHUNK = 5_000;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private Event<Outbox.MessagesWritten> written;

    @Inject
    private Event<WebhookReceivers.Changed> changed;

    /** {@code {"url", "events": ["lead.claimed", ...]}} */
    public record Input(String url, List<String> events) {
    }

    /** A new endpoint with its secret, which is shown this once. */
    public record Registered(WebhookEndpoint.View endpoint, String secret) {
    }

    public Registered register(Caller caller, Input input) {
        String owner = owner(caller);
        Input in = input == null ? new Input(null, null) : input;
        if (in.url() == null || in.url().isBlank()) {
            throw new InvalidInputException(List.of(new FieldError("url", "required")));
        }
        Destinations.check(in.url());
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        for (String code : in.events() == null ? List.<String>of() : in.events()) {
            events.add(WebhookEvent.of(code == null ? "" : code.strip()).orElseThrow(() -> new InvalidInputException(
                    List.of(new FieldError("events", "oneOf", Arrays.stream(WebhookEvent.values()).map(WebhookEvent::code).toList())))));
        }
        if (events.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldError("events", "webhookEvents",
                    Arrays.stream(WebhookEvent.values()).map(WebhookEvent::code).toList())));
        }
        WebhookEndpoint endpoint = new WebhookEndpoint(owner, in.url().strip(), events, caller.username(), clock.instant());
        em.persist(endpoint);
        em.flush();
        changed.fire(new WebhookReceivers.Changed());
        return new Registered(endpoint.toView(), endpoint.secret());
    }

    public List<WebhookEndpoint.View> list(Caller caller) {
        String owner = owner(caller);
        var query = em.createQuery("select e from WebhookEndpoint e where " + (owner == null ? "e.partnerKey is null"
                : "e.partnerKey = :owner") + " order by e.id", WebhookEndpoint.class);
        if (owner != null) {
            query.setParameter("owner", owner);
        }
        return query.getResultList().stream().map(WebhookEndpoint::toView).toList();
    }

    /** Stops the endpoint for good: its pending messages are not sent; its log stays readable no more. */
    public void delete(Caller caller, long id) {
        WebhookEndpoint endpoint = own(caller, id);
        em.createQuery("delete from WebhookMessage m where m.endpointId = :id").setParameter("id", id).executeUpdate();
        em.remove(endpoint);
        changed.fire(new WebhookReceivers.Changed());
    }

    /** A new secret; the previous one keeps signing beside it for a day, so the receiver switches without downtime. */
    public String rotate(Caller caller, long id) {
        String secret = own(caller, id).rotate(clock.instant());
        changed.fire(new WebhookReceivers.Changed());
        return secret;
    }

    public Page<WebhookMessage.View> deliveries(Caller caller, long id, int page, int size) {
        own(caller, id);
        long total = em.createQuery("select count(m) from WebhookMessage m where m.endpointId = :id", Long.class)
                .setParameter("id", id).getSingleResult();
        List<WebhookMessage.View> items = em.createQuery(
                        "select m from WebhookMessage m where m.endpointId = :id order by m.id desc", WebhookMessage.class)
                .setParameter("id", id).setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(WebhookMessage::toView).toList();
        return new Page<>(items, total, page, size);
    }

    /** Sends a message again right after the commit, whatever came of it before; an endpoint disabled is enabled again by it. */
    public WebhookMessage.View replay(Caller caller, long id, long messageId) {
        WebhookEndpoint endpoint = own(caller, id);
        WebhookMessage message = em.find(WebhookMessage.class, messageId);
        if (message == null || message.endpointId() != id) {
            throw new NotFoundException("Delivery " + messageId);
        }
        message.replay(clock.instant());
        if (!endpoint.enabled()) {
            changed.fire(new WebhookReceivers.Changed());
        }
        endpoint.enable();
        written.fire(new Outbox.MessagesWritten(List.of(new Outbox.Due(message.id(), id))));
        return message.toView();
    }

    /**
     * Deletes up to {@link #FORGET_CHUNK} messages delivered or given up longer than {@link #KEPT} ago, in
     * a transaction of their own; how many. Two nodes doing it at once delete each message once.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int forgetOld() {
        String old = "state in ('DELIVERED', 'FAILED') and coalesce(delivered_at, next_attempt_at) < :before";
        // the condition again outside: a message replayed meanwhile is checked as it is now, and kept
        return em.createNativeQuery("""
                        delete from webhook_message where %s and id in (
                            select id from webhook_message where %s order by id fetch first %d rows only)"""
                        .formatted(old, old, FORGET_CHUNK))
                .setParameter("before", clock.instant().minus(KEPT)).executeUpdate();
    }

    private WebhookEndpoint own(Caller caller, long id) {
        String owner = owner(caller);
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, id);
        if (endpoint == null || !java.util.Objects.equals(endpoint.partnerKey(), owner)) {
            throw new NotFoundException("Webhook endpoint " + id);
        }
        return endpoint;
    }

    /** The partner a caller keeps endpoints for; null for the manufacturer's channel manager. */
    private static String owner(Caller caller) {
        if (caller.has(Role.RESELLER_ADMIN) && caller.partnerKey() != null) {
            return caller.partnerKey();
        }
        if (caller.has(Role.CHANNEL_MANAGER)) {
            return null;
        }
        throw new AccessDeniedException("A partner's admin keeps its webhooks, the channel manager the manufacturer's");
    }
}
