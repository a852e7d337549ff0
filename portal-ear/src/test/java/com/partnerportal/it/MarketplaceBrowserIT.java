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
        By claim = By.xpath("//div[@id='card-" + id + "']//button[contains(@id, ':claim')]");

        try (Browser first = Browser.start(); Browser second = Browser.start()) {
            first.open(Api.PORTAL + "/marketplace.xhtml");
            first.logIn("north.rep");
            second.open(Api.PORTAL + "/marketplace.xhtml");
            second.logIn("north.admin");
            first.open(FILTERED);
            second.open(FILTERED);
            first.waitForText(card, "Company named on claim");
            second.waitForText(card, "Company named on claim");
            assertFalse(first.text(card).contains("Prüfstand"), "no company name before the claim");
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
            second.waitForText(By.id("messages"),
                    "A colleague has claimed this lead for your partner already: you find it under My leads.");
            assertTrue(second.findAll(card).isEmpty(), "the taken card disappears");
            assertFalse(second.pageSource().contains("erika.geheim"));
            second.screenshot("marketplace-taken.png");
        }
    }

    @Test
    void channelManagerWritesTheHandoverThenQualifiesAndPublishes() {
        String withoutHandover = Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", "NETWORK-PRO")
                .replaceAll(",\\s*\"handover\": \\{[^}]*}", "");
        Api.Reply created = Api.as("channel.manager").post("/leads", withoutHandover);
        assertEquals(201, created.status(), created::toString);
        assertEquals("NEW", created.json().getString("state"));
        long id = created.json().getJsonNumber("id").longValue();

        try (Browser browser = Browser.start()) {
            browser.open(Api.PORTAL + "/lead/" + id); // the lead's lasting address finds it through the login
            browser.logIn("channel.manager");
            browser.waitForText(By.id("leadState"), "New");
            assertTrue(browser.findAll(By.id("leadForm:publish")).isEmpty(), "no publishing without a handover protocol");

            browser.click(By.id("leadForm:qualify"));
            browser.waitForText(By.id("leadForm"), "Write why this lead is handed over to a partner.");
            browser.screenshot("lead-handover-missing.png");
            assertTrue(browser.text(By.id("leadState")).contains("New"));

            browser.type(By.id("leadForm:handover_reason"), "asked twice for a partner nearby");
            browser.type(By.id("leadForm:handover_prospectAsked"), "a demo in Hamburg");
            browser.type(By.id("leadForm:handover_promised"), "a call this week");
            browser.type(By.id("leadForm:handover_nextStep"), "call and book the demo");
            browser.click(By.id("leadForm:qualify"));
            browser.waitForText(By.id("leadState"), "Qualified");

            browser.click(By.id("leadForm:publish"));
            browser.waitForText(By.id("leadState"), "In the pool");
            assertTrue(browser.text(By.id("handover")).contains("asked twice for a partner nearby"),
                    "the protocol is read, not edited, once published");
            assertTrue(browser.findAll(By.id("leadForm:handover_reason")).isEmpty());
            browser.screenshot("lead-qualified-and-published.png");
            assertTrue(browser.currentUrl().endsWith("/portal/lead/" + id), "the address bar keeps the lasting address");

            browser.open(Api.PORTAL + "/lead.xhtml");
            browser.waitForText(By.id("messages"), "No lead chosen");
        }
        assertEquals("PUBLISHED", Leads.get("channel.manager", id).getString("state"));
    }

    @Test
    void channelManagerSeesThePoolAndTheLeadsTimeline() {
        long id = Leads.forNordlicht();
        try (Browser browser = Browser.start()) {
            browser.open(Api.PORTAL + "/pool.xhtml");
            browser.logIn("channel.manager");
            browser.waitForText(By.id("poolForm:pool"), "Nordlicht Systemhaus GmbH");
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

    @Test
    void filtersStayOnBackAndAnEmptyResultOffersToClearThem() {
        Leads.forNordlicht(); // a card to come back to, whatever earlier tests claimed from the pool
        try (Browser browser = Browser.start()) {
            browser.open(Api.PORTAL + "/marketplace.xhtml");
            browser.logIn("north.rep");
            browser.open(Api.PORTAL + "/marketplace.xhtml?region=AT"); // outside nordlicht's territory: nothing fits
            browser.waitForText(By.id("marketForm:clear"), "No lead fits these filters.");
            browser.screenshot("marketplace-empty-filtered.png");
            browser.click(By.id("marketForm:clearFilters"));
            browser.waitForElement(By.cssSelector(".pool-card"));
            assertTrue(browser.findAll(By.id("marketForm:clearFilters")).isEmpty());
            assertTrue(browser.currentUrl().endsWith("/marketplace.xhtml"), browser.currentUrl());

            browser.choose("marketForm:sizeClass", "Enterprise");
            browser.waitForUrl("sizeClass=ENTERPRISE");
            browser.open(Api.PORTAL + "/my-leads.xhtml");
            browser.waitForText(By.cssSelector("h1.page-title"), "My leads");
            browser.back();
            browser.waitForText(By.id("marketForm:sizeClass"), "Enterprise");
        }
    }

    @Test
    void aClickAfterTheSessionEndedSignsInAgainAndSaysTheActionDidNotHappen() {
        Leads.forNordlicht();
        try (Browser browser = Browser.start()) {
            browser.open(Api.PORTAL + "/marketplace.xhtml");
            browser.logIn("north.rep");
            browser.waitForElement(By.cssSelector(".pool-card"));
            assertTrue(browser.findAll(By.cssSelector("#sessionRenewed:not([hidden])")).isEmpty(), "no note while all is well");
            browser.forgetSession(); // as when the session runs out, or the balancer sends the click to another node
            browser.click(By.xpath("//div[@id='languageForm:language']//div[contains(., 'DE')]"));
            browser.waitForText(By.id("sessionRenewed"), "Your session had ended");
            browser.waitForElement(By.cssSelector(".pool-card"));
            assertTrue(browser.currentUrl().endsWith("/marketplace.xhtml"), "the same page again: " + browser.currentUrl());
            assertEquals("en", browser.attribute(By.cssSelector("html"), "lang"), "the click that found no session was not carried out");
            browser.screenshot("marketplace-session-renewed.png");
            browser.phone();
            browser.screenshot("marketplace-session-renewed-phone.png");
            assertEquals(0, browser.horizontalOverflow(), "the note fits a phone's width");
            browser.desktop();

            browser.click(By.xpath("//div[@id='languageForm:language']//div[contains(., 'DE')]"));
            browser.waitForText(By.cssSelector("h1.page-title"), "Marktplatz");
            assertEquals("de", browser.attribute(By.cssSelector("html"), "lang"), "the first click after the renewal is carried out");
            assertTrue(browser.findAll(By.cssSelector("#sessionRenewed:not([hidden])")).isEmpty(), "the note is shown once");

            browser.forgetSession();
            browser.click(By.xpath("//div[@id='languageForm:language']//div[contains(., 'EN')]"));
            browser.waitForText(By.id("sessionRenewed"), "Ihre Sitzung war beendet");
            browser.waitForText(By.cssSelector("h1.page-title"), "Marktplatz"); // the new session keeps the language chosen
            assertEquals("de", browser.attribute(By.cssSelector("html"), "lang"));
            browser.screenshot("marketplace-session-renewed-de.png");
            browser.phone();
            browser.screenshot("marketplace-session-renewed-de-phone.png");
            assertEquals(0, browser.horizontalOverflow(), "the German note fits a phone's width");
            browser.desktop();

            browser.open(Api.PORTAL + "/my-leads.xhtml");
            browser.waitForText(By.cssSelector("h1.page-title"), "Meine Leads");
            assertTrue(browser.findAll(By.cssSelector("#sessionRenewed:not([hidden])")).isEmpty(), "the note is shown once");
        }
    }

}
