package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Leads;
import com.partnerportal.it.support.PortalDeployment;
import com.partnerportal.it.support.RoomForNordlicht;
import com.partnerportal.it.support.TestServers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * API credentials for a partner's CRM: the partner's admin makes a client-credentials client in
 * Keycloak, its secret is in that answer only; the CRM's token sees exactly what the partner's reps
 * see (its own partner's leads, not another's); revoked, Keycloak refuses it.
 */
@ExtendWith(RoomForNordlicht.class)
class ApiClientIT extends PortalDeployment {

    private static final Api admin = Api.as("north.admin");

    private static HttpResponse<String> token(String clientId, String secret) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(TestServers.REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String accessToken(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject().getString("access_token");
    }

    @Test
    void aPartnersCrmSeesWhatItsRepsSeeUntilItsCredentialsAreRevoked() throws Exception {
        Api.Reply made = admin.post("/api-clients", "{\"name\": \"Nordlicht CRM\"}");
        assertEquals(201, made.status(), made::toString);
        assertEquals("no-store", made.header("Cache-Control"));
        String clientId = made.json().getString("clientId");
        String secret = made.json().getString("clientSecret");
        long id = made.json().getJsonObject("client").getJsonNumber("id").longValue();
        assertTrue(clientId.startsWith("crm-nordlicht-"), clientId);
        assertEquals(TestServers.REALM + "/protocol/openid-connect/token", made.json().getString("tokenUrl"));

        Api.Reply listed = admin.get("/api-clients");
        assertEquals(200, listed.status());
        assertTrue(listed.array().getValuesAs(JsonObject.class).stream().anyMatch(c -> c.getString("clientId").equals(clientId)));
        assertFalse(listed.response().body().contains(secret), "the secret is shown once, never listed");
        assertEquals(403, Api.as("channel.manager").delete("/api-clients/" + id).status(), "only the partner's admin");
        assertEquals(403, Api.as("north.rep").post("/api-clients", "{\"name\": \"Mine\"}").status(), "a rep may not make one");
        Api.Reply nameless = admin.post("/api-clients", "{\"name\": \"  \"}");
        assertEquals(400, nameless.status());
        assertEquals("name", nameless.json().getJsonArray("errors").getJsonObject(0).getString("field"));

        HttpResponse<String> granted = token(clientId, secret);
        assertEquals(200, granted.statusCode(), granted::body);
        Api crm = Api.withToken(accessToken(granted));

        long ours = Leads.forNordlicht();
        Api.Reply feed = crm.get("/marketplace?size=100");
        assertEquals(200, feed.status(), feed::toString);
        Api.Reply claim = crm.post("/leads/" + ours + "/claim", "");
        assertEquals(200, claim.status(), claim::toString);
        assertEquals("nordlicht", claim.json().getString("partner"), "claimed for the credential's partner");
        assertEquals("erika.geheim@example.com", claim.json().getJsonObject("contact").getString("email"));

        long theirs = Leads.published("DE-BY", "SWITCH-CAMPUS", "MEDIUM", null); // alpenblick's region
        assertEquals(200, Api.as("south.rep").post("/leads/" + theirs + "/claim", "").status());
        assertEquals(404, crm.get("/leads/" + theirs).status(), "another partner's lead by id");
        assertEquals(403, crm.post("/leads", Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", null)).status(),
                "a partner's CRM does not deliver leads");
        assertEquals(403, crm.post("/api-clients", "{\"name\": \"Another\"}").status(), "nor make credentials");

        assertEquals(204, admin.delete("/api-clients/" + id).status());
        assertEquals(401, token(clientId, secret).statusCode(), "revoked: Keycloak refuses the client");
        assertTrue(admin.get("/api-clients").array().getValuesAs(JsonObject.class).stream()
                .noneMatch(c -> c.getString("clientId").equals(clientId)));
        assertEquals(404, admin.delete("/api-clients/" + id).status(), "revoked once");
    }
}
