package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Browser;
import com.partnerportal.it.support.PortalDeployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A channel manager logs in through the Keycloak page and works with the partner table. */
class PartnerDirectoryBrowserIT extends PortalDeployment {

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
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
}
