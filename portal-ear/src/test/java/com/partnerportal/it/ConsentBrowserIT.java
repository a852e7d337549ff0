package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Browser;
import com.partnerportal.it.support.Leads;
import com.partnerportal.it.support.Mailbox;
import com.partnerportal.it.support.PortalDeployment;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The public consent page in a real browser at phone width: English from the browser, German on
 * request, labelled choices that work from the keyboard, and the choice recorded.
 */
class ConsentBrowserIT extends PortalDeployment {

    @Test
    void aProspectChoosesOnAPhoneInEitherLanguage() throws Exception {
        String email = "phone-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        long lead = Leads.published(Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", "NETWORK-PRO")
                .replace("erika.geheim@example.com", email).replace("\"score\":", "\"consentRequired\": true, \"score\":"));
        assertEquals(202, Api.as("channel.manager").post("/leads/" + lead + "/consent-invitations", "").status());
        String link = null;
        for (int i = 0; i < 50 && link == null; i++) {
            var mails = Mailbox.of(email);
            if (!mails.isEmpty()) {
                Matcher m = Pattern.compile("http://localhost:8080/portal/consent/\\S+").matcher(mails.get(0).text());
                assertTrue(m.find());
                link = m.group();
            } else {
                Thread.sleep(100);
            }
        }
        try (Browser browser = Browser.start()) {
            browser.phone();
            browser.open(link);
            browser.waitForText(By.tagName("h1"), "Who may contact you");
            assertEquals(0, browser.horizontalOverflow(), "nothing wider than the phone");
            assertTrue(browser.visibleText().contains("Nordlicht Systemhaus GmbH, Hamburg"), browser.visibleText());
            browser.fullScreenshot("consent-en-phone.png");

            browser.click(By.id("de"));
            browser.waitForText(By.tagName("h1"), "Wer Sie kontaktieren darf");
            var radios = browser.findAll(By.cssSelector("input[type=radio][value=ALLOWED]"));
            assertEquals(1, radios.size(), "one partner fits");
            String id = radios.get(0).getAttribute("id");
            assertEquals(1, browser.findAll(By.cssSelector("label[for='" + id + "']")).size(), "each choice has its label");
            radios.get(0).sendKeys(Keys.SPACE); // from the keyboard
            assertTrue(radios.get(0).isSelected());
            browser.fullScreenshot("consent-de-phone.png");
            browser.click(By.id("choiceForm:save"));
            browser.waitForText(By.id("recorded"), "Ihre Wahl ist festgehalten");
            assertTrue(browser.text(By.id("recorded")).contains("Nordlicht Systemhaus GmbH, Hamburg: darf Sie kontaktieren"));
            browser.fullScreenshot("consent-de-recorded-phone.png");
        }
        assertEquals("ALLOWED", Api.as("channel.manager").get("/leads/" + lead + "/consents").json()
                .getJsonArray("ledger").getJsonObject(0).getString("decision"));
    }
}
