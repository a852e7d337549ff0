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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The partner's pipeline through {@code PATCH /api/leads/{id}}: the stages move forward only, WON
 * and LOST need their facts, only the pipeline's fields can be set, a stale {@code If-Match} is
 * refused, and only the partner's admin hands a lead on.
 */
@ExtendWith(RoomForNordlicht.class)
class PipelineIT extends PortalDeployment {

    private final Api manager = Api.as("channel.manager");
    private final Api rep = Api.as("north.rep");
    private final Api admin = Api.as("north.admin");

    @AfterEach
    void openLeadsStayCounted() {
        Capacity.assertOpenLeadsCounted("nordlicht", "north.rep");
    }

    private long claimed() {
        long id = Leads.forNordlicht();
        Api.Reply claim = rep.post("/leads/" + id + "/claim", "");
        assertEquals(200, claim.status(), claim::toString);
        assertEquals("north.rep", claim.json().getString("assignee"), "the rep who claims it works it");
        return id;
    }

    private static List<String> errorFields(Api.Reply reply) {
        return reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
    }

    @Test
    void theRepKeepsThePipelineAndAStaleVersionIsRefused() {
        long id = claimed();
        Api.Reply read = rep.get("/leads/" + id);
        String tag = read.header("ETag");
        assertTrue(tag != null && !tag.isBlank(), "GET sends an ETag");

        String followUp = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        Api.Reply changed = rep.patch("/leads/" + id, """
                {"expectedRevenue": {"amount": "24000.00", "currency": "EUR"}, "expectedCloseDate": "2027-02-28",
                 "followUpAt": "%s", "stage": "CONTACTED"}""".formatted(followUp), tag);
        assertEquals(200, changed.status(), changed::toString);
        JsonObject lead = changed.json();
        assertEquals("CONTACTED", lead.getString("state"));
        assertEquals("24000.00", lead.getJsonObject("expectedRevenue").getString("amount"));
        assertEquals("2027-02-28", lead.getString("expectedCloseDate"));
        assertEquals(Instant.parse(followUp), Instant.parse(lead.getString("followUpAt")));
        assertNotEquals(tag, changed.header("ETag"), "a change is a new version");

        Api.Reply stale = rep.patch("/leads/" + id, "{\"expectedCloseDate\": \"2027-03-31\"}", tag);
        assertEquals(412, stale.status(), stale::toString);
        assertEquals("2027-02-28", Leads.get("north.rep", id).getString("expectedCloseDate"), "nothing of a stale patch is stored");

        Api.Reply cleared = rep.patch("/leads/" + id, "{\"expectedCloseDate\": null}", changed.header("ETag"));
        assertEquals(200, cleared.status(), cleared::toString);
        assertFalse(cleared.json().containsKey("expectedCloseDate") && !cleared.json().isNull("expectedCloseDate"),
                "null clears a field");
        assertEquals("24000.00", cleared.json().getJsonObject("expectedRevenue").getString("amount"), "a field not given is kept");
    }

    @Test
    void onlyThePipelineFieldsCanBeSet() {
        long id = claimed();
        for (String field : List.of("state", "partner", "company", "contact", "estimatedRevenue", "claimedAt", "version")) {
            Api.Reply reply = rep.patch("/leads/" + id, "{\"" + field + "\": \"x\"}");
            assertEquals(400, reply.status(), field + ": " + reply);
            assertEquals(List.of(field), errorFields(reply));
        }
        Api.Reply badTypes = rep.patch("/leads/" + id, "{\"expectedRevenue\": {\"amount\": \"-5\", \"currency\": \"XYZ\"},"
                + " \"expectedCloseDate\": \"tomorrow\", \"followUpAt\": \"2001-01-01T00:00:00Z\", \"stage\": \"FLYING\"}");
        assertEquals(400, badTypes.status(), badTypes::toString);
        assertEquals(List.of("expectedCloseDate", "expectedRevenue.amount", "expectedRevenue.currency", "followUpAt", "stage"),
                errorFields(badTypes).stream().sorted().toList());
        assertEquals(400, rep.patch("/leads/" + id, "[1, 2]").status(), "a patch is an object");
        assertEquals("CLAIMED", Leads.get("north.rep", id).getString("state"));
    }

