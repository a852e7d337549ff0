package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Capacity;
import com.partnerportal.it.support.Leads;
import com.partnerportal.it.support.PortalDeployment;
import com.partnerportal.it.support.RoomForNordlicht;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The prospect's consent as the marketplace obeys it: a lead that needs consent is offered to, and
 * claimed by, only the partners the prospect allowed; a refusal after the claim takes the lead and its
 * contact back from the partner at once; every decision stays in the ledger.
 */
@ExtendWith(RoomForNordlicht.class)
class ConsentIT extends PortalDeployment {

    private static final Api manager = Api.as("channel.manager");
    private static final Api rep = Api.as("north.rep");

    /** A lead only nordlicht fits, that needs consent. */
    private static long needingConsent() {
        return Leads.published(Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", "NETWORK-PRO")
                .replace("\"score\":", "\"consentRequired\": true, \"score\":"));
    }

    private static Api.Reply decide(long lead, String partner, String decision) {
        return manager.post("/leads/" + lead + "/consents",
                "{\"partner\": \"" + partner + "\", \"decision\": \"" + decision + "\", \"note\": \"said so on the phone\"}");
    }

    private static boolean inFeed(long lead) {
        for (int page = 0; page < 50; page++) {
            JsonObject feed = rep.get("/marketplace?region=DE-HH&product=SWITCH-CAMPUS&size=100&page=" + page).json();
            var items = feed.getJsonArray("items").getValuesAs(JsonObject.class);
            if (items.stream().anyMatch(item -> item.getJsonNumber("id").longValue() == lead)) {
                return true;
            }
            if (items.size() < 100) {
                return false;
            }
        }
        return false;
    }

    @Test
    void aLeadThatNeedsConsentIsOfferedOnlyToThePartnersTheProspectAllowed() {
        long lead = needingConsent();
        assertTrue(Leads.get("channel.manager", lead).getBoolean("consentRequired"));
        assertFalse(inFeed(lead), "nobody is allowed yet");
        Api.Reply refused = rep.post("/leads/" + lead + "/claim", "");
        assertEquals(403, refused.status(), refused::toString);
        assertEquals("CONSENT", refused.json().getString("code"));

        JsonObject consents = manager.get("/leads/" + lead + "/consents").json();
        JsonObject nordlicht = consents.getJsonArray("current").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("partner").equals("nordlicht")).findFirst().orElseThrow();
        assertEquals("NONE", nordlicht.getString("decision"), "it fits, and the prospect was not asked: " + consents);
        JsonObject pooled = manager.get("/pool?q=Pr%C3%BCfstand&size=100").json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(e -> e.getJsonNumber("id").longValue() == lead).findFirst().orElseThrow();
        assertTrue(pooled.getBoolean("consentRequired"));
        assertTrue(pooled.getJsonArray("waitingForConsent").toString().contains("\"nordlicht\""),
                "the pool overview shows who waits for consent: " + pooled);

