package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Capacity;
import com.partnerportal.it.support.Leads;
import com.partnerportal.it.support.Mailbox;
import com.partnerportal.it.support.PortalDeployment;
import com.partnerportal.it.support.RoomForNordlicht;
import com.partnerportal.it.support.Sla;
import org.junit.jupiter.api.extension.ExtendWith;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What happens after the claim: activities, giving a lead back, and the SLA taking it back. */
@ExtendWith(RoomForNordlicht.class)
class LeadWorkIT extends PortalDeployment {

    private final Api manager = Api.as("channel.manager");
    private final Api rep = Api.as("north.rep");

    @AfterAll
    static void restore() {
        Api.as("portal.admin").put("/admin/clock", "{\"offset\": \"PT0S\"}");
    }

    private long claimed() {
        long id = Leads.forNordlicht();
        Api.Reply claim = rep.post("/leads/" + id + "/claim", "");
        assertEquals(200, claim.status(), claim::toString);
        return id;
    }

    private static List<String> errorFields(Api.Reply reply) {
        return reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
    }

    @AfterEach
    void openLeadsStayCounted() {
        Capacity.assertOpenLeadsCounted("nordlicht", "north.rep");
    }

    @Test
    void firstCallMakesTheLeadContacted() {
        long id = claimed();

        Api.Reply bad = rep.post("/leads/" + id + "/activities", "{\"kind\": \"SMOKE_SIGNAL\", \"note\": \"tried\"}");
        assertEquals(400, bad.status());
        assertEquals(List.of("kind"), errorFields(bad));

        Api.Reply call = rep.post("/leads/" + id + "/activities", "{\"kind\": \"CALL\", \"note\": \"reached Erika, demo on Monday\"}");
        assertEquals(200, call.status(), call::toString);
        assertEquals("CONTACTED", call.json().getString("state"));
        assertEquals("CALL", rep.get("/leads/" + id + "/activities").array().getJsonObject(0).getString("kind"));
        assertEquals(404, Api.as("south.rep").post("/leads/" + id + "/activities", "{\"kind\": \"NOTE\"}").status());
    }

    @Test
    void returnedLeadGoesBackToThePoolWithoutThePartnerThatReturnedIt() {
        long id = claimed();

        Api.Reply bad = rep.post("/leads/" + id + "/return", "{\"reasonCode\": \"BORED\"}");
        assertEquals(400, bad.status());
        assertEquals(List.of("reasonCode"), errorFields(bad));

        Api.Reply returned = rep.post("/leads/" + id + "/return", "{\"reasonCode\": \"NO_CAPACITY\"}");
        assertEquals(200, returned.status(), returned::toString);
        assertEquals("RETURNED", returned.json().getString("state"));
        assertEquals(404, rep.get("/leads/" + id).status());
        JsonObject seen = manager.get("/leads/" + id).json();
        assertEquals("RETURNED", seen.getString("state"));
        assertTrue(seen.getJsonArray("timeline").toString().contains("NO_CAPACITY"));

        assertEquals("PUBLISHED", manager.post("/leads/" + id + "/publish", "").json().getString("state"));
        Api.Reply again = Api.as("north.admin").post("/leads/" + id + "/claim", "");
        assertEquals(403, again.status());
        assertEquals("RETURNED", again.json().getString("code"));
    }

    @Test
    void aLeadGivenBackFollowsItsReturnReasonToMarketingOrClosedAsLost() {
        long nurtured = claimed();
        Api.Reply given = rep.post("/leads/" + nurtured + "/return", "{\"reasonCode\": \"NOT_QUALIFIED\"}");
        assertEquals(200, given.status(), given::toString);
        JsonObject lead = manager.get("/leads/" + nurtured).json();
        assertEquals("NURTURE", lead.getString("state"), "not qualified: marketing keeps it");
        var timeline = lead.getJsonArray("timeline").getValuesAs(JsonObject.class);
        assertEquals("RETURNED", timeline.get(timeline.size() - 2).getString("reasonCode"));
        assertEquals("RETURN_FOLLOW_UP", timeline.get(timeline.size() - 1).getString("reasonCode"));
        assertEquals("NOT_QUALIFIED", timeline.get(timeline.size() - 1).getJsonArray("reasonArguments").getString(0));
        assertEquals(404, rep.get("/leads/" + nurtured).status(), "the partner holds it no longer");

        long consumer = claimed();
        assertEquals(200, rep.post("/leads/" + consumer + "/return", "{\"reasonCode\": \"CONSUMER\"}").status());
        JsonObject closed = manager.get("/leads/" + consumer).json();
        assertEquals("LOST", closed.getString("state"), "a private person: closed");
        assertEquals("GIVEN_BACK", closed.getString("lossReasonCode"));
    }

