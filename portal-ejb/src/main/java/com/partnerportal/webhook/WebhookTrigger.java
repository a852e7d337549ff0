package com.partnerportal.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Once messages committed, they go out in the background at once: within a second of the move, not on the next round. */
@ApplicationScoped
public class WebhookTrigger {

    @Inject
    private WebhookSender sender;

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.MessagesWritten written) {
        sender.deliverSoon();
    }
}
