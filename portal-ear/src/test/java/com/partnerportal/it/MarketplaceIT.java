package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Capacity;
import com.partnerportal.it.support.Leads;
import com.partnerportal.it.support.PortalDeployment;
import com.partnerportal.it.support.RoomForNordlicht;
import org.junit.jupiter.api.extension.ExtendWith;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The pool as resellers see it, and every reason a claim is refused. */
@ExtendWith(RoomForNordlicht.class)
class MarketplaceIT extends PortalDeployment {

    private static final String[] CONTACT_DATA = {"Erika", "Geheim", "erika.geheim", "+49 40 9999999", "Verborgene"};

    private static void setNordlicht(String availability) {
        Api.Reply reply = Api.as("channel.manager").put("/partners/nordlicht/availability", availability);
        assertEquals(200, reply.status(), reply::toString);
    }

    /** The card of a lead in this user's feed, looked up page by page. */
    private static Optional<JsonObject> card(String user, long id) {
        for (int page = 0; page < 50; page++) {
            JsonObject feed = Api.as(user).get("/marketplace?size=100&page=" + page).json();
            var items = feed.getJsonArray("items").getValuesAs(JsonObject.class);
            Optional<JsonObject> card = items.stream().filter(i -> i.getJsonNumber("id").longValue() == id).findFirst();
            if (card.isPresent() || items.size() < 100) {
                return card;
            }
        }
        return Optional.empty();
    }

    private static void assertRefused(String user, long id, String code) {
        Api.Reply reply = Api.as(user).post("/leads/" + id + "/claim", "");
        assertEquals(403, reply.status(), reply::toString);
        assertEquals(code, reply.json().getString("code"), reply::toString);
    }

    /** The total counts the whole feed, the same on every page and past the last one. */
    @Test
    void totalCountsTheWholeFeedOnEveryPage() {
        String filter = "&region=DE-HB&product=WIFI-ENTERPRISE&sizeClass=ENTERPRISE";
        for (int i = 0; i < 3; i++) {
            Leads.published("DE-HB", "WIFI-ENTERPRISE", "ENTERPRISE", null);
        }
        Api rep = Api.as("north.rep");
        long total = rep.get("/marketplace?size=2" + filter).json().getJsonNumber("total").longValue();
        assertTrue(total >= 3, "total " + total);
        Set<Long> seen = new HashSet<>();
        for (int page = 0; page * 2 < total; page++) {
            JsonObject feed = rep.get("/marketplace?size=2&page=" + page + filter).json();
            assertEquals(total, feed.getJsonNumber("total").longValue(), "page " + page);
            feed.getJsonArray("items").getValuesAs(JsonObject.class)
                    .forEach(item -> seen.add(item.getJsonNumber("id").longValue()));
        }
        assertEquals(total, seen.size(), "leads on all pages");
        JsonObject past = rep.get("/marketplace?size=2&page=" + (total / 2 + 3) + filter).json();
        assertTrue(past.getJsonArray("items").isEmpty());
        assertEquals(total, past.getJsonNumber("total").longValue(), "past the last page");
    }

    @Test
    void goldPartnerSeesANewLeadAtOnceWithReasonsAndNoContact() {
        long id = Leads.forNordlicht();

        JsonObject card = card("north.rep", id).orElseThrow(() -> new AssertionError("lead " + id + " not in the feed"));
        List<String> reasons = card.getJsonArray("matchReasons").getValuesAs(JsonString::getString);
        assertTrue(reasons.containsAll(List.of("REGION:DE-HH", "CERTIFICATION:NETWORK-PRO", "PRODUCT:SWITCH-CAMPUS",
                "SIZE:MEDIUM", "EARLY_ACCESS:GOLD")), reasons::toString);
        assertNotNull(card.getString("claimableUntil"));
        assertNotNull(card.getString("earlyAccessUntil"));
        assertEquals("budget approved, needs a local installer", card.getJsonObject("handover").getString("reason"));
        assertFalse(card.containsKey("contact"));
        assertFalse(card.containsKey("partner"));

        String body = Api.as("north.rep").get("/marketplace?size=100").response().body();
        for (String personal : CONTACT_DATA) {
            assertFalse(body.contains(personal), "the feed shows " + personal);
        }
    }

