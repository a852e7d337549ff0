package com.partnerportal.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A receiver of webhooks: of a partner (events about its leads) or, without one, the manufacturer's
 * (all events). Its secret can be rotated without downtime: the previous one keeps signing beside the
 * new one for a day, so the receiver can switch in between.
 */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

    /** How long a rotated secret keeps signing beside the new one. */
    static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "partner_key")
    private String partnerKey;

    @Column(nullable = false)
    private String url;

    @Column(nullable = false)
    private String events;

    @Column(nullable = false)
    private String secret;

    @Column(name = "previous_secret")
    private String previousSecret;

    @Column(name = "previous_until")
    private Instant previousUntil;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "disabled_reason")
    private String disabledReason;

    @Column(name = "failing_since")
    private Instant failingSince;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected WebhookEndpoint() {
    }

    WebhookEndpoint(String partnerKey, String url, Set<WebhookEvent> events, String createdBy, Instant now) {
        this.partnerKey = partnerKey;
        this.url = url;
        this.events = events.stream().map(WebhookEvent::code).sorted().collect(Collectors.joining(","));
        this.secret = Signature.newSecret();
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    long id() {
        return id;
    }

    String partnerKey() {
        return partnerKey;
    }

    String url() {
        return url;
    }

    String secret() {
        return secret;
    }

    boolean enabled() {
        return enabled;
    }

    Instant failingSince() {
        return failingSince;
    }

    /** What the outbox needs of the endpoint to write and sign its messages, as it is now. */
    Receiver receiver() {
        return new Receiver(id, partnerKey, url, Set.copyOf(Arrays.asList(events.split(","))), secret, previousSecret, previousUntil);
    }

    /**
     * An endpoint as the outbox addresses it: who it is for, the events it chose ({@link WebhookEvent#code}s),
     * and how its messages are signed.
     */
    record Receiver(long id, String partnerKey, String url, Set<String> events, String secret, String previousSecret,
                    Instant previousUntil) {

        boolean wants(WebhookEvent event) {
            return events.contains(event.code());
        }

        /** The signatures of a message: with the secret, and with the previous one while it still counts. */
        String signatures(String messageId, long timestamp, String body, Instant now) {
            String signed = Signature.sign(secret, messageId, timestamp, body);
            return previousSecret != null && previousUntil != null && now.isBefore(previousUntil)
                    ? signed + " " + Signature.sign(previousSecret, messageId, timestamp, body) : signed;
        }
    }

    String rotate(Instant now) {
        previousSecret = secret;
        previousUntil = now.plus(ROTATION_OVERLAP);
        secret = Signature.newSecret();
        return secret;
    }

    void failed(Instant now) {
        if (failingSince == null) {
            failingSince = now;
        }
    }

    void enable() {
        enabled = true;
        disabledReason = null;
        failingSince = null;
    }

    void disable(String reason) {
        enabled = false;
        disabledReason = reason;
    }

    View toView() {
        return new View(id, partnerKey, url, events.isEmpty() ? List.of() : Arrays.asList(events.split(",")), enabled,
                disabledReason, failingSince, createdAt);
    }

    /** An endpoint as its owner sees it; the secret only once, when it is made ({@link Webhooks.Registered}). */
    public record View(long id, String partner, String url, List<String> events, boolean enabled, String disabledReason,
                       Instant failingSince, Instant createdAt) {
    }
}
