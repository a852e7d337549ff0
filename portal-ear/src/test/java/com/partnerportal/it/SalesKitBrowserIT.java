package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Browser;
import com.partnerportal.it.support.Leads;
import com.partnerportal.it.support.PortalDeployment;
import com.partnerportal.it.support.RoomForNordlicht;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The channel manager adds a datasheet to the kit in the browser; the rep finds it on the claimed lead's page. */
@ExtendWith(RoomForNordlicht.class)
class SalesKitBrowserIT extends PortalDeployment {

    @Test
    void aDatasheetTheChannelManagerAddsIsOnThePageOfTheLeadTheRepClaimed() throws Exception {
        String campaign = "kit-ui-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, Api.as("channel.manager").put("/campaigns/" + campaign,
                "{\"name\": \"Kit page " + campaign + "\", \"cost\": {\"amount\": \"500.00\", \"currency\": \"EUR\"}}").status());
        Path pdf = Files.createTempFile("datasheet-", ".pdf");
        Files.writeString(pdf, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
                StandardCharsets.US_ASCII);
        String title = "Datasheet " + campaign;
        try (Browser browser = Browser.start()) {
            browser.open(Api.PORTAL + "/sales-kit.xhtml");
            browser.logIn("channel.manager");
            browser.waitForElement(By.id("kitForm:title"));
            browser.click(By.id("kitForm:save"));
            browser.waitForElement(By.cssSelector("#kitForm .ui-message-error"));
            browser.type(By.id("kitForm:title"), title);
            browser.choose("kitForm:campaign", "Kit page " + campaign);
            browser.findAll(By.cssSelector("input[type=file]")).get(0).sendKeys(pdf.toString());
            browser.click(By.id("kitForm:save"));
            browser.waitForText(By.id("items"), title);
            browser.screenshot("sales-kit.png");

            long id = Leads.published(Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", "NETWORK-PRO")
                    .replace("\"integration-tests\"", "\"" + campaign + "\""));
            assertEquals(200, Api.as("north.rep").post("/leads/" + id + "/claim", "").status());
            try (Browser rep = Browser.start()) {
                rep.open(Api.PORTAL + "/lead/" + id);
                rep.logIn("north.rep");
                rep.waitForText(By.id("kitForm"), title);
                assertTrue(rep.text(By.id("kitForm")).contains("Download"), rep.text(By.id("kitForm")));
                rep.screenshot("lead-sales-kit.png");
                rep.phone();
                rep.open(Api.PORTAL + "/lead/" + id);
                rep.waitForText(By.id("kitForm"), title);
                assertEquals(0, rep.horizontalOverflow(), "the lead page with its kit fits a phone");
                rep.fullScreenshot("lead-sales-kit-phone.png");
            }
        } finally {
            Files.deleteIfExists(pdf);
        }
    }
}
