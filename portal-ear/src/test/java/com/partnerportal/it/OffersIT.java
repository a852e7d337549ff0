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
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Partners told at once: publishing a lead tells every user of each partner that may take it, in the
 * portal and by mail as each chose (at once or in a digest), without the prospect's contact data; a
 * partner the lead does not fit hears nothing.
 */
@ExtendWith(RoomForNordlicht.class)
class OffersIT extends PortalDeployment {

    private static final String REP_ADDRESS = "north.rep@partner-portal.example";
    private static final String ADMIN_ADDRESS = "north.admin@partner-portal.example";

    private final Api rep = Api.as("north.rep");
    private final Api admin = Api.as("north.admin");

    @AfterEach
    void instantMailsAndTheRealClockAgain() {
        rep.put("/profile", "{\"offerMail\": \"INSTANT\"}");
        admin.put("/profile", "{\"offerMail\": \"INSTANT\"}");
        Api.as("portal.admin").put("/admin/clock", "{\"offset\": \"PT0S\"}");
    }

    private static List<JsonObject> offersOf(Api api, long leadId) {
        return api.get("/notifications?unread=true&size=100").json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(n -> n.getString("type").equals("LEAD_OFFERED") && n.getJsonNumber("leadId").longValue() == leadId)
                .toList();
    }

    /** The mails to {@code address} that name lead {@code leadId}, waiting up to ten seconds for the first. */
    private static List<Mailbox.Mail> mailsNaming(String address, long leadId, boolean wait) throws InterruptedException {
        Pattern named = Pattern.compile("(?s).*\\((no\\.|Nr\\.) " + leadId + "\\).*");
        for (long end = System.currentTimeMillis() + (wait ? 10_000 : 0); ; Thread.sleep(200)) {
            List<Mailbox.Mail> mails = Mailbox.of(address).stream().filter(m -> named.matcher(m.text()).matches()).toList();
            if (!mails.isEmpty() || System.currentTimeMillis() > end) {
                return mails;
            }
        }
    }

    @Test
    void aPublishedLeadIsOfferedAtOnceToEveryUserOfEachPartnerThatMayTakeItAndToNoOtherPartner() throws Exception {
        assertEquals("INSTANT", rep.put("/profile", "{\"offerMail\": \"INSTANT\"}").json().getString("offerMail"));
        assertEquals(200, admin.get("/profile").status());
        assertEquals(200, Api.as("south.rep").get("/profile").status());

        long id = Leads.forNordlicht();
        assertEquals(1, offersOf(rep, id).size(), "in the rep's notifications when the publish answered");
        assertEquals(1, offersOf(admin, id).size(), "and its admin's");
        assertTrue(offersOf(Api.as("south.rep"), id).isEmpty(), "alpenblick does not cover Hamburg: not told");

        List<Mailbox.Mail> mails = mailsNaming(REP_ADDRESS, id, true);
        assertEquals(1, mails.size(), "one mail at once");
        Mailbox.Mail mail = mails.get(0);
        assertTrue(mail.subject().contains("Hamburg"), mail.subject());
        assertTrue(mail.text().contains("http://localhost:8080/portal/marketplace.xhtml"), mail.text());
        for (String secret : List.of("erika.geheim@example.com", "9999999", "Verborgene", "Geheim", "Prüfstand")) {
            assertFalse(mail.text().contains(secret) || mail.subject().contains(secret), "no contact data nor company: " + secret);
        }

        Api.Reply sweep = Api.as("channel.manager").post("/admin/offers/sweep", "");
        assertEquals(200, sweep.status(), sweep::toString);
        assertEquals(1, offersOf(rep, id).size(), "told once, however often the sweep runs");
        assertEquals(1, mailsNaming(REP_ADDRESS, id, false).size());
    }

    @Test
    void aUserWhoChoseTheHourlyDigestGetsOneMailForTheHoursLeadsStillInThePool() throws Exception {
        assertEquals("HOURLY", admin.put("/profile", "{\"offerMail\": \"HOURLY\"}").json().getString("offerMail"));
        long first = Leads.forNordlicht();
        long second = Leads.forNordlicht();
        long taken = Leads.forNordlicht();
        assertEquals(200, rep.post("/leads/" + taken + "/claim", "").status());
        assertEquals(1, offersOf(admin, second).size(), "the bell tells at once");
        assertEquals(1, mailsNaming(REP_ADDRESS, second, true).size(), "the rep, who wants mail at once, has it");
        assertTrue(mailsNaming(ADMIN_ADDRESS, first, false).isEmpty(), "the admin's waits for the hour");

        assertEquals(200, Api.as("portal.admin").put("/admin/clock", "{\"offset\": \"PT1H\"}").status());
        assertEquals(200, Api.as("channel.manager").post("/admin/offers/sweep", "").status());
        List<Mailbox.Mail> digest = mailsNaming(ADMIN_ADDRESS, first, true);
        assertEquals(1, digest.size());
        assertTrue(digest.get(0).text().contains("(no. " + second + ")") || digest.get(0).text().contains("(Nr. " + second + ")"),
                "both leads in one mail: " + digest.get(0).text());
        assertFalse(digest.get(0).text().contains(" " + taken + ")"), "a lead claimed meanwhile is not in it");
    }

    @Test
    void theProfileSaysHowTheUserHearsOfLeadsAndRefusesAnUnknownChoice() {
        JsonObject profile = rep.get("/profile").json();
        assertEquals("north.rep", profile.getString("username"));
        assertEquals("nordlicht", profile.getString("partner"));
        assertEquals(REP_ADDRESS, profile.getString("email"));

        Api.Reply weekly = rep.put("/profile", "{\"offerMail\": \"WEEKLY\"}");
        assertEquals(400, weekly.status(), weekly::toString);
        assertTrue(weekly.toString().contains("offerMail"), weekly::toString);
        Api.Reply unknownField = rep.put("/profile", "{\"offerMail\": \"DAILY\", \"partner\": \"alpenblick\"}");
        assertEquals(400, unknownField.status(), "the partner comes from the sign-in, never from the caller");
        assertEquals("nordlicht", rep.get("/profile").json().getString("partner"));
        assertEquals("DAILY", rep.put("/profile", "{\"offerMail\": \"daily\"}").json().getString("offerMail"));

        JsonObject manager = Api.as("channel.manager").get("/profile").json();
        assertTrue(!manager.containsKey("partner") || manager.isNull("partner"), "the manufacturer's users have no partner: " + manager);
    }
}
