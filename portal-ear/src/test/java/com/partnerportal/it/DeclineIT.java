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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Not for us": a rep declines a lead of its marketplace with a reason; the lead leaves that partner's
 * marketplace, the cockpit counts the reason, and a lead every fitting partner declined goes to the
 * channel manager at once.
 */
@ExtendWith(RoomForNordlicht.class)
class DeclineIT extends PortalDeployment {

    private static final String CAMPAIGN = "it-decline-" + UUID.randomUUID().toString().substring(0, 8);

    private final Api rep = Api.as("north.rep");

    /** A lead only nordlicht fits (Hamburg, network certification), in this test's campaign. */
    private static long leadForNordlicht() {
        return Leads.published(Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", "NETWORK-PRO")
                .replace("\"integration-tests\"", "\"" + CAMPAIGN + "\""));
    }

    private boolean inMarketplace(Api api, long id) {
        for (int page = 0; ; page++) {
            var items = api.get("/marketplace?size=100&page=" + page).json().getJsonArray("items").getValuesAs(JsonObject.class);
            if (items.stream().anyMatch(i -> i.getJsonNumber("id").longValue() == id)) {
                return true;
            }
            if (items.size() < 100) {
                return false;
            }
        }
    }

    @Test
    void aDeclinedLeadLeavesThePartnersMarketplaceWithItsReasonAndCannotBeClaimedAfter() {
        long id = leadForNordlicht();
        assertTrue(inMarketplace(rep, id));

        Api.Reply noReason = rep.post("/leads/" + id + "/decline", "{}");
        assertEquals(400, noReason.status(), noReason::toString);
        assertTrue(noReason.toString().contains("reasonCode"), noReason::toString);
        Api.Reply unknown = rep.post("/leads/" + id + "/decline", "{\"reasonCode\": \"BORED\"}");
        assertEquals(400, unknown.status(), unknown::toString);
        assertTrue(unknown.toString().contains("reasonCode"), unknown::toString);
        assertEquals(403, Api.as("channel.manager").post("/leads/" + id + "/decline", "{\"reasonCode\": \"OTHER\"}").status());
        assertEquals(404, Api.as("south.rep").post("/leads/" + id + "/decline", "{\"reasonCode\": \"WRONG_REGION\"}").status(),
                "a lead outside alpenblick's marketplace is not found for it");
        assertTrue(inMarketplace(rep, id), "nothing changed by the refused declines");

        Api.Reply declined = rep.post("/leads/" + id + "/decline", "{\"reasonCode\": \"NO_CAPACITY\"}");
        assertEquals(200, declined.status(), declined::toString);
        assertEquals("NO_CAPACITY", declined.json().getString("reasonCode"));
        assertEquals("nordlicht", declined.json().getString("partner"));
        assertFalse(inMarketplace(rep, id), "gone from the rep's marketplace");
        assertFalse(inMarketplace(Api.as("north.admin"), id), "and from every colleague's");

        Api.Reply again = Api.as("north.admin").post("/leads/" + id + "/decline", "{\"reasonCode\": \"OTHER\"}");
        assertEquals(200, again.status(), again::toString);
        assertEquals("NO_CAPACITY", again.json().getString("reasonCode"), "the first decline stands");

        Api.Reply claim = rep.post("/leads/" + id + "/claim", "");
        assertEquals(403, claim.status(), claim::toString);
        assertTrue(claim.toString().contains("DECLINED"), claim::toString);

        List<String> codes = Api.as("west.rep").get("/reference/decline-reasons").array()
                .getValuesAs(JsonObject.class).stream().map(c -> c.getString("code")).toList();
        assertTrue(codes.containsAll(List.of("WRONG_REGION", "NO_CAPACITY", "NOT_OUR_PRODUCT", "TOO_SMALL",
                "EXISTING_RELATIONSHIP", "OTHER")), codes::toString);
    }

    @Test
    void aLeadEveryFittingPartnerDeclinedGoesToTheChannelManagerAtOnceAndTheCockpitCountsTheReasons() {
        long id = leadForNordlicht();
        Api.Reply declined = rep.post("/leads/" + id + "/decline", "{\"reasonCode\": \"TOO_SMALL\"}");
        assertEquals(200, declined.status(), declined::toString);
        assertTrue(declined.json().getBoolean("escalated"), "nordlicht was the only partner it fits: " + declined);

        List<Mailbox.Mail> mails = Mailbox.of("channel.manager@partner-portal.example");
        assertTrue(mails.stream().anyMatch(m -> m.subject().equals("Lead " + id + " declined by every fitting partner")
                && m.text().contains("Nordlicht") && m.text().contains("Too small")), mails::toString);
        boolean escalated = Api.as("channel.manager").get("/pool?size=100").json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getJsonNumber("id").longValue() == id && e.getBoolean("escalated"));
        assertTrue(escalated, "the pool marks it escalated, not a week later");

        JsonObject summary = Api.as("channel.manager").get("/cockpit/summary?campaign=" + CAMPAIGN).json();
        List<JsonObject> reasons = summary.getJsonArray("declineReasons").getValuesAs(JsonObject.class);
        assertTrue(reasons.stream().anyMatch(r -> r.getString("code").equals("TOO_SMALL") && r.getInt("count") == 1), summary::toString);
        assertTrue(summary.getJsonArray("declinesBySource").getValuesAs(JsonObject.class).stream()
                .anyMatch(d -> d.getString("source").equals("it-test") && d.getString("country").equals("DE")
                        && d.getString("reason").equals("TOO_SMALL") && d.getInt("count") == 1),
                "which source sends leads partners turn down: " + summary);
        JsonObject own = rep.get("/cockpit/summary?campaign=" + CAMPAIGN).json();
        assertTrue(own.getJsonArray("declineReasons").getValuesAs(JsonObject.class).stream()
                .anyMatch(r -> r.getString("code").equals("TOO_SMALL")), "the partner sees its own declines: " + own);
        assertFalse(summary.isNull("secondsToFirstOffer") || summary.getJsonObject("secondsToFirstOffer").isNull("median"),
                "the partners were told of the campaign's leads, and how soon is measured: " + summary);
    }
}
