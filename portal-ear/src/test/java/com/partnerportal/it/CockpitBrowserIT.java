package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Browser;
import com.partnerportal.it.support.Leads;
import com.partnerportal.it.support.PortalDeployment;
import com.partnerportal.it.support.RoomForNordlicht;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * A rep takes a lead from the claim to the won deal on the lead page; the channel manager and the
 * partner read it in their cockpits, and each number leads to its leads.
 */
@ExtendWith(RoomForNordlicht.class)
class CockpitBrowserIT extends PortalDeployment {

    private static final String CAMPAIGN = "it-browser-" + UUID.randomUUID().toString().substring(0, 8);

    private static long claimedLead() {
        long id = Leads.published(Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", "NETWORK-PRO")
                .replace("\"integration-tests\"", "\"" + CAMPAIGN + "\""));
        Api.Reply claim = Api.as("north.rep").post("/leads/" + id + "/claim", "");
        assertEquals(200, claim.status(), claim::toString);
        return id;
    }

    @Test
    void aRepTakesALeadFromTheClaimToTheWonDealAndBothCockpitsCountIt() {
        long id = claimedLead();
        try (Browser browser = Browser.start()) {
            browser.open(Api.PORTAL + "/lead/" + id);
            browser.logIn("north.rep");
            browser.waitForText(By.id("leadState"), "Claimed");
            assertTrue(browser.text(By.id("firstActivityDue")).contains("Log the first contact by"));

            browser.click(By.id("activityForm:log"));
            browser.waitForText(By.id("activityForm"), "Write what was done.");
            browser.type(By.id("activityForm:note"), "Reached Erika, demo booked for Monday");
            browser.click(By.id("activityForm:log"));
            browser.waitForText(By.id("leadState"), "Contacted");
            assertTrue(browser.findAll(By.id("firstActivityDue")).isEmpty(), "the deadline is met");

            browser.choose("pipelineForm:stage", "Proposal");
            browser.type(By.id("pipelineForm:expectedRevenue_amount"), "42000.00");
            browser.setDate(By.id("pipelineForm:expectedCloseDate"), "2027-01-31");
            browser.setDate(By.id("pipelineForm:followUpAt"), "2027-01-10T09:30");
            browser.click(By.id("pipelineForm:savePipeline"));
            browser.waitForText(By.id("leadState"), "Proposal");
            browser.screenshot("pipeline-proposal.png");

            browser.choose("pipelineForm:stage", "Won");
            browser.waitForElement(By.id("pipelineForm:wonRevenue_amount"));
            browser.click(By.id("pipelineForm:savePipeline"));
            browser.waitForText(By.id("messages"), "Enter the revenue the deal was won with.");
            browser.type(By.id("pipelineForm:wonRevenue_amount"), "39500.00");
            browser.click(By.id("pipelineForm:savePipeline"));
            browser.waitForText(By.id("leadState"), "Won");
            assertTrue(browser.text(By.id("wonRevenue")).contains("39,500.00"), browser.text(By.id("wonRevenue")));
            assertTrue(browser.findAll(By.id("pipelineForm")).isEmpty(), "a won deal is closed");
            browser.screenshot("pipeline-won.png");

            browser.open(Api.PORTAL + "/cockpit.xhtml?campaign=" + CAMPAIGN);
            browser.waitForText(By.id("kpiWon"), "won");
            assertEquals("1", browser.text(By.cssSelector("#kpiWon .count")));
            assertTrue(browser.text(By.id("kpiWonRevenue")).contains("39,500.00"));
            browser.screenshot("cockpit-partner.png");
            browser.open(Api.PORTAL + "/cockpit.xhtml?partner=alpenblick");
            browser.waitForText(By.id("messages"), "You see your own partner's numbers only.");
            assertTrue(browser.findAll(By.id("cockpit")).isEmpty(), "no other partner's numbers");
        }
    }

    @Test
    void theChannelManagersNumbersLeadToTheirLeadsOnADesktopAndAPhone() {
        claimedLead();
        long lost = claimedLead();
        Api.Reply lose = Api.as("north.rep").patch("/leads/" + lost, "{\"stage\": \"LOST\", \"lossReasonCode\": \"COMPETITOR\"}");
        assertEquals(200, lose.status(), lose::toString);
        try (Browser browser = Browser.start()) {
            // a view a colleague sent: its filters come through the login
            browser.open(Api.PORTAL + "/cockpit/campaign=" + CAMPAIGN);
            browser.logIn("channel.manager");
            browser.waitForText(By.id("kpiPublished"), "published");
            assertEquals("2", browser.text(By.cssSelector("#kpiPublished .count")));
            assertTrue(browser.text(By.id("lossReasons")).contains("Chose a competitor"));
            browser.screenshot("cockpit-channel.png");

            assertTrue(browser.currentUrl().endsWith("/cockpit/campaign=" + CAMPAIGN), "the lasting address: " + browser.currentUrl());
            browser.click(By.id("funnel-LOST"));
            browser.waitForText(By.id("total"), "one lead");
            assertTrue(browser.currentUrl().endsWith("/cockpit-leads/campaign=" + CAMPAIGN + "&stage=LOST"),
                    "the drill-down keeps the filters in its address: " + browser.currentUrl());
            assertTrue(browser.pageSource().contains("Prüfstand Maschinenbau GmbH"));
            browser.screenshot("cockpit-leads.png");

            browser.phone();
            browser.open(Api.PORTAL + "/cockpit.xhtml?campaign=" + CAMPAIGN);
            browser.waitForText(By.id("kpiPublished"), "2");
            assertEquals(0, browser.horizontalOverflow(), "the cockpit fits a phone");
            browser.fullScreenshot("cockpit-channel-phone.png");
            browser.open(Api.PORTAL + "/cockpit.xhtml?from=2026-13-01");
            browser.waitForText(By.id("messages"), "From");
            assertFalse(browser.pageSource().contains("kpiPublished"));
        }
    }
}
