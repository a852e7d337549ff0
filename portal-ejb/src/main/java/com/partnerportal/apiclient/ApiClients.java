package com.partnerportal.apiclient;

import com.partnerportal.platform.AccessDeniedException;
import com.partnerportal.platform.Caller;
import com.partnerportal.platform.NotFoundException;
import com.partnerportal.platform.Role;
import com.partnerportal.platform.Validation;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A partner's API credentials, kept by the partner's admin: made (the secret shown this once), listed,
 * revoked. The row is written first and Keycloak's client made in the same transaction, so a failure
 * of either leaves neither; revoking removes the client from Keycloak at once.
 */
@Stateless
public class ApiClients {

    /** Enough for a CRM, a test system and a rotation; a partner that needs more revokes one. */
    static final int MAX_ACTIVE = 5;

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    private EntityManager em;

    @Inject
    private KeycloakClients keycloak;

    @Inject
    private Clock clock;

    /** {@code {"name": "Our CRM"}} */
    public record Input(String name) {
    }

    /** A new credential: its client id, its secret (shown once) and where tokens are asked for. */
    public record Made(ApiClient.View client, String clientId, String clientSecret, String tokenUrl) {
    }

    public Made create(Caller caller, Input input) {
        String partner = partnerOf(caller);
        Validation v = new Validation();
        String name = v.requireText("name", input == null ? null : input.name(), 120);
        if (active(partner).size() >= MAX_ACTIVE) {
            v.reject("name", "apiClientLimit", MAX_ACTIVE);
        }
        v.throwIfInvalid();
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        String clientId = "crm-" + partner + "-" + HexFormat.of().formatHex(suffix);
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);

        ApiClient client = new ApiClient(partner, clientId, name, caller.username(), clock.instant());
        em.persist(client);
        em.flush();
        client.made(keycloak.create(clientId, name, secret, partner));
        return new Made(client.toView(), clientId, secret, KeycloakClients.tokenUrl());
    }

    public List<ApiClient.View> list(Caller caller) {
        return active(partnerOf(caller)).stream().map(ApiClient::toView).toList();
    }

    public void revoke(Caller caller, long id) {
        String partner = partnerOf(caller);
        ApiClient client = em.find(ApiClient.class, id);
        if (client == null || client.revoked() || !client.partnerKey().equals(partner)) {
            throw new NotFoundException("API credential " + id);
        }
        client.revoke(caller.username(), clock.instant());
        if (client.keycloakId() != null) {
            keycloak.delete(client.keycloakId());
        }
    }

    private List<ApiClient> active(String partner) {
        return em.createQuery("select c from ApiClient c where c.partnerKey = :p and c.revokedAt is null order by c.id",
                ApiClient.class).setParameter("p", partner).getResultList();
    }

    /** Only a partner's admin keeps credentials, and only its own partner's. */
    private static String partnerOf(Caller caller) {
        if (caller.has(Role.RESELLER_ADMIN) && caller.partnerKey() != null) {
            return caller.partnerKey();
        }
        throw new AccessDeniedException("A partner's admin keeps its API credentials");
    }
}
