package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Leads;
import com.partnerportal.it.support.Mailbox;
import com.partnerportal.it.support.PortalDeployment;
import com.partnerportal.it.support.RoomForNordlicht;
import jakarta.json.JsonObject;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The prospect's way, from the mail alone: the link opens the public page without a login, a GET
 * only shows it, a post without the page's own state changes nothing, the choice uses the link up and
 * is confirmed by mail with a link to change it, and an expired link offers a fresh one.
 */
@ExtendWith(RoomForNordlicht.class)
class ConsentPageIT extends PortalDeployment {

    private static final Api manager = Api.as("channel.manager");
    private static final Pattern LINK = Pattern.compile("http://localhost:8080/portal/consent/([A-Za-z0-9_-]{43})");

    /** A prospect of their own: a lead only nordlicht fits, that needs consent, with a mailbox nobody else writes to. */
    private static String[] prospect() {
        String email = "prospect-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        long lead = Leads.published(Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", "NETWORK-PRO")
                .replace("erika.geheim@example.com", email).replace("\"score\":", "\"consentRequired\": true, \"score\":"));
        return new String[] {Long.toString(lead), email};
    }

    private static String link(String email, int mail) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            List<Mailbox.Mail> mails = Mailbox.of(email);
            if (mails.size() > mail) {
                Matcher m = LINK.matcher(mails.get(mail).text());
                assertTrue(m.find(), mails.get(mail).text());
                return m.group();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail " + (mail + 1) + " for " + email);
    }

    private static List<JsonObject> ledger(String lead) {
        return manager.get("/leads/" + lead + "/consents").json().getJsonArray("ledger").getValuesAs(JsonObject.class);
    }

    /** A browser without a login: keeps its cookies, follows no redirects. */
    private static final class Prospect {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        HttpResponse<String> get(String url, String language) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", language)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String page, Map<String, String> form) throws Exception {
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:8080" + page))
                    .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String value(String html, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(html);
        assertTrue(m.find(), pattern + " in " + html);
        return m.group(1);
    }

    @Test
    void aProspectChoosesFromTheMailAloneAndTheLinkIsThenUsedUp() throws Exception {
        String[] p = prospect();
        assertEquals(202, manager.post("/leads/" + p[0] + "/consent-invitations", "").status());
        String link = link(p[1], 0);
        assertTrue(Mailbox.of(p[1]).get(0).subject().startsWith("Wer darf Sie"), "a German prospect is asked in German");

        Prospect browser = new Prospect();
        HttpResponse<String> page = browser.get(link, "de-DE,de;q=0.9");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("Nordlicht Systemhaus GmbH") && page.body().contains("Hamburg"), page.body());
        assertFalse(page.body().contains("Alpenblick"), "only the partners that fit the lead");
        assertTrue(page.body().contains("Wer Sie kontaktieren darf"));
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""));
        browser.get(link, "de");
        assertEquals(0, ledger(p[0]).size(), "a GET changes nothing");

        String action = value(page.body(), "<form id=\"choiceForm\"[^>]*action=\"([^\"]+)\"");
        String radio = value(page.body(), "name=\"(choiceForm:[^\"]*choice)\"");
        String state = value(page.body(), "name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("choiceForm", "choiceForm");
        form.put("lang", "de"); // as the page's form carries it
        form.put(radio, "ALLOWED");
        form.put("choiceForm:save", "x");
        HttpResponse<String> forged = browser.post(action, form);
        assertEquals(0, ledger(p[0]).size(), "a post without the page's state changes nothing: " + forged.statusCode());

        form.put("jakarta.faces.ViewState", state);
        HttpResponse<String> saved = browser.post(action, form);
        assertEquals(200, saved.statusCode(), saved.body());
        assertTrue(saved.body().contains("Ihre Wahl ist festgehalten"), saved.body());
        List<JsonObject> ledger = ledger(p[0]);
        assertEquals(1, ledger.size());
        assertEquals("ALLOWED", ledger.get(0).getString("decision"));
        assertEquals("CONSENT_PAGE", ledger.get(0).getString("channel"));
        assertEquals("2026-12", ledger.get(0).getString("textVersion"));
        assertEquals(200, Api.as("north.rep").post("/leads/" + p[0] + "/claim", "").status(), "nordlicht may take it now");

        assertTrue(new Prospect().get(link, "de").body().contains("schon verwendet"), "the link is used up");
        String change = link(p[1], 1);
        assertTrue(Mailbox.of(p[1]).get(1).text().contains("Nordlicht Systemhaus GmbH, Hamburg: darf Sie kontaktieren"));
        assertFalse(change.equals(link), "the confirmation carries a new link to change the choice");
    }

    @Test
    void anExpiredLinkOffersAFreshOneWithoutSayingWhetherThereIsAnAddress() throws Exception {
        String[] p = prospect();
        assertEquals(202, manager.post("/leads/" + p[0] + "/consent-invitations", "").status());
        String link = link(p[1], 0);
        Api admin = Api.as("portal.admin");
        HttpResponse<String> expired;
        Prospect browser = new Prospect();
        HttpResponse<String> renewed;
        try {
            assertEquals(200, admin.put("/admin/clock", "{\"offset\": \"P15D\"}").status());
            expired = browser.get(link, "en");
            assertTrue(expired.body().contains("no longer valid"), expired.body());
            String action = value(expired.body(), "<form id=\"renewForm\"[^>]*action=\"([^\"]+)\"");
            Map<String, String> form = new LinkedHashMap<>();
            form.put("renewForm", "renewForm");
            form.put("renewForm:renew", "x");
            form.put("jakarta.faces.ViewState", value(expired.body(), "name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\""));
            renewed = browser.post(action, form);
        } finally {
            admin.put("/admin/clock", "{\"offset\": \"PT0S\"}");
        }
        assertTrue(renewed.body().contains("If we have an e-mail address"), renewed.body());
        String fresh = link(p[1], 1);
        assertTrue(new Prospect().get(fresh, "en").body().contains("Nordlicht Systemhaus GmbH"), "the fresh link opens the page");

        HttpResponse<String> unknown = new Prospect().get("http://localhost:8080/portal/consent/" + "x".repeat(43), "en");
        assertEquals(200, unknown.statusCode());
        assertTrue(unknown.body().contains("no longer valid"), "an unknown link reads like an expired one");
    }

    @Test
    void onlyTheChannelManagerAsksAndALeadWithoutAddressIsNamed() {
        String[] p = prospect();
        assertEquals(403, Api.as("north.rep").post("/leads/" + p[0] + "/consent-invitations", "").status());
        assertEquals(404, manager.post("/leads/999999999/consent-invitations", "").status());
        long noMail = Leads.published(Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", "NETWORK-PRO")
                .replace("\"email\": \"erika.geheim@example.com\",", ""));
        Api.Reply refused = manager.post("/leads/" + noMail + "/consent-invitations", "");
        assertEquals(409, refused.status(), refused::toString);
        assertEquals("NO_EMAIL", refused.json().getString("code"));
    }
}