    @Test
    void partnersOutsideTheRegionDoNotSeeTheLead() {
        long id = Leads.forNordlicht();
        assertTrue(card("south.rep", id).isEmpty());
        assertTrue(card("west.rep", id).isEmpty());
    }

    @Test
    void claimGivesTheContactToTheWinnerAndOnlyToIt() {
        long id = Leads.forNordlicht();

        Api.Reply won = Api.as("north.rep").post("/leads/" + id + "/claim", "");
        assertEquals(200, won.status(), won::toString);
        assertEquals("CLAIMED", won.json().getString("state"));
        assertEquals("nordlicht", won.json().getString("partner"));
        assertEquals("erika.geheim@example.com", won.json().getJsonObject("contact").getString("email"));

        Api.Reply colleague = Api.as("north.admin").post("/leads/" + id + "/claim", "");
        assertEquals(409, colleague.status(), colleague::toString);
        assertEquals("HELD", colleague.json().getString("code"), "the own partner holds it");
        assertFalse(colleague.response().body().contains("erika.geheim"));
        Api.Reply late = Api.as("south.rep").post("/leads/" + id + "/claim", "");
        assertEquals(409, late.status(), late::toString);
        assertEquals("TAKEN", late.json().getString("code"));
        assertFalse(late.response().body().contains("erika.geheim"));

        Api.Reply read = Api.as("north.admin").get("/leads/" + id);
        assertEquals(200, read.status());
        assertEquals(read.json(), jakarta.json.Json.createObjectBuilder(won.json()).remove("salesKit").build(),
                "the claim answers with the lead as it is stored, timeline included, and its sales kit");
        assertTrue(won.json().containsKey("salesKit"));
        var timeline = won.json().getJsonArray("timeline");
        assertEquals("CLAIMED", timeline.getJsonObject(timeline.size() - 1).getString("to"));
        assertEquals(404, Api.as("south.rep").get("/leads/" + id).status());
        assertTrue(card("north.rep", id).isEmpty(), "a claimed lead leaves the pool");
    }

    @Test
    void claimOutsideTheTerritoryIsRefusedWithRegion() {
        assertRefused("south.rep", Leads.forNordlicht(), "REGION");
    }

    @Test
    void claimWithoutTheCertificationIsRefused() {
        assertRefused("west.rep", Leads.published("DE-NW", "SWITCH-CAMPUS", "SMALL", "SECURITY-PRO"), "CERTIFICATION");
    }

    @Test
    void silverPartnerWaitsForItsTurnWhereAGoldPartnerCouldTakeTheLead() {
        String gold = "gold-at-" + UUID.randomUUID().toString().substring(0, 8);
        Api manager = Api.as("channel.manager");
        Api.Reply created = manager.post("/partners", """
                {"key": "%s", "name": "Gold Austria Test", "tier": "GOLD", "regions": ["AT"],
                 "certifications": ["NETWORK-PRO"], "products": ["SWITCH-CAMPUS"], "sizeFocus": ["SMALL"],
                 "capacity": 10}""".formatted(gold));
        assertEquals(201, created.status(), created::toString);
        int before = Capacity.of("alpenblick");
        Capacity.set("alpenblick", 10_000);
        try {
            long id = Leads.published("AT-9", "SWITCH-CAMPUS", "SMALL", "NETWORK-PRO");
            assertRefused("south.rep", id, "TIER_EMBARGO");
            assertTrue(card("south.rep", id).isEmpty(), "not in the Silver feed during the embargo");
            JsonObject upcoming = Api.as("south.rep").get("/marketplace/upcoming").json();
            assertTrue(upcoming.getJsonNumber("count").longValue() >= 1, upcoming::toString);
            assertTrue(poolAudience(id).contains("Gold Austria Test:now"), poolAudience(id)::toString);
            assertTrue(poolAudience(id).contains("Alpenblick IT-Service GmbH:later"), poolAudience(id)::toString);
        } finally {
            Capacity.set(gold, 0); // a partner without room could take nothing: later leads do not wait for it
            Capacity.set("alpenblick", before);
        }
    }

