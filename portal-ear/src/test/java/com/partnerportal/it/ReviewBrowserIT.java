package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Browser;
import com.partnerportal.it.support.PortalDeployment;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The review queue in a real browser: the channel manager finds a held lead by its reason, corrects it and decides. */
class ReviewBrowserIT extends PortalDeployment {

    @Test
    void theChannelManagerFiltersByReasonCorrectsTheDataAndSendsTheLeadToMarketing() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String company = "Wegwerf " + tag + " GmbH";
        Api manager = Api.as("channel.manager");
        Api.Reply created = manager.post("/leads", """
                {"source": "web-form", "externalId": "%s", "company": {"name": "%s", "sizeClass": "SMALL", "country": "DE", "region": "DE-HH"},
                 "contact": {"firstName": "Rita", "lastName": "Review%s", "email": "rita.%s@mailinator.com"},
                 "product": "SDWAN"}""".formatted(UUID.randomUUID(), company, tag, tag));
        assertEquals(201, created.status(), created::toString);
        long id = created.json().getJsonNumber("id").longValue();
        assertEquals("QUARANTINE", created.json().getString("state"));

        try (Browser browser = Browser.start()) {
            browser.open(Api.PORTAL + "/review.xhtml");
            browser.logIn("channel.manager");
            browser.waitForText(By.id("counts"), "Disposable address");
            browser.click(By.xpath("//form[@id='counts']//a[contains(., 'Disposable address')]"));
            browser.waitForText(By.id("queue:held"), company);
            browser.click(By.xpath("//tr[contains(., '" + company + "')]//button[contains(@id, 'open')]"));
            browser.waitForText(By.id("decision"), "Decision on " + company);
            browser.type(By.id("decision:corrections_email"), "rita@wegwerf-" + tag + ".de");
            browser.click(By.xpath("//form[@id='decision']//label[contains(., 'To marketing')]"));
            browser.fullScreenshot("review-decision-desktop.png");
            browser.click(By.id("decision:save"));
            browser.waitForText(By.id("growl_container"), company);
            assertTrue(browser.text(By.id("growl_container")).contains("Nurture"), browser.text(By.id("growl_container")));

            browser.phone();
            assertEquals(0, browser.horizontalOverflow(), "nothing wider than the phone");
            browser.fullScreenshot("review-queue-phone.png");
        }
        var lead = manager.get("/leads/" + id).json();
        assertEquals("NURTURE", lead.getString("state"));
        assertEquals("rita@wegwerf-" + tag + ".de", lead.getJsonObject("contact").getString("email"), "the correction is stored");
    }
}
