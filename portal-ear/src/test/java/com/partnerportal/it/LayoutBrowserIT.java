package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Browser;
import com.partnerportal.it.support.Leads;
import com.partnerportal.it.support.PortalDeployment;
import com.partnerportal.it.support.RoomForNordlicht;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Every page of every role, on a desktop screen and on a phone: no page scrolls sideways, and no
 * page shows a code where a name belongs (product, certification, region, partner key, size, tier,
 * state or reason codes). The screenshots are the ones the README shows.
 */
@ExtendWith(RoomForNordlicht.class)
class LayoutBrowserIT extends PortalDeployment {

    private static long worked;
    private static long returned;

    @BeforeAll
    static void leadsWithAHistory() {
        Api rep = Api.as("north.rep");
        worked = Leads.forNordlicht();
        assertEquals(200, rep.post("/leads/" + worked + "/claim", "").status());
        assertEquals(200, rep.post("/leads/" + worked + "/activities", "{\"kind\": \"CALL\", \"note\": \"demo booked\"}").status());
        returned = Leads.forNordlicht();
        assertEquals(200, rep.post("/leads/" + returned + "/claim", "").status());
        assertEquals(200, rep.post("/leads/" + returned + "/return", "{\"reasonCode\": \"EXISTING_CUSTOMER\"}").status());
    }

    /** The pages each user works with, by a short name for the screenshots. */
    private static Map<String, String> pages(String user) {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("notifications", "/notifications.xhtml");
        pages.put("profile", "/profile.xhtml");
        switch (user) {
            case "channel.manager" -> {
                pages.put("leads", "/leads.xhtml");
                pages.put("lead", "/lead/" + returned);
                pages.put("lead-new", "/lead-new.xhtml");
                pages.put("pool", "/pool.xhtml");
                pages.put("partners", "/partners.xhtml");
                pages.put("partner", "/partner.xhtml?key=nordlicht");
                pages.put("cockpit", "/cockpit.xhtml");
                pages.put("cockpit-leads", "/cockpit-leads.xhtml?stage=WON");
                pages.put("campaigns", "/campaigns.xhtml");
                pages.put("sales-kit", "/sales-kit.xhtml");
                pages.put("webhooks", "/webhooks.xhtml");
            }
            case "north.rep", "south.rep" -> {
                pages.put("marketplace", "/marketplace.xhtml");
                pages.put("my-leads", "/my-leads.xhtml");
                pages.put("cockpit", "/cockpit.xhtml");
                if (user.equals("north.rep")) {
                    pages.put("lead", "/lead/" + worked);
                }
            }
            case "north.admin" -> {
                pages.put("availability", "/availability.xhtml");
                pages.put("cockpit", "/cockpit.xhtml");
                pages.put("api-clients", "/api-clients.xhtml");
                pages.put("partner-webhooks", "/webhooks.xhtml");
            }
            case "portal.admin" -> pages.put("catalogues", "/catalogues.xhtml");
            default -> throw new IllegalArgumentException(user);
        }
        return pages;
    }

    /** Codes that must not reach a page: the catalogues' codes (where a label differs) and the enums'. */
    private static Set<String> codes() {
        Set<String> codes = new TreeSet<>();
        Api any = Api.as("channel.manager");
        for (String catalogue : List.of("products", "certifications", "return-reasons")) {
            for (JsonObject entry : any.get("/reference/" + catalogue).array().getValuesAs(JsonObject.class)) {
                JsonObject label = entry.getJsonObject("label");
                String code = entry.getString("code");
                if (!code.equals(label.getString("en")) && !code.equals(label.getString("de"))) {
                    codes.add(code);
                }
            }
        }
        codes.addAll(List.of("nordlicht", "alpenblick", "rheinwerk", "SMALL", "MEDIUM", "ENTERPRISE", "GOLD", "SILVER",
                "BRONZE", "PUBLISHED", "CLAIMED", "CONTACTED", "RETURNED", "RECALLED", "QUARANTINE", "QUALIFIED"));
        return codes;
    }

    /** Region codes (DE-HH) and the stored form of reasons (CLAIMED|nordlicht). */
    private static final Pattern CODE_SHAPES = Pattern.compile("\\b(DE|AT|CH)-[A-Z0-9]{1,3}\\b|\\b[A-Z_]{4,}\\|");

    /** The partner directory shows each partner's key: the channel manager gives it to the partner's users. */
    private static final Set<String> PAGES_WITH_PARTNER_KEYS = Set.of("partners", "partner");
    private static final Set<String> PARTNER_KEYS = Set.of("nordlicht", "alpenblick", "rheinwerk");

    @Test
    void everyPageFitsDesktopAndPhoneAndShowsNamesNotCodes() {
        Set<String> codes = codes();
        List<String> failures = new ArrayList<>();
        for (String user : List.of("channel.manager", "north.rep", "north.admin", "south.rep", "portal.admin")) {
            try (Browser browser = Browser.start()) {
                browser.open(Api.PORTAL + "/");
                browser.logIn(user);
                browser.waitForElement(By.id("userName"));
                for (Map.Entry<String, String> page : pages(user).entrySet()) {
                    for (String screen : List.of("desktop", "phone")) {
                        if (screen.equals("phone")) {
                            browser.phone();
                        } else {
                            browser.desktop();
                        }
                        browser.open(Api.PORTAL + page.getValue());
                        browser.waitForElement(By.cssSelector("h1.page-title"));
                        String where = user + " " + page.getKey() + " (" + screen + ")";
                        long overflow = browser.horizontalOverflow();
                        if (overflow > 0) {
                            failures.add(where + ": scrolls sideways by " + overflow + " px");
                        }
                        String text = browser.visibleText();
                        for (String code : codes) {
                            if (PAGES_WITH_PARTNER_KEYS.contains(page.getKey()) && PARTNER_KEYS.contains(code)) {
                                continue;
                            }
                            if (Pattern.compile("(?<![\\w.@-])" + Pattern.quote(code) + "(?![\\w@-])").matcher(text).find()) {
                                failures.add(where + ": shows the code " + code);
                            }
                        }
                        Matcher shape = CODE_SHAPES.matcher(text);
                        if (shape.find()) {
                            failures.add(where + ": shows the code " + shape.group());
                        }
                        browser.fullScreenshot("page-" + user.replace('.', '-') + "-" + page.getKey() + "-" + screen + ".png");
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void thePhoneMenuFoldsAwayAndOpensWithItsButton() {
        try (Browser browser = Browser.start()) {
            browser.phone();
            browser.open(Api.PORTAL + "/");
            browser.logIn("north.rep");
            browser.waitForElement(By.id("menuToggle"));
            assertTrue(browser.findAll(By.id("navMarketplace")).stream().noneMatch(e -> e.isDisplayed()),
                    "the menu is folded away on a phone");
            browser.click(By.id("menuToggle"));
            browser.waitForElement(By.id("navMarketplace"));
            assertTrue(browser.waitForElement(By.id("logout")).isDisplayed());
            browser.screenshot("phone-menu-open.png");
            browser.click(By.id("navMarketplace"));
            browser.waitForText(By.cssSelector("h1.page-title"), "Marketplace");
        }
    }
}
