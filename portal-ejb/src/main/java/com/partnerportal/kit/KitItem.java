package com.partnerportal.kit;

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
 * One piece of the sales kit: a short text (arguments, an offer, a service) or a document, for a
 * product and/or a campaign. The document's bytes are read only for a download ({@link SalesKit}).
 */
@Entity
@Table(name = "sales_kit_item")
public class KitItem {

    /** A text shown with the lead, or a document to download. */
    public enum Kind { TEXT, DOCUMENT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    private String product;
    private String campaign;
    private String body;

    @Column(name = "content_type")
    private String contentType;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "size_bytes")
    private Long size;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected KitItem() {
    }

    KitItem(String title, String product, String campaign, String body, KitFile file, String createdBy, Instant now) {
        this.title = title;
        this.product = product;
        this.campaign = campaign;
        this.kind = file == null ? Kind.TEXT : Kind.DOCUMENT;
        this.body = body;
        if (file != null) {
            this.contentType = file.contentType();
            this.fileName = file.fileName();
            this.size = (long) file.bytes().length;
        }
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    long id() {
        return id;
    }

    boolean isDocument() {
        return kind == Kind.DOCUMENT;
    }

    View toView(long downloads) {
        return new View(id, title, kind, product, campaign, body, contentType, fileName, size, createdAt, downloads);
    }

    /** A kit item as the API and the pages show it; {@code downloads} only for the channel manager. */
    public record View(long id, String title, Kind kind, String product, String campaign, String text, String contentType,
                       String fileName, Long size, Instant createdAt, long downloads) {
    }
}
