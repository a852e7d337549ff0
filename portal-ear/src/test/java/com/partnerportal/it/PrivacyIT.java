package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Capacity;
import com.partnerportal.it.support.Leads;
import com.partnerportal.it.support.PortalDeployment;
import com.partnerportal.it.support.RoomForNordlicht;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The prospect's personal data: cards that do not name the company before the claim, every reveal of
 * contact data in the audit, and the data subject's export and erasure, proven by a search of every
 * text column of every table.
 */
@ExtendWith(RoomForNordlicht.class)
class PrivacyIT extends PortalDeployment {

    private static final Api manager = Api.as("channel.manager");
    private static final Api rep = Api.as("north.rep");

    /** A lead only nordlicht fits, its prospect named uniquely so that a search finds this prospect only. */
    private record Prospect(long id, String name, String email, String phone) {
    }

    private static Prospect prospect() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String last = "Zyx" + tag;
        String email = "p-" + tag + "@example.com";
        String phone = "+49 40 " + (1_000_000 + Math.floorMod(tag.hashCode(), 8_999_999));
        long id = Leads.published(Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", "NETWORK-PRO")
                .replace("\"lastName\": \"Geheim\"", "\"lastName\": \"" + last + "\"")
                .replace("erika.geheim@example.com", email).replace("+49 40 9999999", phone));
        return new Prospect(id, "Erika " + last, email, phone);
    }

    private static JsonObject card(long lead) {
        for (int page = 0; page < 50; page++) {
            var items = rep.get("/marketplace?region=DE-HH&product=SWITCH-CAMPUS&size=100&page=" + page).json()
                    .getJsonArray("items").getValuesAs(JsonObject.class);
            for (JsonObject item : items) {
                if (item.getJsonNumber("id").longValue() == lead) {
                    return item;
                }
            }
            if (items.size() < 100) {
                break;
            }
        }
        throw new AssertionError("lead " + lead + " is not in nordlicht's feed");
    }

    private static boolean namesCompany(JsonObject card) {
        JsonObject company = card.getJsonObject("company");
        return company.containsKey("name") && !company.isNull("name");
    }

    @Test
    void aCardNamesTheCompanyOnlyInAMarketWhereTheChannelManagerTurnedItOn() {
        long lead = Leads.forNordlicht();
        JsonObject hidden = card(lead);
        assertFalse(namesCompany(hidden), "hidden by default: " + hidden);
        assertEquals("Manufacturing", hidden.getJsonObject("company").getString("industry"));
        assertEquals("DE-HH", hidden.getJsonObject("company").getString("region"));
        assertTrue(hidden.getJsonObject("handover").getString("reason").contains("local installer"));
        try {
            Api.Reply on = manager.put("/markets/de", "{\"companyNameOnCards\": true}");
            assertEquals(200, on.status(), on::toString);
            assertEquals("DE", on.json().getString("country"));
            assertEquals("Prüfstand Maschinenbau GmbH", card(lead).getJsonObject("company").getString("name"));
            assertTrue(manager.get("/markets").array().getValuesAs(JsonObject.class).stream()
                    .anyMatch(m -> m.getString("country").equals("DE") && m.getBoolean("companyNameOnCards")));
        } finally {
            assertEquals(200, manager.put("/markets/DE", "{\"companyNameOnCards\": false}").status());
        }
        assertFalse(namesCompany(card(lead)), "off again");

        Api.Reply claimed = rep.post("/leads/" + lead + "/claim", "");
        assertEquals(200, claimed.status(), claimed::toString);
        assertEquals("Prüfstand Maschinenbau GmbH", claimed.json().getJsonObject("company").getString("name"),
                "the claim reveals everything");
    }

    @Test
    void onlyTheChannelManagerSetsAMarketAndOnlyForAKnownMarket() {
        Api.Reply unknown = manager.put("/markets/XX", "{\"companyNameOnCards\": true}");
        assertEquals(400, unknown.status(), unknown::toString);
        assertTrue(unknown.toString().contains("\"country\""), unknown::toString);
        Api.Reply missing = manager.put("/markets/DE", "{}");
        assertEquals(400, missing.status(), missing::toString);
        assertTrue(missing.toString().contains("\"companyNameOnCards\""), missing::toString);
        assertEquals(403, rep.put("/markets/DE", "{\"companyNameOnCards\": true}").status());
        assertEquals(403, rep.get("/markets").status());
    }

    private static Set<String> auditedKinds(long lead, String user) {
        Api.Reply audit = manager.get("/audit/personal-data?lead=" + lead + "&size=100");
        assertEquals(200, audit.status(), audit::toString);
        return audit.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("user").equals(user)).map(e -> e.getString("how")).collect(Collectors.toSet());
    }

    @Test
    void everyRevealOfContactDataIsRecordedWithWhoWhenAndHow() {
        Prospect prospect = prospect();
        assertEquals(Set.of(), auditedKinds(prospect.id(), "north.rep"), "the card revealed nothing");
        assertEquals(200, rep.post("/leads/" + prospect.id() + "/claim", "").status());
        assertEquals(Set.of("CLAIM"), auditedKinds(prospect.id(), "north.rep"));
        assertEquals(200, rep.get("/leads/" + prospect.id()).status());
        Api.Reply list = rep.get("/cockpit/leads?campaign=integration-tests&stage=CLAIMED&size=100");
        assertTrue(list.toString().contains(prospect.email()), "the list carries the contact");
        Api.Reply export = rep.send("GET", "/cockpit/export?format=csv&campaign=integration-tests", null, null,
                Map.of("Accept", "text/csv"));
        assertTrue(export.toString().contains(prospect.email()));
        assertEquals(Set.of("CLAIM", "API", "LIST", "EXPORT"), auditedKinds(prospect.id(), "north.rep"));
        assertEquals(200, manager.get("/leads/" + prospect.id() + "/personal-data").status());
        assertTrue(auditedKinds(prospect.id(), "channel.manager").containsAll(List.of("DATA_EXPORT")));

        JsonObject entry = manager.get("/audit/personal-data?lead=" + prospect.id() + "&user=north.rep&size=100").json()
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("how").equals("CLAIM")).findFirst().orElseThrow();
        assertEquals("nordlicht", entry.getString("partner"));
        assertEquals(prospect.id(), entry.getJsonNumber("lead").longValue());
        assertTrue(entry.containsKey("at"));
        assertFalse(manager.get("/audit/personal-data?lead=" + prospect.id()).toString().contains(prospect.email()),
                "the audit names who saw a lead, never the data");

        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        assertTrue(manager.get("/audit/personal-data?user=north.rep&from=" + today + "&to=" + today + "&size=100")
                .json().getJsonNumber("total").longValue() >= 4);
        Api.Reply wrong = manager.get("/audit/personal-data?from=yesterday");
        assertEquals(400, wrong.status(), wrong::toString);
        assertTrue(wrong.toString().contains("\"from\""), wrong::toString);
        assertEquals(403, rep.get("/audit/personal-data?lead=" + prospect.id()).status(), "not the partner's to read");
        assertEquals(200, Api.as("portal.admin").get("/audit/personal-data?lead=" + prospect.id()).status());
    }

    @Test
    void anExportHoldsEverythingAboutTheProspectAndAnErasureLeavesItNowhere() {
        Prospect prospect = prospect();
        assertEquals(200, rep.post("/leads/" + prospect.id() + "/claim", "").status());
        Api.Reply logged = rep.post("/leads/" + prospect.id() + "/activities",
                "{\"kind\": \"CALL\", \"note\": \"spoke to " + prospect.name() + ", mail " + prospect.email() + "\"}");
        assertEquals(200, logged.status(), logged::toString);

        Api.Reply exported = manager.get("/leads/" + prospect.id() + "/personal-data");
        assertEquals(200, exported.status(), exported::toString);
        JsonObject data = exported.json();
        assertEquals(prospect.email(), data.getJsonObject("lead").getJsonObject("contact").getString("email"));
        assertTrue(data.getJsonArray("activities").toString().contains(prospect.name()));
        assertTrue(data.getJsonObject("consents").containsKey("ledger"));
        assertTrue(data.getJsonArray("access").toString().contains("\"CLAIM\""), "who saw the data");
        List<String> heldIn = data.getJsonArray("heldIn").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
        assertTrue(heldIn.containsAll(List.of("sales_lead.contact_email", "sales_lead.contact_phone", "lead_activity.note")),
                "the search of every table finds the prospect where it is held: " + heldIn);
        assertEquals(403, rep.get("/leads/" + prospect.id() + "/personal-data").status());
        assertEquals(403, rep.post("/leads/" + prospect.id() + "/erasure", "").status());

        Api.Reply erased = manager.post("/leads/" + prospect.id() + "/erasure", "");
        assertEquals(200, erased.status(), erased::toString);
        assertEquals("WITHDRAWN", erased.json().getString("state"));
        assertEquals(0, erased.json().getJsonArray("heldIn").size(),
                "no column of any table holds the name, e-mail or phone any more: " + erased);
        Capacity.assertOpenLeadsCounted("nordlicht", "north.rep");

        Api.Reply after = manager.get("/leads/" + prospect.id() + "/personal-data");
        String partnerView = rep.get("/leads/" + prospect.id()) + rep.get("/leads/" + prospect.id() + "/activities").toString()
                + rep.send("GET", "/cockpit/export?format=csv&campaign=integration-tests", null, null, Map.of("Accept", "text/csv"));
        String managerView = manager.get("/leads/" + prospect.id()) + manager.get("/leads/" + prospect.id() + "/activities").toString()
                + manager.get("/leads/" + prospect.id() + "/consents");
        for (String value : List.of(prospect.name(), prospect.email(), prospect.phone(), prospect.name().split(" ")[1])) {
            assertFalse(after.toString().contains(value), value + " is gone from the export: " + after);
            assertFalse(partnerView.contains(value), value + " is gone from the partner's views");
            assertFalse(managerView.contains(value), value + " is gone from the manufacturer's views");
        }
        assertEquals(0, after.json().getJsonArray("heldIn").size());
        assertFalse(after.json().getJsonArray("access").isEmpty(), "who saw it before stays, without the data");
        JsonObject lead = after.json().getJsonObject("lead");
        assertTrue(!lead.containsKey("contact") || lead.isNull("contact"));
        assertTrue(lead.containsKey("erasedAt"));
        assertEquals("Prüfstand Maschinenbau GmbH", lead.getJsonObject("company").getString("name"),
                "the company is not the person: it stays, with the numbers");

        Api.Reply again = manager.post("/leads/" + prospect.id() + "/erasure", "");
        assertEquals(200, again.status(), again::toString);
        assertEquals(erased.json().getString("erasedAt"), again.json().getString("erasedAt"), "erasing twice changes nothing");
        assertEquals(409, manager.post("/leads/" + prospect.id() + "/consent-invitations", "").status(),
                "no address to invite any more");
        assertEquals(404, manager.post("/leads/999999999/erasure", "").status());
    }
}
