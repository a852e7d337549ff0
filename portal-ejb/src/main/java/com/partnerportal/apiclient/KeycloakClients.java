package com.partnerportal.apiclient;

import static com.partnerportal.platform.JsonSupport.JSON;

import com.partnerportal.platform.Settings;
import com.partnerportal.platform.UnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Keycloak's admin API, as far as API credentials need it. The portal signs in as the service account
 * of its own confidential client ({@code portal-web}, whose secret the server has from the
 * environment), which may manage the realm's clients and nothing else.
 */
@ApplicationScoped
public class KeycloakClients {

    /** The realm role every CRM client acts with: it sees what the partner's sales reps see. */
    static final String ROLE = "reseller-rep";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** The realm's address, e.g. {@code http://localhost:8180/realms/partner-portal}. */
    static String realmUrl() {
        String url = Settings.value("portal.oidc.provider-url", "http://localhost:8180/realms/partner-portal");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Where a CRM gets its tokens (grant {@code client_credentials}). */
    public static String tokenUrl() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    private static String adminUrl() {
        return realmUrl().replace("/realms/", "/admin/realms/");
    }

    /** Makes the client; answers Keycloak's id of it. */
    String create(String clientId, String name, String secret, String partnerKey) {
        JsonObject client = JSON.createObjectBuilder()
                .add("clientId", clientId).add("name", name)
                .add("description", "API credentials of partner " + partnerKey + ", made by the Partner Portal")
                .add("enabled", true).add("protocol", "openid-connect").add("publicClient", false)
                .add("clientAuthenticatorType", "client-secret").add("secret", secret)
                .add("standardFlowEnabled", false).add("implicitFlowEnabled", false)
                .add("directAccessGrantsEnabled", false).add("serviceAccountsEnabled", true)
                .add("protocolMappers", JSON.createArrayBuilder()
                        .add(JSON.createObjectBuilder().add("name", "partner").add("protocol", "openid-connect")
                                .add("protocolMapper", "oidc-hardcoded-claim-mapper")
                                .add("config", JSON.createObjectBuilder().add("claim.name", "partner").add("claim.value", partnerKey)
                                        .add("jsonType.label", "String").add("access.token.claim", "true")
                                        .add("id.token.claim", "false").add("userinfo.token.claim", "false")
                                        .add("introspection.token.claim", "true")))
                        .add(JSON.createObjectBuilder().add("name", "sales rep").add("protocol", "openid-connect")
                                .add("protocolMapper", "oidc-hardcoded-role-mapper")
                                .add("config", JSON.createObjectBuilder().add("role", ROLE))))
                .build();
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(adminUrl() + "/clients"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client.toString())));
        if (response.statusCode() != 201) {
            throw new UnavailableException("Keycloak did not make the client: " + response.statusCode() + " " + response.body(), null);
        }
        String location = response.headers().firstValue("Location").orElseThrow(
                () -> new UnavailableException("Keycloak did not say where the client is", null));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Removes the client: its tokens are refused from now on. A client already gone is fine. */
    void delete(String keycloakId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                URI.create(adminUrl() + "/clients/" + URLEncoder.encode(keycloakId, StandardCharsets.UTF_8))).DELETE());
        if (response.statusCode() != 204 && response.statusCode() != 404) {
            throw new UnavailableException("Keycloak did not remove the client: " + response.statusCode(), null);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", "Bearer " + adminToken()).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UnavailableException("Keycloak's admin API does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("Interrupted while calling Keycloak", e);
        }
    }

    /** A token of the portal's own service account (short-lived; asked for each change, which is rare). */
    private String adminToken() throws IOException, InterruptedException {
        String clientId = Settings.value("portal.oidc.client-id", "portal-web");
        String secret = Settings.value("portal.oidc.client-secret", null);
        if (secret == null) {
            throw new UnavailableException("PORTAL_OIDC_CLIENT_SECRET is not set", null);
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenUrl())).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new UnavailableException("The portal may not use Keycloak's admin API: " + response.statusCode(), null);
        }
        try (var reader = JSON.createReader(new StringReader(response.body()))) {
            return reader.readObject().getString("access_token");
        }
    }
}
