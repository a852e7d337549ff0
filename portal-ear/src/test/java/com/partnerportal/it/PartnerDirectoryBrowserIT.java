package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Capacity;
import com.partnerportal.it.support.Browser;
import com.partnerportal.it.support.PortalDeployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A channel manager logs in through the Keycloak page and works with the partner table. */
class PartnerDirectoryBrowserIT extends PortalDeployment {

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) { // null when the browser tests are skipped on a machine without Chromium
            browser.close();
        }
    }

    @Test
    void channelManagerLogsInAndSeesThePartnerTable() {
        browser.open(Api.PORTAL + "/partners.xhtml");
        browser.logIn("channel.manager");

        browser.waitForText(By.id("partnersForm:partners"), "Nordlicht Systemhaus GmbH");
        String table = browser.text(By.id("partnersForm:partners"));
        assertTrue(table.contains("Alpenblick IT-Service GmbH"), table);
        assertTrue(table.contains("Rheinwerk Netzwerke KG"), table);
        assertEquals("channel.manager", browser.text(By.id("userName")).strip());
        browser.screenshot("partners-channel-manager.png");

        browser.click(By.xpath("//div[@id='languageForm:language']//div[contains(., 'DE')]"));
        browser.waitForText(By.cssSelector("h1.page-title"), "Partnerverzeichnis");
        browser.screenshot("partners-channel-manager-de.png");

        browser.click(By.id("logout"));
        browser.waitForElement(By.id("kc-login"));
    }

    @Test
    void resellerAdminSeesOwnPartnerAndNoDirectory() {
        browser.open(Api.PORTAL + "/");
        browser.logIn("north.admin");

        browser.waitForText(By.id("cardOwnPartner"), "Nordlicht Systemhaus GmbH");
        assertTrue(browser.findAll(By.id("navPartners")).isEmpty());
        browser.screenshot("home-reseller-admin.png");
    }

    @Test
    void editFormNamesTheBadFieldAndStoresNothingUntilItIsFixed() {
        browser.open(Api.PORTAL + "/partners.xhtml");
        browser.logIn("channel.manager");
        browser.click(By.xpath("//tr[td[contains(., 'rheinwerk')]]//a"));

        WebElement name = browser.waitForElement(By.id("partnerForm:name"));
        browser.screenshot("partner-edit.png");
        assertEquals("Rheinwerk Netzwerke KG", name.getAttribute("value"));
        name.clear();
        browser.click(By.id("partnerForm:save"));
        browser.waitForText(By.id("partnerForm"), "Enter the partner's name.");
        browser.screenshot("partner-edit-validation.png");
        Api.Reply stored = Api.as("channel.manager").get("/partners/rheinwerk");
        assertEquals(200, stored.status(), stored::toString);
        assertEquals("Rheinwerk Netzwerke KG", stored.json().getString("name"), stored::toString);

        browser.waitForElement(By.id("partnerForm:name")).sendKeys("Rheinwerk Netzwerke KG");
        browser.click(By.id("partnerForm:save"));
        browser.waitForText(By.cssSelector("h1.page-title"), "Partner directory");
        browser.waitForText(By.id("partnersForm:partners"), "Rheinwerk Netzwerke KG");
    }

    @Test
    void resellerAdminKeepsAvailabilityWithMessagesOnThePage() {
        int before = Capacity.of("nordlicht");
        browser.open(Api.PORTAL + "/availability.xhtml");
        browser.logIn("north.admin");

        browser.setDate(By.id("availabilityForm:absentFrom"), "2027-03-10");
        browser.setDate(By.id("availabilityForm:absentUntil"), "2027-03-01");
        browser.click(By.id("availabilityForm:save"));
        browser.waitForText(By.id("availabilityForm"), "The last day of the absence must not be before the first.");
        browser.screenshot("availability-validation.png");
        assertTrue(!Api.as("north.admin").get("/partners/nordlicht").json().containsKey("absentFrom"));

        browser.setDate(By.id("availabilityForm:absentUntil"), "2027-03-20");
        browser.click(By.id("availabilityForm:save"));
        browser.waitForText(By.tagName("body"), "Availability saved.");
        assertEquals("2027-03-20", Api.as("north.admin").get("/partners/nordlicht").json().getString("absentUntil"));

        Capacity.set("nordlicht", before);
    }
}
