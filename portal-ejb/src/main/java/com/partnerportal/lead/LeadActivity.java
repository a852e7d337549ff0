package com.partnerportal.lead;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A call, e-mail, meeting or note a partner logged on a lead it holds. */
@Entity
@Table(name = "lead_activity")
public class LeadActivity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "lead_id", nullable = false)
    private long leadId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActivityKind kind;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false)
    private String actor;

    private String note;

    protected LeadActivity() {
    }

    LeadActivity(long leadId, ActivityKind kind, Instant at, String actor, String note) {
        this.leadId = leadId;
        this.kind = kind;
        this.at = at;
        this.actor = actor;
        this.note = note;
    }

    /** One logged activity as the boundaries show it. */
    public record View(ActivityKind kind, Instant at, String actor, String note) {
    }

    View toView() {
        return new View(kind, at, actor, note);
    }
}
