package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Browser;
import com.partnerportal.it.support.Leads;
import com.partnerportal.it.support.PortalDeployment;
import com.partnerportal.it.support.RoomForNordlicht;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The privacy pages in a real browser: a card without the company's name, the lead page's reveal in
 * the audit, the erasure behind a confirmation, the audit search, and the market switch, on a phone.
 */
@ExtendWith(RoomForNordlicht.class)
class PrivacyBrowserIT extends PortalDeployment {

    private static final Api manager = Api.as("channel.manager");

    @Test
    void aRepSeesAnAnonymousCardAndTheChannelManagerErasesAProspect() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "erase-" + tag + "@example.com";
        // a combination few leads have, and the top score: the card is on the first page of the filtered feed
        long lead = Leads.published(Leads.json("DE-SH", "FIREWALL-NG", "ENTERPRISE", null, 100)
                .replace("erika.geheim@example.com", email).replace("\"Geheim\"", "\"Geheim-" + tag + "\"")
                .replace("+49 40 9999999", "+49 40 " + (1_000_000 + Math.floorMod(tag.hashCode(), 8_999_999))));
        try (Browser browser = Browser.start()) {
            browser.open(Api.PORTAL + "/marketplace.xhtml?region=DE-SH&product=FIREWALL-NG&sizeClass=ENTERPRISE");
            browser.logIn("north.rep");
            browser.waitForElement(By.id("card-" + lead));
            String card = browser.text(By.id("card-" + lead));
            browser.screenshot("privacy-anonymous-card.png");
            assertTrue(card.contains("Company named on claim"), card);
            assertFalse(card.contains("Prüfstand"), "no company name before the claim: " + card);
        }
        assertEquals(200, Api.as("north.rep").post("/leads/" + lead + "/claim", "").status());

        try (Browser browser = Browser.start()) {
            browser.open(Api.PORTAL + "/lead/" + lead);
            browser.logIn("channel.manager");
            browser.waitForText(By.id("contactEmail"), email);
            browser.fullScreenshot("privacy-lead-desktop.png");
            assertTrue(audited(lead, "channel.manager", "LEAD_PAGE"), "the lead page's reveal is recorded");

            browser.click(By.id("privacyForm:erase"));
            browser.click(By.cssSelector(".ui-confirmdialog-yes"));
            browser.waitForText(By.id("contactWithdrawn"), "personal data was erased");
            browser.waitForText(By.id("growl_container"), "finds it nowhere");
            assertTrue(browser.text(By.id("handover")).contains("—"), "the handover protocol is gone too");
            assertFalse(browser.pageSource().contains("local installer"));
            assertFalse(browser.pageSource().contains(email), "the contact is gone from the page");
            assertTrue(browser.text(By.id("leadState")).contains("Withdrawn"));
            browser.phone();
            browser.fullScreenshot("privacy-lead-erased-phone.png");
            assertEquals(0, browser.horizontalOverflow());

            browser.click(By.id("privacyForm:auditOfLead"));
            browser.waitForText(By.id("auditList"), "north.rep");
            String audit = browser.text(By.id("auditList"));
            assertTrue(audit.contains("Claim answer") && audit.contains("Lead page"), audit);
            assertEquals(0, browser.horizontalOverflow());
            browser.fullScreenshot("privacy-audit-phone.png");

            browser.open(Api.PORTAL + "/audit.xhtml?from=someday");
            browser.waitForText(By.id("messages"), "From");
        }
    }

    @Test
    void aWithdrawalTakesTheContactOffTheRepsLeadPageAtOnce() {
        String email = "gone-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        long lead = Leads.published(Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", "NETWORK-PRO")
                .replace("erika.geheim@example.com", email).replace("\"score\":", "\"consentRequired\": true, \"score\":"));
        String allow = "{\"partner\": \"nordlicht\", \"decision\": \"%s\", \"note\": \"on the phone\"}";
        assertEquals(200, manager.post("/leads/" + lead + "/consents", allow.formatted("ALLOWED")).status());
        assertEquals(200, Api.as("north.rep").post("/leads/" + lead + "/claim", "").status());
        try (Browser browser = Browser.start()) {
            browser.open(Api.PORTAL + "/lead/" + lead);
            browser.logIn("north.rep");
            browser.waitForText(By.id("contactEmail"), email);
            assertEquals(200, manager.post("/leads/" + lead + "/consents", allow.formatted("REFUSED")).status());
            browser.open(Api.PORTAL + "/lead/" + lead);
            browser.waitForText(By.id("contactWithdrawn"), "withdrew");
            assertFalse(browser.pageSource().contains(email), "not in the page's source either");
            browser.open(Api.PORTAL + "/my-leads.xhtml");
            browser.waitForElement(By.tagName("h1"));
            assertFalse(browser.pageSource().contains(email), "nor in the rep's list");
        }
    }

    private static boolean audited(long lead, String user, String how) {
        return manager.get("/audit/personal-data?lead=" + lead + "&size=100").json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getString("user").equals(user) && e.getString("how").equals(how));
    }

    @Test
    void theChannelManagerTurnsCompanyNamesOnForAMarketOnAPhone() {
        try (Browser browser = Browser.start()) {
            browser.phone();
            browser.open(Api.PORTAL + "/consent-rules.xhtml");
            browser.logIn("channel.manager");
            browser.waitForElement(By.id("marketForm:markets"));
            assertEquals(0, browser.horizontalOverflow(), "nothing wider than the phone");
            browser.fullScreenshot("privacy-settings-phone.png");
            try {
                browser.click(By.cssSelector("#marketForm\\:markets tr[data-ri='1'] .ui-toggleswitch-slider"));
                browser.waitForText(By.id("growl_container"), "now name the company");
                assertTrue(manager.get("/markets").array().getValuesAs(JsonObject.class).stream()
                        .anyMatch(m -> m.getBoolean("companyNameOnCards")), "the switch is saved");
            } finally {
                for (JsonObject market : manager.get("/markets").array().getValuesAs(JsonObject.class)) {
                    manager.put("/markets/" + market.getString("country"), "{\"companyNameOnCards\": false}");
                }
            }
        }
    }
}