    @Test
    void aLeadGivenBackAsAnExistingCustomerGoesToThePartnerThatOwnsTheCustomer() {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        String json = Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", "NETWORK-PRO")
                .replace("erika.geheim@example.com", "erika@owned-" + tag + ".de");
        long id = Leads.published(json);
        assertEquals(200, rep.post("/leads/" + id + "/claim", "").status());
        // the customer master learns of the account after the claim: the partner knows better than the intake did
        assertEquals(201, manager.post("/customers", """
                {"key": "OWNED-%1$s", "name": "Owned %1$s AG", "domain": "owned-%1$s.de", "country": "DE", "owner": "alpenblick"}"""
                .formatted(tag)).status());

        assertEquals(200, rep.post("/leads/" + id + "/return", "{\"reasonCode\": \"EXISTING_CUSTOMER\"}").status());
        JsonObject lead = manager.get("/leads/" + id).json();
        assertEquals("CLAIMED", lead.getString("state"), lead::toString);
        assertEquals("alpenblick", lead.getString("partner"));
        var timeline = lead.getJsonArray("timeline").getValuesAs(JsonObject.class);
        assertEquals("ROUTED", timeline.get(timeline.size() - 1).getString("reasonCode"));
        assertEquals(200, Api.as("south.rep").get("/leads/" + id).status(), "the owner works it");
        assertEquals(404, rep.get("/leads/" + id).status());
    }

    @Test
    void channelManagerClosesAReturnedLead() {
        long id = claimed();
        rep.post("/leads/" + id + "/return", "{\"reasonCode\": \"EXISTING_CUSTOMER\"}");

        Api.Reply closed = manager.post("/leads/" + id + "/close", "{\"reason\": \"already a customer of ours\"}");
        assertEquals("LOST", closed.json().getString("state"), closed::toString);
        assertEquals(409, manager.post("/leads/" + id + "/publish", "").status());
    }

    @Test
    void theLongestReasonAllowedClosesTheLeadAndItsTimelineKeepsTheStart() {
        long id = claimed();
        rep.post("/leads/" + id + "/return", "{\"reasonCode\": \"EXISTING_CUSTOMER\"}");
        String reason = "x".repeat(500);

        Api.Reply closed = manager.post("/leads/" + id + "/close", "{\"reason\": \"" + reason + "\"}");
        assertEquals(200, closed.status(), closed::toString);
        var timeline = closed.json().getJsonArray("timeline");
        JsonObject last = timeline.getJsonObject(timeline.size() - 1);
        assertTrue(last.getString("reason").startsWith("closed: xxx"), last::toString);
        assertEquals("CLOSED", last.getString("reasonCode"));
        String kept = last.getJsonArray("reasonArguments").getString(0);
        assertTrue(kept.length() >= 490 && reason.startsWith(kept), "the timeline keeps the start of the reason: " + kept.length());
    }

    @Test
    void claimedLeadNobodyWorksIsRecalledAfter48HoursAndCountsAgainstThePartner() {
        long untouched = claimed();
        long worked = claimed();
        rep.post("/leads/" + worked + "/activities", "{\"kind\": \"EMAIL\", \"note\": \"sent the offer\"}");
        int breachesBefore = manager.get("/partners/nordlicht/sla-breaches").array().size();

        Sla.sweepAfter("PT47H");
        assertEquals("CLAIMED", manager.get("/leads/" + untouched).json().getString("state"));
        Api.Reply sweep = Sla.sweepAfter("PT49H");
        assertTrue(sweep.json().getInt("recalled") >= 1, sweep::toString);

        JsonObject recalled = manager.get("/leads/" + untouched).json();
        assertEquals("RECALLED", recalled.getString("state"));
        assertTrue(recalled.getJsonArray("timeline").toString().contains("no activity logged within 48 h"));
        assertEquals("CONTACTED", manager.get("/leads/" + worked).json().getString("state"));
        assertEquals(404, rep.get("/leads/" + untouched).status());

        var breaches = rep.get("/partners/nordlicht/sla-breaches").array().getValuesAs(JsonObject.class);
        assertTrue(breaches.size() > breachesBefore);
        assertTrue(breaches.stream().anyMatch(b -> b.getJsonNumber("leadId").longValue() == untouched));
        assertEquals(403, Api.as("south.rep").get("/partners/nordlicht/sla-breaches").status());
    }

    @Test
    void sweepTwiceRecallsOnce() {
        long untouched = claimed();
        Sla.sweepAfter("PT49H");
        Sla.sweepAfter("PT49H");
        long recalls = manager.get("/leads/" + untouched).json().getJsonArray("timeline").getValuesAs(JsonObject.class)
                .stream().filter(t -> t.getString("to").equals("RECALLED")).count();
        assertEquals(1, recalls);
    }

    @Test
    void onlyATestServerLetsTheClockMoveAndOnlyAnAdmin() {
        assertEquals(403, rep.put("/admin/clock", "{\"offset\": \"PT1H\"}").status());
        assertEquals(403, rep.post("/admin/sla/sweep", "").status());
    }

    @Test
    void leadNobodyClaimsForAWeekIsEscalatedToTheChannelManagerByMail() {
        long waiting = Leads.forNordlicht();
        Api.Reply sweep = Sla.sweepAfter("P8D");
        assertTrue(sweep.json().getInt("escalated") >= 1, sweep::toString);

        List<Mailbox.Mail> mails = Mailbox.of("channel.manager@partner-portal.example");
        assertTrue(mails.stream().anyMatch(m -> m.subject().contains("waiting in the pool")
                && m.text().matches("(?s).*http://localhost:8080/portal/lead/" + waiting + "(\\s.*)?")
                && m.text().contains("(Hamburg, Campus switches)")), mails::toString);
        // the pool lists the newest first: the lead published above is on the first page, marked escalated
        boolean escalated = Api.as("channel.manager").get("/pool?size=100").json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getJsonNumber("id").longValue() == waiting && e.getBoolean("escalated"));
        assertTrue(escalated, "the pool marks the lead escalated");
    }
}