    @Test
    void stagesMoveForwardAndCloseWithTheirFacts() {
        long id = claimed();
        assertEquals(200, rep.patch("/leads/" + id, "{\"stage\": \"PROPOSAL\"}").status(), "a forward skip is allowed");
        Api.Reply back = rep.patch("/leads/" + id, "{\"stage\": \"CONTACTED\"}");
        assertEquals(409, back.status(), back::toString);
        assertEquals(409, rep.patch("/leads/" + id, "{\"stage\": \"RETURNED\"}").status(), "giving back has its own action");

        Api.Reply wonWithout = rep.patch("/leads/" + id, "{\"stage\": \"WON\"}");
        assertEquals(400, wonWithout.status());
        assertEquals(List.of("wonRevenue"), errorFields(wonWithout));
        Api.Reply revenueWithoutWin = rep.patch("/leads/" + id, "{\"wonRevenue\": {\"amount\": \"1.00\", \"currency\": \"EUR\"}}");
        assertEquals(List.of("wonRevenue"), errorFields(revenueWithoutWin));

        Api.Reply lostWithout = rep.patch("/leads/" + id, "{\"stage\": \"LOST\", \"lossComment\": \"they went quiet\"}");
        assertEquals(List.of("lossReasonCode"), errorFields(lostWithout), "a comment is beside the code, never instead");
        Api.Reply lostBogus = rep.patch("/leads/" + id, "{\"stage\": \"LOST\", \"lossReasonCode\": \"BAD_LUCK\"}");
        assertEquals(List.of("lossReasonCode"), errorFields(lostBogus));

        Api.Reply lost = rep.patch("/leads/" + id, "{\"stage\": \"LOST\", \"lossReasonCode\": \"price\", \"lossComment\": \"15 % cheaper elsewhere\"}");
        assertEquals(200, lost.status(), lost::toString);
        assertEquals("LOST", lost.json().getString("state"));
        assertEquals("PRICE", lost.json().getString("lossReasonCode"));
        assertEquals("15 % cheaper elsewhere", lost.json().getString("lossComment"));
        assertEquals(409, rep.patch("/leads/" + id, "{\"expectedCloseDate\": \"2027-01-01\"}").status(), "a closed lead stays closed");
        assertEquals(200, rep.get("/leads/" + id).status(), "the partner still reads the lead it lost");
        assertEquals(200, rep.get("/leads/" + id + "/activities").status());

        long won = claimed();
        Api.Reply win = rep.patch("/leads/" + won, "{\"stage\": \"WON\", \"wonRevenue\": {\"amount\": \"31000.50\", \"currency\": \"CHF\"}}");
        assertEquals(200, win.status(), win::toString);
        assertEquals("31000.50", win.json().getJsonObject("wonRevenue").getString("amount"));
        assertTrue(win.json().getJsonArray("timeline").toString().contains("WON"));
    }

    @Test
    void theChannelManagerKeepsThePipelineTooAndOtherPartnersSeeNothing() {
        long id = claimed();
        assertEquals(404, Api.as("south.rep").patch("/leads/" + id, "{\"stage\": \"CONTACTED\"}").status());
        assertEquals(404, Api.as("west.rep").patch("/leads/" + id, "{\"expectedCloseDate\": \"2027-01-01\"}").status());
        Api.Reply byManager = manager.patch("/leads/" + id, "{\"stage\": \"SALES_QUALIFIED\"}");
        assertEquals(200, byManager.status(), byManager::toString);
        assertEquals("SALES_QUALIFIED", byManager.json().getString("state"));
        assertEquals(403, manager.patch("/leads/" + id, "{\"assignee\": \"north.rep\"}").status(), "the partner assigns its own people");
        assertEquals(404, manager.patch("/leads/999999999", "{\"stage\": \"CONTACTED\"}").status());
    }

    @Test
    void onlyThePartnersAdminHandsALeadToAnotherOfItsUsers() {
        long id = claimed();
        admin.get("/partners/nordlicht"); // the portal meets its users at their first request
        Api.as("south.rep").get("/partners/alpenblick");

        Api.Reply byRep = rep.patch("/leads/" + id, "{\"assignee\": \"north.admin\"}");
        assertEquals(403, byRep.status(), byRep::toString);
        assertEquals("ASSIGNEE", byRep.json().getString("code"));

        Api.Reply toOtherPartner = admin.patch("/leads/" + id, "{\"assignee\": \"south.rep\"}");
        assertEquals(400, toOtherPartner.status());
        assertEquals(List.of("assignee"), errorFields(toOtherPartner));
        assertEquals(List.of("assignee"), errorFields(admin.patch("/leads/" + id, "{\"assignee\": null}")));

        Api.Reply handed = admin.patch("/leads/" + id, "{\"assignee\": \"north.admin\"}");
        assertEquals(200, handed.status(), handed::toString);
        assertEquals("north.admin", handed.json().getString("assignee"));
        assertEquals("north.admin", Leads.get("channel.manager", id).getString("assignee"));
    }

    @Test
    void ofTwoChangesOfTheSameVersionOneWinsAndTheOtherIsStale() throws Exception {
        long id = claimed();
        String tag = rep.get("/leads/" + id).header("ETag");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> changes = new ArrayList<>();
        for (String date : List.of("2027-04-30", "2027-05-31")) {
            changes.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return rep.patch("/leads/" + id, "{\"expectedCloseDate\": \"" + date + "\"}", tag).status();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (var change : changes) {
            statuses.add(change.get());
        }
        assertEquals(List.of(200, 412), statuses.stream().sorted().toList());
    }

    @Test
    void anActivityNeedsANoteAndATimeBetweenTheClaimAndNow() {
        long id = claimed();
        Api.Reply noNote = rep.post("/leads/" + id + "/activities", "{\"kind\": \"CALL\"}");
        assertEquals(400, noNote.status());
        assertEquals(List.of("note"), errorFields(noNote));
        Api.Reply beforeClaim = rep.post("/leads/" + id + "/activities",
                "{\"kind\": \"CALL\", \"note\": \"x\", \"at\": \"" + Instant.now().minus(1, ChronoUnit.DAYS) + "\"}");
        assertEquals(List.of("at"), errorFields(beforeClaim));
        Instant claimedAt = Instant.parse(Leads.get("north.rep", id).getString("claimedAt"));
        Api.Reply earlier = rep.post("/leads/" + id + "/activities",
                "{\"kind\": \"MEETING\", \"note\": \"met at the fair\", \"at\": \"" + claimedAt.plusMillis(1) + "\"}");
        assertEquals(200, earlier.status(), earlier::toString);
    }
}
