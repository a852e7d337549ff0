package com.partnerportal.apiclient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A client-credentials client the portal made in Keycloak for a partner's CRM. */
@Entity
@Table(name = "api_client")
public class ApiClient {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "partner_key", nullable = false, updatable = false)
    private String partnerKey;

    @Column(name = "client_id", nullable = false, updatable = false)
    private String clientId;

    @Column(name = "keycloak_id")
    private String keycloakId;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    protected ApiClient() {
    }

    ApiClient(String partnerKey, String clientId, String name, String createdBy, Instant createdAt) {
        this.partnerKey = partnerKey;
        this.clientId = clientId;
        this.name = name;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** What the partner's admin sees of a credential: never its secret. */
    public record View(long id, String name, String clientId, Instant createdAt, String createdBy) {
    }

    View toView() {
        return new View(id, name, clientId, createdAt, createdBy);
    }

    void made(String keycloakId) {
        this.keycloakId = keycloakId;
    }

    void revoke(String by, Instant at) {
        this.revokedBy = by;
        this.revokedAt = at;
    }

    String partnerKey() {
        return partnerKey;
    }

    String keycloakId() {
        return keycloakId;
    }

    boolean revoked() {
        return revokedAt != null;
    }
}
