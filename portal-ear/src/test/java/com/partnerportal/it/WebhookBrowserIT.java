package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Browser;
import com.partnerportal.it.support.Leads;
import com.partnerportal.it.support.PortalDeployment;
import com.partnerportal.it.support.Receiver;
import com.partnerportal.it.support.RoomForNordlicht;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** A partner's admin adds its CRM's endpoint in the browser, copies the secret, and reads the delivery log. */
@ExtendWith(RoomForNordlicht.class)
class WebhookBrowserIT extends PortalDeployment {

    @Test
    void anAdminAddsAnEndpointSeesItsSecretOnceAndReadsAndReplaysTheLog() throws Exception {
        try (Receiver crm = Receiver.start(); Browser browser = Browser.start()) {
            browser.open(Api.PORTAL + "/webhooks.xhtml");
            browser.logIn("north.admin");
            browser.type(By.id("webhookForm:url"), crm.url());
            browser.click(By.id("webhookForm:register"));
            browser.waitForText(By.id("webhookForm:secret"), "whsec_");
            browser.screenshot("webhooks-secret.png");

            long id = Leads.forNordlicht();
            assertEquals(200, Api.as("north.rep").post("/leads/" + id + "/claim", "").status());
            crm.await(a -> a.body().contains("\"lead.claimed\""), 1, 10);
            Thread.sleep(500);
            browser.open(Api.PORTAL + "/webhooks.xhtml");
            browser.click(By.xpath("//button[contains(@id, ':log')]"));
            browser.waitForText(By.id("endpointsForm:deliveries"), "delivered");
            assertTrue(browser.text(By.id("endpointsForm:deliveries")).contains(String.valueOf(id)));
            browser.click(By.xpath("//tbody[@id='endpointsForm:deliveries_data']/tr[1]//button[contains(@id, ':replay')]"));
            browser.waitForText(By.id("growl_container"), "Sent again");
            browser.screenshot("webhooks-log.png");
            browser.phone();
            browser.open(Api.PORTAL + "/webhooks.xhtml");
            browser.waitForElement(By.id("endpointsForm:endpoints"));
            assertEquals(0, browser.horizontalOverflow(), "the webhooks page fits a phone");
            browser.fullScreenshot("webhooks-phone.png");
            browser.click(By.xpath("//button[contains(@id, ':log')]"));
            browser.waitForText(By.id("endpointsForm:deliveries"), "delivered");
            assertEquals(0, browser.horizontalOverflow(), "the delivery log fits a phone");
            browser.fullScreenshot("webhooks-log-phone.png");

            browser.desktop();
            browser.click(By.xpath("//div[@id='languageForm:language']//div[contains(., 'DE')]"));
            browser.waitForText(By.cssSelector("h1.page-title"), "Webhooks");
            browser.waitForText(By.id("endpointsForm:deliveries"), "zugestellt");
            assertTrue(browser.text(By.id("endpointsForm:log")).contains("30 Tage"), "the log says how long it keeps a delivery");
            browser.screenshot("webhooks-log-de.png");
            browser.phone();
            assertEquals(0, browser.horizontalOverflow(), "the German delivery log fits a phone");
            browser.fullScreenshot("webhooks-log-de-phone.png");
            browser.desktop();
            browser.click(By.xpath("//div[@id='languageForm:language']//div[contains(., 'EN')]"));
            browser.waitForText(By.id("endpointsForm:deliveries"), "delivered");
        } finally {
            for (JsonObject endpoint : Api.as("north.admin").get("/webhooks").array().getValuesAs(JsonObject.class)) {
                Api.as("north.admin").delete("/webhooks/" + endpoint.getJsonNumber("id").longValue());
            }
        }
    }
}
