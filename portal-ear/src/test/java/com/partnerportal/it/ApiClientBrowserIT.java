package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Browser;
import com.partnerportal.it.support.PortalDeployment;
import com.partnerportal.it.support.TestServers;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A partner's admin makes credentials for its CRM on the page, the CRM logs in with what was shown, and the admin revokes them. */
class ApiClientBrowserIT extends PortalDeployment {

    private static int tokenStatus(String clientId, String secret) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(TestServers.REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void anAdminMakesCredentialsCopiesTheSecretOnceAndRevokesThem() throws Exception {
        try (Browser browser = Browser.start()) {
            browser.open(Api.PORTAL + "/api-clients.xhtml");
            browser.logIn("north.admin");
            browser.click(By.id("apiClientForm:create"));
            browser.waitForElement(By.cssSelector("#apiClientForm .ui-message-error")); // an empty name is refused beside the field
            browser.type(By.id("apiClientForm:name"), "Browser CRM");
            browser.click(By.id("apiClientForm:create"));
            browser.waitForElement(By.id("clientSecret"));
            String clientId = browser.text(By.id("clientId"));
            String secret = browser.text(By.id("clientSecret"));
            assertTrue(clientId.startsWith("crm-nordlicht-"), clientId);
            browser.screenshot("api-clients-secret.png");
            assertEquals(200, tokenStatus(clientId, secret), "the CRM logs in with what the page showed");

            browser.open(Api.PORTAL + "/api-clients.xhtml");
            browser.waitForText(By.id("clientsForm:clients"), clientId);
            assertTrue(!browser.text(By.id("apiClientForm")).contains(secret), "the secret is not shown again");
            browser.click(By.xpath("//tbody[@id='clientsForm:clients_data']/tr[td//code[text()='" + clientId + "']]//button[contains(@id, ':revoke')]"));
            browser.click(By.id("confirmYes"));
            browser.waitForText(By.id("growl_container"), "revoked");
            assertEquals(401, tokenStatus(clientId, secret), "revoked credentials are refused");
        } finally {
            for (JsonObject client : Api.as("north.admin").get("/api-clients").array().getValuesAs(JsonObject.class)) {
                Api.as("north.admin").delete("/api-clients/" + client.getJsonNumber("id").longValue());
            }
        }
    }
}
