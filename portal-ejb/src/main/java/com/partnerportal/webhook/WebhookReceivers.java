package com.partnerportal.webhook;

import com.partnerportal.webhook.WebhookEndpoint.Receiver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

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

    /** The receivers as read while the changes committed on this node were {@code changes}, at {@code readAt} (nano time). */
    private record Read(List<Receiver> receivers, long changes, long readAt) {
    }

    private final AtomicLong changes = new AtomicLong();

    private volatile Read read;

    @PersistenceContext
    private EntityManager em;

    /** The enabled endpoints of the manufacturer and of these partners. */
    List<Receiver> of(Collection<String> partners) {
        Read current = read;
        if (current == null || current.changes() != changes.get() || System.nanoTime() - current.readAt() > FRESH.toNanos()) {
            long changesBefore = changes.get();
            long readAt = System.nanoTime();
            current = new Read(em.createQuery("select e from WebhookEndpoint e where e.enabled = true", WebhookEndpoint.class)
                    .getResultList().stream().map(WebhookEndpoint::receiver).toList(), changesBefore, readAt);
            read = current; // one read before a change that committed meanwhile is not taken the next time: its count is old
        }
        return current.receivers().stream().filter(r -> r.partnerKey() == null || partners.contains(r.partnerKey())).toList();
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        changes.incrementAndGet();
    }
}
