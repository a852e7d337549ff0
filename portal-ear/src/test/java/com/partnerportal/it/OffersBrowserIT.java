package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Browser;
import com.partnerportal.it.support.Leads;
import com.partnerportal.it.support.PortalDeployment;
import com.partnerportal.it.support.RoomForNordlicht;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * A rep hears of a new lead behind the bell, goes to the marketplace from it and says "not for us"
 * with a reason; then chooses on the profile page to hear of new leads in an hourly digest.
 */
@ExtendWith(RoomForNordlicht.class)
class OffersBrowserIT extends PortalDeployment {

    @Test
    void aRepSeesTheNewLeadBehindTheBellDeclinesItWithAReasonAndChoosesADigest() {
        assertEquals(200, Api.as("north.rep").get("/profile").status()); // the portal has met north.rep
        long id = Leads.published(Leads.json("DE-HB", "ZERO-TRUST", "ENTERPRISE", null, 100));
        try (Browser browser = Browser.start()) {
            browser.open(Api.PORTAL + "/notifications.xhtml");
            browser.logIn("north.rep");
            // named by what its card shows first
            By offered = By.xpath("(//a[contains(., 'New lead in your marketplace: Zero-trust access in Bremen')])[1]");
            browser.waitForElement(offered);
            assertTrue(browser.findAll(By.id("unreadCount")).size() == 1, "the bell counts it");
            browser.screenshot("offers-notifications.png");
            browser.click(offered);
            browser.waitForUrl("/marketplace");

            browser.open(Api.PORTAL + "/marketplace.xhtml?region=DE-HB&product=ZERO-TRUST&sizeClass=ENTERPRISE");
            By card = By.id("card-" + id);
            browser.waitForElement(card);
            browser.click(By.xpath("//div[@id='card-" + id + "']//button[contains(@id, ':decline')]"));
            browser.waitForElement(By.id("declineForm:reasonCode"));
            browser.click(By.id("declineForm:confirmDecline"));
            browser.waitForElement(By.cssSelector("#declineForm .ui-message-error"));
            assertTrue(browser.pageSource().contains("id=\"card-" + id + "\""), "without a reason nothing is declined");
            browser.choose("declineForm:reasonCode", "Too small");
            browser.screenshot("offers-decline-dialog.png");
            browser.click(By.id("declineForm:confirmDecline"));
            browser.waitForText(By.id("growl_container"), "Declined");
            browser.waitUntilGone(card);
            browser.phone();
            browser.screenshot("offers-marketplace-phone.png");
            browser.desktop();

            browser.open(Api.PORTAL + "/profile.xhtml");
            browser.waitForText(By.id("profileEmail"), "north.rep@partner-portal.example");
            browser.click(By.xpath("//label[contains(., 'A digest every hour')]"));
            browser.click(By.id("profileForm:save"));
            browser.waitForText(By.id("growl_container"), "Your choice is saved.");
            browser.screenshot("offers-profile.png");
            browser.phone();
            browser.open(Api.PORTAL + "/profile.xhtml");
            browser.waitForText(By.id("profileEmail"), "north.rep@partner-portal.example");
            assertEquals(0, browser.horizontalOverflow(), "the profile fits a phone");
            browser.fullScreenshot("offers-profile-phone.png");
        } finally {
            Api.as("north.rep").put("/profile", "{\"offerMail\": \"INSTANT\"}");
        }
    }
}
