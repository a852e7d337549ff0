package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.IntakeChecks;
import com.partnerportal.it.support.PortalDeployment;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The intake's quality gate with the cases of seed 004: a country chosen blind, a free-mail address,
 * a customer not recognised, the same person twice; and the channel manager's review decisions.
 */
class IntakeIT extends PortalDeployment {

    private static final Api manager = Api.as("channel.manager");
    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void allChecksOn() {
        IntakeChecks.set(true);
    }

    @AfterEach
    void testDataChecksOff() {
        IntakeChecks.set(false);
    }

    private static String phone(String prefix) {
        return prefix + " " + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    }

    private String lead(String company, String country, String region, String email, String phone, String postalCode) {
        return lead(UUID.randomUUID().toString(), company, country, region, email, phone, postalCode);
    }

    private String lead(String externalId, String company, String country, String region, String email, String phone,
                        String postalCode) {
        return """
                {"source": "web-form", "externalId": "%s", "campaign": "integration-tests",
                 "company": {"name": "%s", "sizeClass": "MEDIUM", "industry": "Manufacturing", "country": "%s", "region": "%s"},
                 "contact": {"firstName": "Iris", "lastName": "Intake%s", "email": %s, "phone": %s, "postalCode": %s},
                 "product": "SDWAN", "score": 60,
                 "handover": {"reason": "asked for a quote", "prospectAsked": "a quote", "promised": "a call", "nextStep": "call"}}
                """.formatted(externalId, company, country, region, tag, quoted(email), quoted(phone), quoted(postalCode));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static JsonObject created(String json) {
        Api.Reply reply = manager.post("/leads", json);
        assertEquals(201, reply.status(), reply::toString);
        return reply.json();
    }

    private static List<String> reasons(JsonObject lead) {
        return lead.getJsonArray("reviewReasons").getValuesAs(JsonObject.class).stream().map(r -> r.getString("code")).toList();
    }

    private static Api.Reply decide(long id, String body) {
        return manager.post("/leads/" + id + "/review", body);
    }

    private static long id(JsonObject lead) {
        return lead.getJsonNumber("id").longValue();
    }

    @Test
    void anAfghanistanLeadWithAGermanPhoneIsHeldUntilTheReviewerCorrectsTheCountry() {
        JsonObject held = created(lead("Afghan Choice " + tag + " GmbH", "AF", "DE-HH", "iris." + tag + "@choice-" + tag + ".de",
                phone("+49 40"), "20457"));
        assertEquals("QUARANTINE", held.getString("state"));
        assertTrue(reasons(held).contains("COUNTRY_MISMATCH"), held.toString());
        assertTrue(held.getJsonArray("reviewReasons").toString().contains("the phone +49 40"), held.toString());

        var queue = manager.get("/review?reason=COUNTRY_MISMATCH&size=100").json();
        assertTrue(queue.getJsonArray("items").getValuesAs(JsonObject.class).stream().anyMatch(i -> id(i) == id(held))
                || queue.getInt("total") > 100, queue.toString());
        assertTrue(manager.get("/review/counts").array().toString().contains("COUNTRY_MISMATCH"));

        Api.Reply notServed = decide(id(held), "{\"decision\": \"RELEASE\"}");
        assertEquals(400, notServed.status(), notServed::toString);
        assertTrue(notServed.toString().contains("country"), notServed::toString);
        Api.Reply badColumn = decide(id(held), "{\"decision\": \"RELEASE\", \"corrections\": {\"colour\": \"red\", \"source\": \"x\"}}");
        assertEquals(400, badColumn.status(), badColumn::toString);
        assertTrue(badColumn.toString().contains("corrections.colour") && badColumn.toString().contains("corrections.source"),
                badColumn::toString);

        Api.Reply released = decide(id(held), "{\"decision\": \"RELEASE\", \"note\": \"phoned: Hamburg\", "
                + "\"corrections\": {\"country\": \"DE\", \"city\": \"Hamburg\", \"postalCode\": \"\"}}");
        assertEquals(200, released.status(), released::toString);
        assertEquals("QUALIFIED", released.json().getString("state"));
        assertEquals("DE", released.json().getJsonObject("company").getString("country"));
        JsonObject contact = released.json().getJsonObject("contact");
        assertEquals("Hamburg", contact.getString("city"), "a field filled in where the delivery had none");
        assertTrue(!contact.containsKey("postalCode") || contact.isNull("postalCode"), "a field emptied: " + contact);
        assertEquals(409, decide(id(held), "{\"decision\": \"REJECT\", \"reasonCode\": \"SPAM\"}").status(),
                "decided once: a second decision finds it no longer held");
    }

    @Test
    void aFreeMailAddressIsReviewedUnlessTheMarketSwitchedTheCheckOff() {
        JsonObject gmail = created(lead("Gratis " + tag + " GmbH", "AT", "AT-9", "gratis." + tag + "@gmail.com", phone("+43 1"), "1010"));
        assertEquals(List.of("FREE_MAIL"), reasons(gmail));
        try {
            assertEquals(200, manager.put("/intake-checks/AT/FREE_MAIL", "{\"active\": false}").status());
            JsonObject after = created(lead("Gratis Zwei " + tag + " GmbH", "AT", "AT-9", "zwei." + tag + "@gmail.com", phone("+43 1"), "1010"));
            assertEquals("QUALIFIED", after.getString("state"), after.toString());
        } finally {
            manager.put("/intake-checks/AT/FREE_MAIL", "{\"active\": true}");
        }
        Api.Reply unknown = manager.put("/intake-checks/AT/EXISTING_CUSTOMER", "{\"active\": false}");
        assertEquals(400, unknown.status(), "a customer's lead is always caught: " + unknown);
        assertEquals(403, Api.as("north.rep").get("/intake-checks").status());
    }

    @Test
    void aLeadOfAnExistingCustomerGoesToItsOwnerHoweverTheGmbhIsWritten() {
        String customer = """
                {"key": "C-%1$s", "name": "Kundenwerk %1$s Maschinenbau GmbH", "domain": "https://www.kundenwerk-%1$s.de/",
                 "vatId": "DE 123 456 789", "country": "DE", "owner": "rheinwerk"}""".formatted(tag);
        Api.Reply saved = manager.post("/customers", customer);
        assertEquals(201, saved.status(), saved::toString);
        assertEquals("kundenwerk-" + tag + ".de", saved.json().getString("domain"));
        assertEquals("DE123456789", saved.json().getString("vatId"));
        assertEquals(200, manager.post("/customers", customer).status(), "delivered again: updated, not doubled");

        JsonObject byName = created(lead("KUNDENWERK-" + tag.toUpperCase() + "-MASCHINENBAU G.m.b.H.", "DE", "DE-NW",
                "new.contact." + tag + "@gmail.com", phone("+49 221"), "50667"));
        assertEquals("CLAIMED", byName.getString("state"), byName.toString());
        assertEquals("rheinwerk", byName.getString("partner"));
        assertTrue(byName.toString().contains("C-" + tag), "the timeline says why: " + byName);

        JsonObject byDomain = created(lead("KW Service " + tag, "DE", "DE-NW", "einkauf@kundenwerk-" + tag + ".de",
                phone("+49 221"), "50667"));
        assertEquals("rheinwerk", byDomain.getString("partner"), byDomain.toString());

        assertEquals(201, manager.post("/customers", """
                {"key": "KA-%1$s", "name": "Konzern %1$s AG", "country": "DE", "owner": "manufacturer"}""".formatted(tag)).status());
        JsonObject keyAccount = created(lead("Konzern " + tag + " Aktiengesellschaft", "DE", "DE-BY", "k." + tag + "@konzern-" + tag + ".com",
                phone("+49 89"), "80331"));
        assertEquals(List.of("EXISTING_CUSTOMER"), reasons(keyAccount), keyAccount.toString());
        Api.Reply noPartner = decide(id(keyAccount), "{\"decision\": \"ROUTE_TO_OWNER\"}");
        assertEquals(409, noPartner.status(), noPartner::toString);
        Api.Reply routed = decide(id(keyAccount), "{\"decision\": \"ROUTE_TO_OWNER\", \"partner\": \"alpenblick\"}");
        assertEquals(200, routed.status(), routed::toString);
        assertEquals("alpenblick", routed.json().getString("partner"));

        Api.Reply found = manager.get("/customers?q=kundenwerk%20" + tag);
        assertEquals(1, found.json().getInt("total"), found::toString);
        Api.Reply badOwner = manager.post("/customers", "{\"key\": \"x-" + tag + "\", \"name\": \"X\", \"owner\": \"nobody\"}");
        assertEquals(400, badOwner.status());
        assertTrue(badOwner.toString().contains("owner"));
        assertEquals(403, Api.as("north.rep").get("/customers").status());
    }

    @Test
    void aCustomersLeadThatNeedsConsentGoesToItsOwnerOnlyOnceTheProspectAllowedIt() {
        assertEquals(201, manager.post("/customers", """
                {"key": "CC-%1$s", "name": "Zustimmwerk %1$s GmbH", "domain": "zustimmwerk-%1$s.de", "country": "DE",
                 "owner": "rheinwerk"}""".formatted(tag)).status());
        JsonObject held = created(lead("Zustimmwerk " + tag + " GmbH", "DE", "DE-NW", "kontakt@zustimmwerk-" + tag + ".de",
                phone("+49 221"), "50667").replace("\"product\"", "\"consentRequired\": true, \"product\""));
        assertEquals("QUARANTINE", held.getString("state"), "not to the owner before the prospect allowed it: " + held);
        assertEquals(List.of("EXISTING_CUSTOMER"), reasons(held));
        assertTrue(!held.containsKey("partner"));

        Api.Reply refused = decide(id(held), "{\"decision\": \"ROUTE_TO_OWNER\"}");
        assertEquals(409, refused.status(), refused::toString);
        assertTrue(refused.toString().contains("OWNER_CONSENT"), refused::toString);
        assertTrue(manager.get("/leads/" + id(held) + "/consents").toString().contains("rheinwerk"),
                "the owner is offered for the prospect's consent");

        Api.Reply allowed = manager.post("/leads/" + id(held) + "/consents",
                "{\"partner\": \"rheinwerk\", \"decision\": \"ALLOWED\", \"note\": \"phoned: rheinwerk may call\"}");
        assertEquals(200, allowed.status(), allowed::toString);
        Api.Reply routed = decide(id(held), "{\"decision\": \"ROUTE_TO_OWNER\"}");
        assertEquals(200, routed.status(), routed::toString);
        assertEquals("CLAIMED", routed.json().getString("state"));
        assertEquals("rheinwerk", routed.json().getString("partner"));
    }

    @Test
    void theSamePersonTwiceIsAProbableDuplicateToMergeOrKeep() {
        String email = "twice." + tag + "@zweimal-" + tag + ".de";
        String phone = phone("+49 40");
        JsonObject first = created(lead("Zweimal " + tag + " GmbH", "DE", "DE-HH", email, phone, "20095"));
        assertEquals("QUALIFIED", first.getString("state"));
        JsonObject again = created(lead("Zweimal " + tag + " GmbH", "DE", "DE-HH", email.toUpperCase(), null, "20095"));
        assertEquals(List.of("PROBABLE_DUPLICATE"), reasons(again));
        JsonObject reason = again.getJsonArray("reviewReasons").getJsonObject(0);
        assertEquals(id(first), reason.getJsonArray("candidates").getJsonNumber(0).longValue());

        Api.Reply merged = decide(id(again), "{\"decision\": \"MERGE\", \"into\": " + id(first) + "}");
        assertEquals(200, merged.status(), merged::toString);
        assertEquals("REJECTED", merged.json().getString("state"));

        JsonObject byPhone = created(lead("Anderswo " + tag + " GmbH", "DE", "DE-HH", "other." + tag + "@anderswo-" + tag + ".de", phone, "20095"));
        assertEquals(List.of("PROBABLE_DUPLICATE"), reasons(byPhone));
        Api.Reply kept = decide(id(byPhone), "{\"decision\": \"RELEASE\", \"note\": \"a colleague, not the same person\"}");
        assertEquals("QUALIFIED", kept.json().getString("state"), kept::toString);
    }

    private static JsonObject onlyLead(String company) {
        var items = manager.get("/leads?q=" + java.net.URLEncoder.encode(company, StandardCharsets.UTF_8)).json()
                .getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(1, items.size(), company + ": " + items);
        return manager.get("/leads/" + id(items.get(0))).json();
    }

    @Test
    void anImportedRowIsADuplicateOfAStoredLeadAndOfAnEarlierRowOfTheSameFile() {
        String stored = "stored." + tag + "@schon-da-" + tag + ".de";
        JsonObject first = created(lead("Schon Da " + tag + " GmbH", "DE", "DE-HH", stored, phone("+49 40"), "20095"));
        assertEquals("QUALIFIED", first.getString("state"));

        String twice = "twice." + tag + "@im-file-" + tag + ".de";
        String csv = "source,externalId,companyName,sizeClass,industry,country,region,firstName,lastName,email,phone,postalCode,"
                + "product,score,handoverReason,prospectAsked,promised,nextStep\n"
                + row("D1", "Wieder Da " + tag + " GmbH", stored.toUpperCase(), phone("+49 40"))
                + row("D2", "Neu Im File " + tag + " GmbH", twice, phone("+49 40"))
                + row("D3", "Nochmal Im File " + tag + " GmbH", twice, phone("+49 40"));
        Api.Reply report = manager.send("POST", "/leads/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
        assertEquals(200, report.status(), report::toString);
        assertEquals(1, report.json().getInt("created"), report::toString);
        assertEquals(2, report.json().getInt("quarantined"), report::toString);

        JsonObject again = onlyLead("Wieder Da " + tag + " GmbH");
        assertEquals(List.of("PROBABLE_DUPLICATE"), reasons(again), again::toString);
        assertEquals(id(first), again.getJsonArray("reviewReasons").getJsonObject(0).getJsonArray("candidates").getJsonNumber(0).longValue());
        JsonObject earlierRow = onlyLead("Neu Im File " + tag + " GmbH");
        assertEquals("QUALIFIED", earlierRow.getString("state"));
        JsonObject laterRow = onlyLead("Nochmal Im File " + tag + " GmbH");
        assertEquals(List.of("PROBABLE_DUPLICATE"), reasons(laterRow), laterRow::toString);
        assertEquals(id(earlierRow),
                laterRow.getJsonArray("reviewReasons").getJsonObject(0).getJsonArray("candidates").getJsonNumber(0).longValue(),
                "the row above it in the same file is its candidate");
    }

    private String row(String externalId, String company, String email, String phone) {
        return "web-form-%s,%s,%s,MEDIUM,Manufacturing,DE,DE-HH,Iris,Intake%s,%s,%s,20095,SDWAN,60,asked for a quote,a quote,a call,call\n"
                .formatted(tag, externalId, company, tag, email, phone);
    }

    @Test
    void notACompanyIsRejectedWithAReasonOrKeptByMarketing() {
        JsonObject privat = created(lead("privat", "DE", "DE-HH", "p." + tag + "@privat-" + tag + ".de", phone("+49 40"), "20095"));
        assertEquals(List.of("NOT_A_COMPANY"), reasons(privat));
        Api.Reply noReason = decide(id(privat), "{\"decision\": \"REJECT\"}");
        assertEquals(400, noReason.status());
        assertTrue(noReason.toString().contains("reasonCode"), noReason::toString);
        assertEquals(400, decide(id(privat), "{\"decision\": \"REJECT\", \"reasonCode\": \"BORED\"}").status());
        assertEquals(400, decide(id(privat), "{\"decision\": \"MAYBE\"}").status());
        assertEquals(403, Api.as("north.rep").post("/leads/" + id(privat) + "/review", "{\"decision\": \"RELEASE\"}").status());
        assertEquals(403, Api.as("north.rep").get("/review").status());
        Api.Reply rejected = decide(id(privat), "{\"decision\": \"REJECT\", \"reasonCode\": \"NOT_A_COMPANY\"}");
        assertEquals("REJECTED", rejected.json().getString("state"), rejected::toString);

        JsonObject student = created(lead("Student", "DE", "DE-HH", "s." + tag + "@uni-" + tag + ".de", phone("+49 40"), "20095"));
        Api.Reply nurtured = decide(id(student), "{\"decision\": \"NURTURE\"}");
        assertEquals("NURTURE", nurtured.json().getString("state"), nurtured::toString);
    }

    @Test
    void theCustomerMasterIsImportedFromCsvRowByRow() {
        String csv = "\uFEFFkey;NAME;domain;vatId;country;owner\n"
                + "imp-%1$s-1;Import %1$s Eins GmbH;eins-%1$s.de;;DE;nordlicht\n".formatted(tag)
                + "imp-%1$s-2;;zwei-%1$s.de;;DE;nordlicht\n".formatted(tag)
                + "imp-%1$s-3;Import %1$s Drei AG;;ATU12345678;AT;manufacturer\n".formatted(tag);
        Api.Reply report = manager.send("POST", "/customers/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
        assertEquals(200, report.status(), report::toString);
        assertEquals(2, report.json().getInt("created"), report::toString);
        var rejected = report.json().getJsonArray("rejected").getValuesAs(JsonObject.class);
        assertEquals(1, rejected.size());
        assertEquals(3, rejected.get(0).getInt("line"));
        assertEquals("name", rejected.get(0).getJsonArray("errors").getJsonObject(0).getString("field"));
        Api.Reply again = manager.send("POST", "/customers/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
        assertEquals(2, again.json().getInt("updated"), again::toString);
    }

    @Test
    void aCorrectionOutlivesTheNextDeliveryAndADeliveryThatDisagreesGoesToTheReviewer() {
        String externalId = "F-" + tag;
        String company = "Korrektur " + tag + " GmbH";
        String email = "k." + tag + "@korrektur-" + tag + ".de";
        String phone = phone("+49 40");
        JsonObject held = created(lead(externalId, company, "AF", "DE-HH", email, phone, "20457"));
        assertEquals("QUARANTINE", held.getString("state"));
        Api.Reply released = decide(id(held), "{\"decision\": \"RELEASE\", \"corrections\": {\"country\": \"DE\"}}");
        assertEquals("QUALIFIED", released.json().getString("state"), released::toString);

        Api.Reply sameFormAgain = manager.post("/leads", lead(externalId, company, "AF", "DE-HH", email, phone, "20457"));
        assertEquals(200, sameFormAgain.status(), sameFormAgain::toString);
        assertEquals("QUALIFIED", sameFormAgain.json().getString("state"), "the value the correction replaced: kept silently");
        assertEquals("DE", sameFormAgain.json().getJsonObject("company").getString("country"));

        Api.Reply newStreet = manager.post("/leads", lead(externalId, company, "AF", "DE-HH", email, phone, "20095"));
        assertEquals(200, newStreet.status());
        assertEquals("20095", newStreet.json().getJsonObject("contact").getString("postalCode"), "an uncorrected field is updated");
        assertEquals("DE", newStreet.json().getJsonObject("company").getString("country"));

        Api.Reply disagrees = manager.post("/leads", lead(externalId, company, "CH", "DE-HH", email, phone, "20095"));
        assertEquals(200, disagrees.status());
        JsonObject lead = disagrees.json();
        assertEquals("QUARANTINE", lead.getString("state"), lead.toString());
        assertTrue(reasons(lead).contains("CORRECTION_CONFLICT"), lead.toString());
        assertTrue(lead.getJsonArray("reviewReasons").toString().contains("country: the new delivery says CH, a reviewer corrected it to DE"),
                lead.toString());
        assertEquals("DE", lead.getJsonObject("company").getString("country"), "the correction stays until the reviewer decides");

        String csv = "source,externalId,companyName,sizeClass,country,region,firstName,lastName,email,phone,postalCode,product\n"
                + "web-form,%s,%s,MEDIUM,CH,DE-HH,Iris,Intake%s,%s,%s,20095,SDWAN\n".formatted(externalId, company, tag, email, phone);
        Api.Reply report = manager.send("POST", "/leads/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
        assertEquals(1, report.json().getInt("updated") + report.json().getInt("duplicates"), report::toString);
    }
}
