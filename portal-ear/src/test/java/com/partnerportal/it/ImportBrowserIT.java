package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Browser;
import com.partnerportal.it.support.PortalDeployment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The import page in a real browser: a file chosen, imported, and the report with the rejected row's line. */
class ImportBrowserIT extends PortalDeployment {

    @Test
    void theChannelManagerImportsAFileAndReadsWhatCameOfEachRow() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Path file = Files.createTempFile("trade-fair-", ".csv");
        Files.writeString(file, """
                source;externalId;companyName;sizeClass;country;region;firstName;lastName;email;phone;product;handoverReason;prospectAsked;promised;nextStep
                page-%1$s;1;Page Eins %1$s GmbH;MEDIUM;DE;DE-HH;Ida;Eins;ida@eins.example.com;+49 40 101010;SWITCH-CAMPUS;a reason;a demo;a call;call
                page-%1$s;2;;MEDIUM;DE;DE-HH;Udo;Zwei;udo@zwei.example.com;+49 40 202020;SWITCH-CAMPUS;a reason;a demo;a call;call
                """.formatted(tag), StandardCharsets.UTF_8);
        try (Browser browser = Browser.start()) {
            browser.open(Api.PORTAL + "/leads.xhtml");
            browser.logIn("channel.manager");
            browser.click(By.id("leadsForm:importLeads"));
            browser.waitForElement(By.id("importForm:file"));
            browser.findAll(By.cssSelector("input[type=file]")).get(0).sendKeys(file.toString());
            browser.click(By.id("importForm:run"));
            browser.waitForText(By.id("importState"), "done"); // imported in the background, watched by the page
            assertTrue(browser.currentUrl().contains("import="), "the import has its own address: " + browser.currentUrl());
            assertEquals("1", browser.text(By.id("created")));
            assertTrue(browser.text(By.id("reportForm:rejected")).contains("3"), "the rejected row's line");
            assertTrue(browser.text(By.id("reportForm:rejected")).contains("companyName"));
            browser.fullScreenshot("import-report-desktop.png");
            browser.open(browser.currentUrl()); // a reload shows the same report
            assertEquals("1", browser.text(By.id("created")));
            assertTrue(browser.text(By.id("recentForm:recent")).contains(file.getFileName().toString()), "listed among the recent imports");
            browser.phone();
            assertEquals(0, browser.horizontalOverflow(), "nothing wider than the phone");
            browser.fullScreenshot("import-report-phone.png");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
