package com.partnerportal.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One event for one endpoint, in the outbox: written with the move it tells of, then taken by a
 * worker, sent, and either delivered or tried again later; given up after about three days. The
 * {@link Outbox} inserts the rows and {@link WebhookTakes} takes them in plain SQL (a handful per
 * round trip); what comes of a try is recorded here.
 */
@Entity
@Table(name = "webhook_message")
public class WebhookMessage {

    /** PENDING until due; SENDING while a worker holds it; DELIVERED; FAILED once given up or the endpoint refused it for good. */
    public enum State { PENDING, SENDING, DELIVERED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "endpoint_id", nullable = false)
    private long endpointId;

    @Column(name = "message_id", nullable = false)
    private String messageId;

    @Column(nullable = false)
    private String type;

    @Column(name = "lead_id")
    private Long leadId;

    @Column(nullable = false)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state = State.PENDING;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "taken_until")
    private Instant takenUntil;

    @Column(name = "last_status")
    private Integer lastStatus;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected WebhookMessage() {
    }

    long id() {
        return id;
    }

    long endpointId() {
        return endpointId;
    }

    String messageId() {
        return messageId;
    }

    String payload() {
        return payload;
    }

    Long leadId() {
        return leadId;
    }

    int attempts() {
        return attempts;
    }

    Instant createdAt() {
        return createdAt;
    }

    void replay(Instant now) {
        state = State.PENDING;
        nextAttemptAt = now;
        takenUntil = null;
    }

    /** Tried and failed: again at {@code next}, or given up when there is none. */
    void failed(Integer status, String error, Instant next) {
        attempts++;
        lastStatus = status;
        lastError = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
        takenUntil = null;
        if (next == null) {
            state = State.FAILED;
        } else {
            state = State.PENDING;
            nextAttemptAt = next;
        }
    }

    View toView() {
        return new View(id, messageId, type, leadId, state, attempts, state == State.PENDING ? nextAttemptAt : null, lastStatus,
                lastError, createdAt, deliveredAt);
    }

    /** A delivery as the endpoint's log shows it. */
    public record View(long id, String messageId, String event, Long leadId, State status, int attempts, Instant nextAttempt,
                       Integer lastStatus, String lastError, Instant createdAt, Instant deliveredAt) {
    }
}
