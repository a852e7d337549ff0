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

/** One move of a lead: who, when, from, to, why. Written once, never changed. */
@Entity
@Table(name = "lead_transition")
public class LeadTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "lead_id", nullable = false)
    private long leadId;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    private LeadState from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false)
    private LeadState to;

    private String reason;

    protected LeadTransition() {
    }

    public LeadTransition(long leadId, Instant at, String actor, LeadState from, LeadState to, String reason) {
        this.leadId = leadId;
        this.at = at;
        this.actor = actor;
        this.from = from;
        this.to = to;
        this.reason = reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
    }

    LeadView.TransitionView toView() {
        return new LeadView.TransitionView(at, actor, from, to, reason);
    }
}
