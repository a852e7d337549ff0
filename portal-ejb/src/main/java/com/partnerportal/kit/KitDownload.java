package com.partnerportal.kit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One download of a kit document: which, for which lead, by whom of which partner, when. */
@Entity
@Table(name = "sales_kit_download")
public class KitDownload {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "item_id", nullable = false)
    private long itemId;

    @Column(name = "lead_id")
    private Long leadId;

    @Column(nullable = false)
    private String username;

    @Column(name = "partner_key")
    private String partnerKey;

    @Column(nullable = false)
    private Instant at;

    protected KitDownload() {
    }

    KitDownload(long itemId, Long leadId, String username, String partnerKey, Instant at) {
        this.itemId = itemId;
        this.leadId = leadId;
        this.username = username;
        this.partnerKey = partnerKey;
        this.at = at;
    }
}
