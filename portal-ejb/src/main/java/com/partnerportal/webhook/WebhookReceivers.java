package com.partnerportal.webhook;

import com.partnerportal.platform.Held;
import com.partnerportal.webhook.WebhookEndpoint.Receiver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The enabled webhook endpoints, as the outbox asks for them in every move: held in memory, so that a
 * claim does not query them (a quarter of a millisecond each time). Read again once an endpoint changed
 * on this node and that change committed, and at least every {@link #FRESH} for changes made on another
 * node. A list that is behind cannot send what it should not: the outbox writes a message only while its
 * endpoint is there and enabled ({@link Outbox}), a secret rotated keeps signing for a day, and an
 * endpoint's address and events do not change. All it can do is miss an endpoint registered on another
 * node in the last {@link #FRESH}.
 */
@ApplicationScoped
public class WebhookReceivers {

    static final Duration FRESH = Duration.ofSeconds(2);

    /** An endpoint was registered, deleted, enabled, disabled or given a new secret in the current transaction. */
    public record Changed() {
    }

    private final Held<List<Receiver>> enabled = new Held<>(FRESH);

    @PersistenceContext
    private EntityManager em;

    /** The enabled endpoints of the manufacturer and of these partners. */
    List<Receiver> of(Collection<String> partners) {
        return enabled.get(() -> em.createQuery("select e from WebhookEndpoint e where e.enabled = true", WebhookEndpoint.class)
                        .getResultList().stream().map(WebhookEndpoint::receiver).toList())
                .stream().filter(r -> r.partnerKey() == null || partners.contains(r.partnerKey())).toList();
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        enabled.changed();
    }
}
