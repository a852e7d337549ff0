package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.PortalDeployment;
import com.partnerportal.it.support.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SecurityIT extends PortalDeployment {

    @Test
    void healthIsUpWithoutLogin() {
        Api.Reply reply = Api.anonymous().get("/health");

        assertEquals(200, reply.status());
        assertEquals("UP", reply.json().getString("status"));
    }

    @Test
    void jsonRequestWithoutTokenGets401NotARedirect() {
        Api.Reply reply = Api.anonymous().get("/partners");

        assertEquals(401, reply.status());
        assertEquals(null, reply.header("Location"));
        assertTrue(reply.header("Content-Type").startsWith("application/problem+json"), reply.header("Content-Type"));
        assertEquals(401, reply.json().getInt("status"));
    }

    @Test
    void forgedTokenGets401() {
        String token = Tokens.of("north.rep");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        assertEquals(401, Api.withToken(forged).get("/partners").status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"channel.manager", "north.rep", "north.admin", "south.rep", "west.rep", "portal.admin"})
    void everyDemoUserReadsTheCatalogues(String user) {
        Api.Reply reply = Api.as(user).get("/reference/products");

        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.array().size() >= 5);
    }

    @Test
    void leadIngestServiceGetsATokenButNoPartner() {
        Api.Reply reply = Api.withToken(Tokens.leadIngest()).get("/partners");

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(0, reply.json().getInt("total"));
    }

    @Test
    void cataloguesHaveGermanAndEnglishLabels() {
        var lossReasons = Api.as("west.rep").get("/reference/loss-reasons").array();
        var price = lossReasons.getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(r -> r.getString("code").equals("PRICE")).findFirst().orElseThrow();
        assertEquals("Preis zu hoch", price.getJsonObject("label").getString("de"));
        assertEquals("Price too high", price.getJsonObject("label").getString("en"));

        var regions = Api.as("west.rep").get("/reference/regions").array();
        assertTrue(regions.toString().contains("\"DE-HH\""));
        assertTrue(Api.as("west.rep").get("/reference/return-reasons").array().size() >= 5);
    }

    @Test
    void pageWithoutLoginRedirectsToKeycloakWithPkce() throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(Api.PORTAL + "/index.xhtml")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.discarding());

        assertEquals(302, response.statusCode());
        String location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("http://localhost:8180/realms/partner-portal/protocol/openid-connect/auth"), location);
        assertTrue(location.contains("code_challenge_method=S256"), location);
        assertTrue(location.contains("client_id=portal-web"), location);
        List<String> cookies = response.headers().allValues("Set-Cookie");
        assertTrue(!cookies.isEmpty() && cookies.stream().allMatch(c -> c.contains("SameSite=Lax") && c.contains("HttpOnly")),
                cookies::toString);
        assertSecurityHeaders(response.headers(), "the login redirect");
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("/jakarta.faces.resource/none.css.xhtml?ln=portal", "/index.xhtml?code=forged&state=forged",
                "/api/partners")) {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(Api.PORTAL + path))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.discarding());
            assertTrue(response.statusCode() >= 300, path + ": " + response.statusCode());
            assertSecurityHeaders(response.headers(), path + " (" + response.statusCode() + ")");
        }
    }

    private static void assertSecurityHeaders(java.net.http.HttpHeaders headers, String what) {
        assertTrue(headers.firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"), what);
        assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(null), what);
        assertEquals("DENY", headers.firstValue("X-Frame-Options").orElse(null), what);
        assertEquals("same-origin", headers.firstValue("Referrer-Policy").orElse(null), what);
    }

    @Test
    void responsesCarrySecurityHeaders() {
        Api.Reply reply = Api.anonymous().get("/health");

        assertNotNull(reply.header("Content-Security-Policy"));
        assertTrue(reply.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertEquals("nosniff", reply.header("X-Content-Type-Options"));
        assertEquals("DENY", reply.header("X-Frame-Options"));
    }
}
