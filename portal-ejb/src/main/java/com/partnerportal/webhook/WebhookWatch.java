package com.partnerportal.webhook;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Sends webhook messages as soon as the move that wrote them commits, and every five seconds what is
 * due again (retries, and what a restart or a dead worker left behind); every hour deletes what the
 * delivery logs no longer keep ({@link Webhooks#KEPT}).
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookWatch {

    @Inject
    private WebhookSender sender;

    @Inject
    private Webhooks webhooks;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false, info = "portal webhooks")
    void watch() {
        sender.deliverDue();
    }

    /** Now, for the operator and the tests. */
    public int deliverNow() {
        return sender.deliverDue();
    }

    @Schedule(minute = "23", hour = "*", persistent = false, info = "portal webhook retention")
    void retention() {
        forgetOld();
    }

    /** Deletes the messages delivered or given up longer ago than the logs keep them, a chunk at a time; how many. */
    public int forgetOld() {
        int deleted = 0;
        int chunk;
        do {
            chunk = webhooks.forgetOld();
            deleted += chunk;
        } while (chunk == Webhooks.FORGET_CHUNK);
        return deleted;
    }
}
