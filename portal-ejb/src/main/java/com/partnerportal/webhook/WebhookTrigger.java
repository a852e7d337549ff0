package com.partnerportal.webhook;

import com.partnerportal.platform.Drain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Once messages committed, they go out in the background at once: within a second of the move, not on
 * the next round. One run at a time on this node, however many moves commit meanwhile; the run takes
 * the messages committed while it works by their ids, without looking for them in the outbox.
 */
@ApplicationScoped
public class WebhookTrigger {

    @Inject
    private WebhookSender sender;

    private final Drain drain = new Drain();

    /** Messages committed on this node that the running worker has not yet taken up. */
    private final Queue<Outbox.Due> committed = new ConcurrentLinkedQueue<>();

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.MessagesWritten written) {
        committed.addAll(written.messages());
        if (drain.request()) {
            sender.drain(drain, committed);
        }
    }
}
