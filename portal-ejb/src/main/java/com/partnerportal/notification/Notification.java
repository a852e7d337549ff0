package com.partnerportal.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One message to one user, unread until it says when it was read. */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String username;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NotificationType type;

    @Column(name = "lead_id")
    private Long leadId;

    @Column(nullable = false)
    private Instant at;

    @Column(name = "read_at")
    private Instant readAt;

    /** When its mail is due, if the user wants one; taken to be sent at {@code mailedAt}. */
    @Column(name = "mail_due")
    private Instant mailDue;

    @Column(name = "mailed_at")
    private Instant mailedAt;

    protected Notification() {
    }

    /** Without a mail: offers with one are written together ({@link Notifications#addAll}). */
    Notification(String username, NotificationType type, Long leadId, Instant at) {
        this.username = username;
        this.type = type;
        this.leadId = leadId;
        this.at = at;
    }

    String username() {
        return username;
    }

    /** Read now, unless it was read before: the first reading counts. */
    void read(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    View toView() {
        return new View(id, type, leadId, at, readAt != null);
    }

    /** A notification as its user reads it. */
    public record View(long id, NotificationType type, Long leadId, Instant at, boolean read) {
    }
}
