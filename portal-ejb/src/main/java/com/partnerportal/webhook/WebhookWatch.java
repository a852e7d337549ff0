package com.partnerportal.webhook;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Sends webhook messages as soon as the move that wrote them commits, and every five seconds what is
 * due again (retries, and what a restart or a dead worker left behind).
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookWatch {

    @Inject
    private WebhookSender sender;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false, info = "portal webhooks")
    void watch() {
        sender.deliverDue();
    }

    /** Now, for the operator and the tests. */
    public int deliverNow() {
        return sender.deliverDue();
    }
}
