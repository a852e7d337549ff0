package com.partnerportal.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One broken service level, on the partner's record. */
@Entity
@Table(name = "sla_breach")
public class SlaBreach {

    public static final String NO_ACTIVITY = "NO_ACTIVITY";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "partner_key", nullable = false)
    private String partnerKey;

    @Column(name = "lead_id", nullable = false)
    private long leadId;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private Instant at;

    protected SlaBreach() {
    }

    SlaBreach(String partnerKey, long leadId, String kind, Instant at) {
        this.partnerKey = partnerKey;
        this.leadId = leadId;
        this.kind = kind;
        this.at = at;
    }

    /** A breach as the partner and the channel manager see it. */
    public record View(String partner, long leadId, String kind, Instant at) {
    }

    View toView() {
        return new View(partnerKey, leadId, kind, at);
    }
}
