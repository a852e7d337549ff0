package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Leads;
import com.partnerportal.it.support.PortalDeployment;
import com.partnerportal.it.support.RoomForNordlicht;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The portal admin keeps the reason catalogues; the channel manager keeps the campaigns and their cost. */
@ExtendWith(RoomForNordlicht.class)
class CataloguesIT extends PortalDeployment {

    private final Api admin = Api.as("portal.admin");
    private final Api manager = Api.as("channel.manager");

    private static JsonObject entry(Api api, String catalogue, String code) {
        return api.get("/reference/" + catalogue).array().getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("code").equals(code)).findFirst().orElseThrow();
    }

    private static List<String> fields(Api.Reply reply) {
        assertEquals(400, reply.status(), reply::toString);
        return reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream().map(e -> e.getString("field")).toList();
    }

    @Test
    void aReasonInUseIsSwitchedOffNeverDeletedAndCannotBeChosenAnew() {
        String code = "IT_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.Reply created = admin.put("/reference/loss-reasons/" + code, "{\"labelDe\": \"Testgrund\", \"labelEn\": \"Test reason\"}");
        assertEquals(201, created.status(), created::toString);
        assertTrue(entry(manager, "loss-reasons", code).getBoolean("active"));
        assertEquals(403, manager.put("/reference/loss-reasons/" + code, "{\"labelDe\": \"x\", \"labelEn\": \"x\"}").status());
        assertEquals(403, Api.as("north.rep").put("/reference/return-reasons/" + code, "{\"labelDe\": \"x\", \"labelEn\": \"x\"}").status());
        assertEquals(List.of("code"), fields(admin.put("/reference/loss-reasons/bad%20code", "{\"labelDe\": \"x\", \"labelEn\": \"x\"}")));
        assertEquals(List.of("labelDe", "labelEn"), fields(admin.put("/reference/loss-reasons/" + code, "{}")).stream().sorted().toList());

        Api rep = Api.as("north.rep");
        long lost = Leads.forNordlicht();
        assertEquals(200, rep.post("/leads/" + lost + "/claim", "").status());
        assertEquals(200, rep.patch("/leads/" + lost, "{\"stage\": \"LOST\", \"lossReasonCode\": \"" + code + "\"}").status());

        Api.Reply off = admin.put("/reference/loss-reasons/" + code, "{\"labelDe\": \"Testgrund\", \"labelEn\": \"Test reason\", \"active\": false}");
        assertEquals(200, off.status(), off::toString);
        assertFalse(entry(manager, "loss-reasons", code).getBoolean("active"), "still listed, switched off");
        assertEquals(code, Leads.get("channel.manager", lost).getString("lossReasonCode"), "the lead keeps its reason");
        long another = Leads.forNordlicht();
        assertEquals(200, rep.post("/leads/" + another + "/claim", "").status());
        assertEquals(List.of("lossReasonCode"), fields(rep.patch("/leads/" + another,
                "{\"stage\": \"LOST\", \"lossReasonCode\": \"" + code + "\"}")), "a switched-off reason is not chosen anew");
        assertEquals(200, rep.patch("/leads/" + another, "{\"stage\": \"LOST\", \"lossReasonCode\": \"TIMING\"}").status());
    }

    @Test
    void aReturnReasonCarriesItsFollowUpWhichOnlyReturnReasonsHave() {
        String code = "IT_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.Reply created = admin.put("/reference/return-reasons/" + code,
                "{\"labelDe\": \"Nur Infomaterial\", \"labelEn\": \"Wants brochures only\", \"action\": \"NURTURE\"}");
        assertEquals(201, created.status(), created::toString);
        assertEquals("NURTURE", entry(manager, "return-reasons", code).getString("action"));
        assertEquals(200, admin.put("/reference/return-reasons/" + code, "{\"labelDe\": \"Nur Infomaterial\", \"labelEn\": \"Brochures\"}").status());
        assertEquals("NURTURE", entry(manager, "return-reasons", code).getString("action"), "kept unless named");
        assertEquals("OWNER", entry(manager, "return-reasons", "EXISTING_CUSTOMER").getString("action"), "the catalogue's own defaults");
        assertEquals(List.of("action"), fields(admin.put("/reference/return-reasons/" + code,
                "{\"labelDe\": \"x\", \"labelEn\": \"x\", \"action\": \"SOMEWHERE\"}")));
        assertEquals(List.of("action"), fields(admin.put("/reference/loss-reasons/" + code,
                "{\"labelDe\": \"x\", \"labelEn\": \"x\", \"action\": \"NURTURE\"}")), "a loss reason has no follow-up");
    }

    @Test
    void campaignsAreTheChannelManagersWithACostInMoney() {
        String code = "it-campaign-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(List.of("cost.amount", "cost.currency", "name"), fields(manager.put("/campaigns/" + code,
                "{\"name\": \" \", \"cost\": {\"amount\": \"1e3\", \"currency\": \"XXX\"}}")).stream().sorted().toList());
        assertEquals(List.of("cost"), fields(manager.put("/campaigns/" + code, "{\"name\": \"No cost\"}")));
        assertEquals(List.of("code"), fields(manager.put("/campaigns/bad%20code", "{\"name\": \"x\", \"cost\": {\"amount\": \"1.00\", \"currency\": \"EUR\"}}")));
        assertEquals(List.of("to"), fields(manager.put("/campaigns/" + code,
                "{\"name\": \"x\", \"cost\": {\"amount\": \"1.00\", \"currency\": \"EUR\"}, \"from\": \"2026-06-01\", \"to\": \"2026-05-01\"}")));
        assertEquals(201, manager.put("/campaigns/" + code, "{\"name\": \"Webinar\", \"cost\": {\"amount\": \"1500.00\", \"currency\": \"EUR\"}}").status());
        Api.Reply changed = manager.put("/campaigns/" + code, "{\"name\": \"Webinar\", \"cost\": {\"amount\": \"1750.00\", \"currency\": \"CHF\"}}");
        assertEquals(200, changed.status(), changed::toString);
        JsonObject stored = manager.get("/campaigns").array().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("code").equals(code)).findFirst().orElseThrow();
        assertEquals("1750.00", stored.getJsonObject("cost").getString("amount"));
        assertEquals("CHF", stored.getJsonObject("cost").getString("currency"));
        assertEquals(403, Api.as("north.admin").get("/campaigns").status());
        assertEquals(403, Api.as("north.admin").put("/campaigns/" + code, "{\"name\": \"x\", \"cost\": {\"amount\": \"1.00\", \"currency\": \"EUR\"}}").status());
    }
}
