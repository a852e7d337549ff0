package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Browser;
import com.partnerportal.it.support.PortalDeployment;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Routing rules per market (seed 004): leads from marketing automation with buying signals and no
 * handover protocol go to the partners when a rule of their market says so, with a protocol saying
 * why, and stay with marketing otherwise until a signal arrives. The tests keep to their own product
 * in Switzerland (a product's rules stand in for the market's), and remove their rules afterwards.
 */
class RoutingIT extends PortalDeployment {

    private static final String PRODUCT = "SWITCH-CAMPUS";
    private static final Api manager = Api.as("channel.manager");
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final List<Long> rules = new ArrayList<>();

    @BeforeEach
    void aRuleForTheTestsProduct() {
        rules.add(rule("""
                {"country": "CH", "product": "%s", "signals": ["QUOTE_REQUEST", "EVENT"], "minSignals": 1}""".formatted(PRODUCT)));
    }

    @AfterEach
    void rulesRemoved() {
        rules.forEach(id -> manager.delete("/routing-rules/" + id));
    }

    private long rule(String json) {
        Api.Reply created = manager.post("/routing-rules", json);
        assertEquals(201, created.status(), created::toString);
        assertTrue(created.header("Location").endsWith("/api/routing-rules/" + created.json().getJsonNumber("id")));
        return created.json().getJsonNumber("id").longValue();
    }

    private String lead(String externalId, String signals) {
        return """
                {"source": "marketing-automation", "externalId": "%s", "campaign": "nurture-%s",
                 "company": {"name": "Routing %s AG", "sizeClass": "SMALL", "country": "CH", "region": "CH-ZH"},
                 "contact": {"firstName": "Rolf", "lastName": "Route", "email": "rolf@routing-%s.example.com"},
                 "product": "%s", "signals": %s}""".formatted(externalId, tag, tag, tag, PRODUCT, signals);
    }

