package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Capacity;
import com.partnerportal.it.support.Browser;
import com.partnerportal.it.support.Leads;
import com.partnerportal.it.support.PortalDeployment;
import com.partnerportal.it.support.RoomForNordlicht;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Two reps of one partner look at the same card; one claims it and gets the contact, the other is told. */
@ExtendWith(RoomForNordlicht.class)
class MarketplaceBrowserIT extends PortalDeployment {

    /** Bremen, zero-trust, enterprise: a corner of the pool this test has to itself. */
    private static final String FILTERED = Api.PORTAL + "/marketplace.xhtml?region=DE-HB&product=ZERO-TRUST&sizeClass=ENTERPRISE";




    @Test
    void firstClaimGetsTheContactTheSecondRepIsToldAndTheCardIsGone() {
        long id = Leads.published(Leads.json("DE-HB", "ZERO-TRUST", "ENTERPRISE", null, 100));
        By card = By.id("card-" + id);
        By claim = By.xpath("//div[@id='card-" + id + "']//button");

        try (Browser first = Browser.start(); Browser second = Browser.start()) {
            first.open(Api.PORTAL + "/marketplace.xhtml");
            first.logIn("north.rep");
            second.open(Api.PORTAL + "/marketplace.xhtml");
            second.logIn("north.admin");
            first.open(FILTERED);
            second.open(FILTERED);
            first.waitForText(card, "Prüfstand Maschinenbau GmbH");
            second.waitForText(card, "Prüfstand Maschinenbau GmbH");
            assertFalse(first.pageSource().contains("erika.geheim"), "no contact before the claim");
            assertFalse(first.pageSource().contains("Geheim"), "no contact name before the claim");
            first.screenshot("marketplace-rep.png");

            first.click(claim);
            first.click(By.id("confirmYes"));
            first.waitForText(By.id("contactEmail"), "erika.geheim@example.com");
            assertTrue(first.text(By.id("leadState")).contains("Claimed"));
            first.screenshot("lead-claimed.png");

            second.click(claim);
            second.click(By.id("confirmYes"));
            second.waitForText(By.id("marketForm:messages"),
                    "A colleague has claimed this lead for your partner already: you find it under My leads.");
            assertTrue(second.findAll(card).isEmpty(), "the taken card disappears");
            assertFalse(second.pageSource().contains("erika.geheim"));
            second.screenshot("marketplace-taken.png");
        }
    }

    @Test
    void channelManagerSeesThePoolAndTheLeadsTimeline() {
        long id = Leads.forNordlicht();
        try (Browser browser = Browser.start()) {
            browser.open(Api.PORTAL + "/pool.xhtml");
            browser.logIn("channel.manager");
            browser.waitForText(By.id("poolForm:pool"), "nordlicht");
            browser.screenshot("pool.png");

            browser.open(Api.PORTAL + "/leads.xhtml");
            browser.waitForText(By.id("leadsForm:leads"), "Prüfstand Maschinenbau GmbH");
            browser.screenshot("leads.png");

            browser.open(Api.PORTAL + "/lead.xhtml?id=" + id);
            browser.waitForText(By.id("leadState"), "In the pool");
            assertTrue(browser.text(By.id("timeline")).contains("Qualified"));
            browser.screenshot("lead-published.png");
        }
    }
}