    @Test
    void silverPartnerTakesAtOnceALeadNoGoldPartnerCouldTake() {
        int before = Capacity.of("alpenblick");
        Capacity.set("alpenblick", 10_000);
        try {
            long id = Leads.published("AT-9", "SWITCH-CAMPUS", "SMALL", "NETWORK-PRO");
            assertTrue(poolAudience(id).contains("Alpenblick IT-Service GmbH:now"), poolAudience(id)::toString);
            assertFalse(card("south.rep", id).isEmpty(), "in the Silver feed at once");
            Api.Reply claim = Api.as("south.rep").post("/leads/" + id + "/claim", "");
            assertEquals(200, claim.status(), claim::toString);
        } finally {
            Capacity.set("alpenblick", before);
        }
    }

    /** Who may take the lead per the pool overview, as "name:now" or "name:later". */
    private static List<String> poolAudience(long id) {
        for (int page = 0; page < 50; page++) {
            for (JsonObject entry : Api.as("channel.manager").get("/pool?size=100&page=" + page).json()
                    .getJsonArray("items").getValuesAs(JsonObject.class)) {
                if (entry.getJsonNumber("id").longValue() == id) {
                    return entry.getJsonArray("audience").getValuesAs(JsonObject.class).stream()
                            .map(a -> a.getString("name") + ":" + (a.getBoolean("now") ? "now" : "later")).toList();
                }
            }
        }
        throw new AssertionError("lead " + id + " is not in the pool overview");
    }

    @Test
    void partnerAtCapacityIsRefusedAndToldHowManyAreOpen() {
        long id = Leads.forNordlicht();
        long open = Api.as("north.rep").get("/marketplace").json().getJsonNumber("openLeads").longValue();
        setNordlicht("{\"capacity\": " + open + "}");
        try {
            Api.Reply reply = Api.as("north.rep").post("/leads/" + id + "/claim", "");
            assertEquals(403, reply.status(), reply::toString);
            assertEquals("CAPACITY", reply.json().getString("code"));
            assertTrue(reply.json().getString("detail").contains(open + " open"), reply::toString);
            assertEquals("CAPACITY", Api.as("north.rep").get("/marketplace").json().getString("blockedBy"));
            assertEquals(open, Api.as("north.rep").get("/marketplace").json().getJsonNumber("openLeads").longValue(),
                    "a refused claim counts nothing");
        } finally {
            setNordlicht("{\"capacity\": 10000}");
        }
        // nothing of the refused claim stays: the lead is still in the pool, its timeline without a claim
        Api.Reply claimed = Api.as("north.rep").post("/leads/" + id + "/claim", "");
        assertEquals(200, claimed.status(), claimed::toString);
        assertEquals(1, claimed.json().getJsonArray("timeline").stream()
                .filter(move -> "CLAIMED".equals(move.asJsonObject().getString("to"))).count(), claimed::toString);
    }

    @Test
    void absentPartnerIsRefused() {
        long id = Leads.forNordlicht();
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        setNordlicht("{\"capacity\": 10000, \"absentFrom\": \"" + today.minusDays(1) + "\", \"absentUntil\": \""
                + today.plusDays(1) + "\"}");
        try {
            assertRefused("north.rep", id, "ABSENT");
            assertEquals("ABSENT", Api.as("north.rep").get("/marketplace").json().getString("blockedBy"));
        } finally {
            setNordlicht("{\"capacity\": 10000}");
        }
    }

    @Test
    void unknownLeadIs404AndManufacturerCannotClaim() {
        assertEquals(404, Api.as("north.rep").post("/leads/987654321/claim", "").status());
        assertEquals(403, Api.as("channel.manager").post("/leads/" + Leads.forNordlicht() + "/claim", "").status());
    }

    @Test
    void unpublishedLeadCannotBeClaimed() {
        Api.Reply created = Api.as("channel.manager").post("/leads", Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", null));
        assertEquals(404, Api.as("north.rep").post("/leads/" + created.json().getJsonNumber("id") + "/claim", "").status());
    }
}