        Api.Reply allowed = decide(lead, "nordlicht", "ALLOWED");
        assertEquals(200, allowed.status(), allowed::toString);
        assertTrue(inFeed(lead), "the prospect allowed nordlicht");
        Api.Reply claimed = rep.post("/leads/" + lead + "/claim", "");
        assertEquals(200, claimed.status(), claimed::toString);
        assertEquals("erika.geheim@example.com", claimed.json().getJsonObject("contact").getString("email"));
    }

    @Test
    void aRefusalAfterTheClaimTakesTheLeadAndItsContactBackAtOnce() {
        String email = "withdrawing-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        long lead = Leads.published(Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", "NETWORK-PRO")
                .replace("erika.geheim@example.com", email).replace("\"score\":", "\"consentRequired\": true, \"score\":"));
        assertEquals(200, decide(lead, "nordlicht", "ALLOWED").status());
        assertEquals(200, rep.post("/leads/" + lead + "/claim", "").status());

        Api.Reply refused = decide(lead, "nordlicht", "REFUSED");
        assertEquals(200, refused.status(), refused::toString);
        JsonObject seen = Leads.get("north.rep", lead);
        assertEquals("WITHDRAWN", seen.getString("state"));
        assertTrue(!seen.containsKey("contact") || seen.isNull("contact"), "no contact for the partner any more: " + seen);
        assertFalse(rep.get("/cockpit/leads?size=100&campaign=integration-tests&stage=CLAIMED").toString().contains(email),
                "nor in its cockpit lists");
        Api.Reply export = rep.send("GET", "/cockpit/export?format=csv&campaign=integration-tests", null, null,
                java.util.Map.of("Accept", "text/csv"));
        assertEquals(200, export.status(), export::toString);
        assertTrue(export.toString().contains("\n" + lead + ",WITHDRAWN,"), "the lead is in it, without its contact");
        assertFalse(export.toString().contains(email), "nor in its exports");
        assertTrue(rep.get("/notifications?size=100").json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .anyMatch(n -> n.getString("type").equals("CONSENT_WITHDRAWN") && n.getJsonNumber("leadId").longValue() == lead),
                "the partner's users are told");
        Capacity.assertOpenLeadsCounted("nordlicht", "north.rep");

        var ledger = manager.get("/leads/" + lead + "/consents").json().getJsonArray("ledger").getValuesAs(JsonObject.class);
        assertEquals(List.of("ALLOWED", "REFUSED"), ledger.stream().map(e -> e.getString("decision")).toList());
        assertTrue(ledger.stream().allMatch(e -> e.getString("channel").equals("CHANNEL_MANAGER")
                && e.getString("note").equals("said so on the phone") && e.getString("actor").equals("channel.manager")));
        assertEquals(email, Leads.get("channel.manager", lead).getJsonObject("contact").getString("email"),
                "the manufacturer keeps the prospect's data until it is erased");
    }

    @Test
    void aClaimAndARefusalAtTheSameInstantNeverLeaveALeadWithThePartnerThatWasRefused() throws Exception {
        for (int round = 0; round < 8; round++) {
            long lead = needingConsent();
            assertEquals(200, decide(lead, "nordlicht", "ALLOWED").status());
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Api.Reply> claim = CompletableFuture.supplyAsync(() -> {
                await(start);
                return rep.post("/leads/" + lead + "/claim", "");
            });
            CompletableFuture<Api.Reply> refusal = CompletableFuture.supplyAsync(() -> {
                await(start);
                return decide(lead, "nordlicht", "REFUSED");
            });
            start.countDown();
            assertEquals(200, refusal.get().status(), refusal.get()::toString);
            String state = Leads.get("channel.manager", lead).getString("state");
            if (claim.get().status() == 200) {
                assertEquals("WITHDRAWN", state, "claimed first, then taken back");
            } else {
                assertEquals("CONSENT", claim.get().json().getString("code"), claim.get()::toString);
                assertEquals("PUBLISHED", state);
            }
        }
        Capacity.assertOpenLeadsCounted("nordlicht", "north.rep");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void sourcesAndCountriesDecideWhichLeadsNeedConsent() {
        String source = "it-consent-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply rule = manager.put("/consent-rules", "{\"source\": \"" + source + "\", \"country\": \"de\", \"required\": true}");
        assertEquals(201, rule.status(), rule::toString);
        assertEquals("DE", rule.json().getString("country"));
        assertEquals(200, manager.put("/consent-rules", "{\"source\": \"" + source + "\", \"country\": \"DE\", \"required\": true}").status());

        JsonObject german = manager.post("/leads", Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", null)
                .replace("\"it-test\"", "\"" + source + "\"")).json();
        JsonObject austrian = manager.post("/leads", Leads.json("AT", "SWITCH-CAMPUS", "MEDIUM", null)
                .replace("\"it-test\"", "\"" + source + "\"")).json();
        JsonObject otherSource = manager.post("/leads", Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", null)).json();
        assertTrue(german.getBoolean("consentRequired"), german.toString());
        assertFalse(austrian.getBoolean("consentRequired"), "the rule is for Germany");
        assertFalse(otherSource.getBoolean("consentRequired"), "the rule is for its source");
        assertTrue(manager.get("/consent-rules").toString().contains(source));
        assertEquals(204, manager.delete("/consent-rules/" + source + "/DE").status());
        assertEquals(404, manager.delete("/consent-rules/" + source + "/DE").status());
    }

    @Test
    void badDecisionsAreNamedAndOnlyTheChannelManagerDecides() {
        long lead = needingConsent();
        assertEquals(List.of("decision"), fields(manager.post("/leads/" + lead + "/consents",
                "{\"partner\": \"nordlicht\", \"decision\": \"MAYBE\", \"note\": \"x\"}")));
        assertEquals(List.of("note"), fields(manager.post("/leads/" + lead + "/consents",
                "{\"partner\": \"nordlicht\", \"decision\": \"ALLOWED\"}")));
        assertEquals(List.of("partner"), fields(decide(lead, "nobody", "ALLOWED")));
        assertEquals(List.of("country"), fields(manager.put("/consent-rules", "{\"source\": \"x\", \"country\": \"DEU\", \"required\": true}")));
        assertEquals(403, rep.get("/leads/" + lead + "/consents").status());
        assertEquals(403, rep.post("/leads/" + lead + "/consents",
                "{\"partner\": \"nordlicht\", \"decision\": \"ALLOWED\", \"note\": \"me\"}").status());
        assertEquals(404, manager.get("/leads/999999999/consents").status());
        assertNotEquals(200, decide(999999999, "nordlicht", "ALLOWED").status());
        assertEquals(0, manager.get("/leads/" + lead + "/consents").json().getJsonArray("ledger").size(), "nothing was recorded");
    }

    private static List<String> fields(Api.Reply reply) {
        assertEquals(400, reply.status(), reply::toString);
        return reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream().map(e -> e.getString("field")).toList();
    }
}
