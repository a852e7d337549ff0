package com.partnerportal.webhook;

import com.partnerportal.platform.Drain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Once messages committed, they go out in the background at once: within a second of the move, not on
 * the next round. One run at a time on this node, however many moves commit meanwhile.
 */
@ApplicationScoped
public class WebhookTrigger {

    @Inject
    private WebhookSender sender;

    private final Drain drain = new Drain();

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.MessagesWritten written) {
        wake();
    }

    /** Sends what is due now, in the background (after a commit, a replay). */
    public void wake() {
        if (drain.request()) {
            sender.drain(drain);
        }
    }
}