    private static List<String> moves(JsonObject lead) {
        return lead.getJsonArray("timeline").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("reasonCode", "")).toList();
    }

    @Test
    void aLeadWithTheSignalsOfItsMarketsRuleGoesToThePartnersWithAProtocolAndItsScoreExplained() {
        Api.Reply created = manager.post("/leads", lead("R-" + tag, "[\"QUOTE_REQUEST\", \"DOWNLOAD\"]"));
        assertEquals(201, created.status(), created::toString);
        JsonObject lead = created.json();
        assertEquals("QUALIFIED", lead.getString("state"), "handed over, ready to publish");
        assertEquals("HANDED_OVER", lead.getString("routingOutcome"));
        assertEquals(List.of("EVENT", "QUOTE_REQUEST"), lead.getJsonObject("routingRule").getJsonArray("signals")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).sorted().toList());
        String protocol = lead.getJsonObject("handover").getString("reason");
        assertTrue(protocol.contains("routing rule of market CH, product " + PRODUCT) && protocol.contains("quote request"),
                "the handover protocol says which rule and why: " + protocol);
        List<JsonObject> why = lead.getJsonArray("scoreReasons").getValuesAs(JsonObject.class);
        assertTrue(why.stream().anyMatch(p -> p.getString("code").equals("QUOTE_REQUEST")), why::toString);
        assertEquals(lead.getInt("score"), why.stream().mapToInt(p -> p.getInt("points")).sum(), "the score is its reasons");
        assertEquals(List.of("HANDED_OVER"), moves(lead));

        Api.Reply published = manager.post("/leads/" + lead.getJsonNumber("id") + "/publish", "{}");
        assertEquals(200, published.status(), "a lead the rules handed over is published like any: " + published);
    }

    @Test
    void aLeadNoRuleHandsOverStaysWithMarketingUntilABuyingSignalArrives() {
        String externalId = "N-" + tag;
        JsonObject kept = manager.post("/leads", lead(externalId, "[\"DOWNLOAD\"]")).json();
        assertEquals("NURTURE", kept.getString("state"));
        assertEquals("NURTURE", kept.getString("routingOutcome"));
        assertEquals(List.of("KEPT_FOR_NURTURE"), moves(kept));
        assertTrue(!kept.containsKey("handover"), "no protocol is made up for a lead marketing keeps");

        Api.Reply again = manager.post("/leads", lead(externalId, "[\"DOWNLOAD\", \"EVENT\"]"));
        assertEquals(200, again.status(), "delivered again: " + again);
        JsonObject handed = again.json();
        assertEquals("QUALIFIED", handed.getString("state"), "the event was the buying signal");
        assertEquals(List.of("KEPT_FOR_NURTURE", "HANDED_OVER"), moves(handed));
    }

    @Test
    void aLeadWithoutSignalsOrWithAPersonsProtocolGoesItsUsualWay() {
        JsonObject plain = manager.post("/leads", lead("P-" + tag, "[]")).json();
        assertEquals("NEW", plain.getString("state"), "no signals: the channel manager completes it");
        assertTrue(!plain.containsKey("routingOutcome"));
        String withProtocol = lead("H-" + tag, "[\"DOWNLOAD\"]").replace("\"product\"",
                "\"handover\": {\"reason\": \"called us, wants an offer\"}, \"score\": 15, \"product\"");
        JsonObject handed = manager.post("/leads", withProtocol).json();
        assertEquals("QUALIFIED", handed.getString("state"), "a person qualified it");
        assertEquals(15, handed.getInt("score"), "a delivered score is kept");
        assertEquals("called us, wants an offer", handed.getJsonObject("handover").getString("reason"));
    }

    @Test
    void aChangedRuleAppliesToNewLeadsOnlyAndThePreviewShowsWhatItWouldHaveDone() {
        long rule = rules.get(0);
        JsonObject before = manager.post("/leads", lead("B-" + tag, "[\"PRODUCT_PAGE\"]")).json();
        assertEquals("NURTURE", before.getString("state"));

        List<String> draft = manager.get("/routing-rules").array().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("country").equals("CH") && r.getJsonNumber("id").longValue() != rule)
                .map(r -> jakarta.json.Json.createObjectBuilder(r).remove("id").remove("changedBy").remove("changedAt")
                        .build().toString()).collect(Collectors.toCollection(ArrayList::new));
        draft.add("{\"country\": \"CH\", \"product\": \"%s\", \"signals\": [\"QUOTE_REQUEST\", \"EVENT\", \"PRODUCT_PAGE\"]}"
                .formatted(PRODUCT));
        Api.Reply preview = manager.post("/routing-rules/preview", "{\"country\": \"CH\", \"rules\": [" + String.join(",", draft) + "]}");
        assertEquals(200, preview.status(), preview::toString);
        JsonObject kept = manager.get("/routing-rules/preview").array().getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("country").equals("CH")).findFirst().orElseThrow();
        assertTrue(preview.json().getInt("handedOver") >= kept.getInt("handedOver") + 1,
                "the lead that only visited the product page would have gone over: " + preview + " against " + kept);
        assertEquals(kept.getInt("decided"), preview.json().getInt("decided"));

        JsonObject current = manager.get("/routing-rules/" + rule).json();
        Api.Reply changed = manager.put("/routing-rules/" + rule, """
                {"country": "CH", "product": "%s", "signals": ["QUOTE_REQUEST", "EVENT", "PRODUCT_PAGE"], "version": %d}"""
                .formatted(PRODUCT, current.getJsonNumber("version").longValue()));
        assertEquals(200, changed.status(), changed::toString);
        Api.Reply stale = manager.put("/routing-rules/" + rule, """
                {"country": "CH", "product": "%s", "signals": ["EVENT"], "version": %d}"""
                .formatted(PRODUCT, current.getJsonNumber("version").longValue()));
        assertEquals(409, stale.status(), "a change over someone else's is refused: " + stale);

        assertEquals("NURTURE", manager.get("/leads/" + before.getJsonNumber("id")).json().getString("state"),
                "a lead delivered before the change stays where the rules of its day put it");
        assertEquals("QUALIFIED", manager.post("/leads", lead("A-" + tag, "[\"PRODUCT_PAGE\"]")).json().getString("state"));
    }

    @Test
    void aTradeFairFileWithSignalsIsRoutedRowByRow() {
        String csv = """
                source,externalId,companyName,sizeClass,country,region,lastName,email,product,signals
                fair-%1$s,F1,Fair One %1$s AG,SMALL,CH,CH-BE,Eins,eins@fair-one-%1$s.example.com,%2$s,"EVENT;DOWNLOAD"
                fair-%1$s,F2,Fair Two %1$s AG,SMALL,CH,CH-BE,Zwei,zwei@fair-two-%1$s.example.com,%2$s,DOWNLOAD
                """.formatted(tag, PRODUCT);
        Api.Reply report = manager.send("POST", "/leads/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
        assertEquals(200, report.status(), report::toString);
        assertEquals(2, report.json().getInt("created"), report.toString());
        List<JsonObject> leads = manager.get("/leads?q=" + "Fair%20" + "One%20" + tag).json().getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertEquals("QUALIFIED", leads.get(0).getString("state"), leads::toString);
        assertEquals("NURTURE", manager.get("/leads?q=" + "Fair%20" + "Two%20" + tag).json().getJsonArray("items")
                .getJsonObject(0).getString("state"));
    }

    @Test
    void everyWrongFieldOfARuleOrALeadIsNamedAndOnlyTheChannelManagerKeepsTheRules() {
        Api.Reply wrong = manager.post("/routing-rules", """
                {"country": "XX", "product": "TOASTER", "signals": ["TELEPATHY", "EVENT"], "minSignals": 3, "minScore": -1,
                 "sizeClasses": ["HUGE"]}""");
        assertEquals(400, wrong.status(), wrong::toString);
        List<String> fields = wrong.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
        assertTrue(fields.containsAll(List.of("country", "product", "signals[0]", "minScore", "sizeClasses[0]")), fields::toString);

        Api.Reply badSignal = manager.post("/leads", lead("X-" + tag, "[\"TELEPATHY\"]"));
        assertEquals(400, badSignal.status());
        assertTrue(badSignal.toString().contains("signals[0]"), badSignal::toString);

        Api.Reply points = manager.put("/score-rules", "[{\"attribute\": \"DELIVERED\", \"code\": \"x\", \"points\": 5}]");
        assertEquals(400, points.status(), points::toString);

        Api rep = Api.as("north.rep");
        assertEquals(403, rep.get("/routing-rules").status());
        assertEquals(403, rep.post("/routing-rules", "{\"country\": \"DE\"}").status());
        assertEquals(403, rep.put("/score-rules", "[]").status());
        assertEquals(403, rep.get("/routing-rules/preview").status());
    }

    @Test
    void theChannelManagerSetsRulesAndPointsOnThePageInBothLanguages() {
        long handed = manager.post("/leads", lead("S-" + tag, "[\"QUOTE_REQUEST\"]")).json().getJsonNumber("id").longValue();
        try (Browser browser = Browser.start()) {
            browser.open(Api.PORTAL + "/routing.xhtml");
            browser.logIn("channel.manager");
            browser.open(Api.PORTAL + "/lead.xhtml?id=" + handed);
            browser.waitForText(By.id("routing"), "Handed to the partners by the rule Switzerland, Campus switches");
            assertTrue(browser.text(By.id("scoreWhy")).contains("Quote request +"), browser.text(By.id("scoreWhy")));
            browser.fullScreenshot("routing-lead-desktop.png");
            browser.open(Api.PORTAL + "/routing.xhtml");
            browser.waitForText(By.id("ruleList:rules"), "Switzerland");
            browser.click(By.xpath("//tr[contains(., '" + "Campus" + "')]//button[contains(., 'Change')]"));
            browser.waitForText(By.id("ruleForm"), "Change the rule");
            browser.click(By.id("ruleForm:preview"));
            browser.waitForText(By.id("ruleForm:draftPreview"), "With this rule");
            browser.fullScreenshot("routing-desktop.png");
            browser.phone();
            assertEquals(0, browser.horizontalOverflow(), "nothing wider than the phone");
            browser.fullScreenshot("routing-phone.png");
            browser.desktop();
            browser.click(By.xpath("//div[@id='languageForm:language']//div[contains(., 'DE')]"));
            browser.waitForText(By.id("ruleList:rules"), "Schweiz");
            browser.fullScreenshot("routing-desktop-de.png");
        }
    }
}
