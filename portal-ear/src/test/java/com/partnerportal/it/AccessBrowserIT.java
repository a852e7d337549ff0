package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Browser;
import com.partnerportal.it.support.PortalDeployment;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * What a user meets off the happy path: a page the role may not use, an address that is no page, a
 * form whose state was tampered with, a link that would log out.
 */
class AccessBrowserIT extends PortalDeployment {

    @Test
    void aPageTheRoleMayNotUseIsRefusedAtOnceAndIsNotInTheMenu() {
        try (Browser browser = Browser.start()) {
            browser.open(Api.PORTAL + "/");
            browser.logIn("north.rep");
            browser.waitForElement(By.id("navMarketplace"));
            for (String nav : List.of("navLeads", "navPool", "navPartners", "navAvailability", "navCampaigns", "navCatalogues")) {
                assertTrue(browser.findAll(By.id(nav)).isEmpty(), nav + " is not in a rep's menu");
            }
            for (String page : List.of("/lead-new.xhtml", "/availability.xhtml", "/pool.xhtml", "/partners.xhtml",
                    "/partner.xhtml?key=nordlicht", "/leads.xhtml", "/campaigns.xhtml", "/catalogues.xhtml")) {
                browser.open(Api.PORTAL + page);
                browser.waitForText(By.cssSelector("h1.page-title"), "No access");
                assertTrue(browser.findAll(By.cssSelector("form[id$='leadForm'], form[id$='availabilityForm']")).isEmpty(),
                        page + " shows no form");
                assertEquals(1, count(browser.visibleText(), "Your role may not open this page"), page + ": said once");
            }
            browser.screenshot("no-access.png");
            browser.click(By.id("home"));
            browser.waitForText(By.cssSelector("h1.page-title"), "Overview");
        }
    }

    @Test
    void anAddressThatIsNoPageGetsThePortalsOwnPage() {
        try (Browser browser = Browser.start()) {
            browser.open(Api.PORTAL + "/");
            browser.logIn("channel.manager");
            browser.waitForElement(By.id("navLeads"));
            for (String address : List.of("/no-such-page.xhtml", "/no/such/thing", "/error/forbidden.xhtml")) {
                browser.open(Api.PORTAL + address);
                browser.waitForText(By.cssSelector("h1.page-title"), "Page not found");
                assertFalse(browser.pageSource().contains("ExternalContext"), address);
            }
            browser.screenshot("not-found.png");
        }
    }

    @Test
    void aTamperedFormReloadsItsPageInsteadOfFailing() {
        try (Browser browser = Browser.start()) {
            browser.open(Api.PORTAL + "/leads.xhtml");
            browser.logIn("channel.manager");
            browser.waitForElement(By.id("leadsForm:search"));
            browser.script("document.querySelectorAll('input[name=\"jakarta.faces.ViewState\"]')"
                    + ".forEach(function (e) { e.value = 'forged:123'; });");
            browser.type(By.id("leadsForm:search"), "Nordsee");
            browser.waitForText(By.tagName("body"), "your last action did not happen");
            assertTrue(browser.currentUrl().endsWith("/leads.xhtml"), browser.currentUrl());
            assertFalse(browser.visibleText().contains("Something went wrong"));
        }
    }

    @Test
    void aFormRefusesTextThatReadsOtherThanItIsStoredAndKeepsIt() {
        try (Browser browser = Browser.start()) {
            browser.open(Api.PORTAL + "/lead-new.xhtml");
            browser.logIn("channel.manager");
            browser.waitForElement(By.id("leadForm:company_name"));
            browser.script("document.getElementById('leadForm:company_name').value = 'Evil\\u202Eyolk GmbH';");
            browser.click(By.id("leadForm:save"));
            browser.waitForText(By.id("leadForm"), "must not contain characters that reverse the reading direction");
            assertEquals("Evil\u202Eyolk GmbH", browser.waitForElement(By.id("leadForm:company_name")).getAttribute("value"));
        }
    }

    @Test
    void logoutTakesAPostWithTheSessionsTokenNotALink() {
        try (Browser browser = Browser.start()) {
            browser.open(Api.PORTAL + "/");
            browser.logIn("north.rep");
            browser.waitForElement(By.id("userName"));
            browser.open(Api.PORTAL + "/logout"); // what an <img src> or a link from elsewhere would do
            browser.waitForText(By.id("userName"), "north.rep");
            browser.click(By.id("logout"));
            browser.waitForElement(By.id("kc-login"));
        }
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
