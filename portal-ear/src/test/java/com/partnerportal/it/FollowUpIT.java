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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Follow-ups: who sees which as due, and the reminder that goes out once, by mail and in the portal. */
@ExtendWith(RoomForNordlicht.class)
class FollowUpIT extends PortalDeployment {

    private static final String REP_ADDRESS = "north.rep@partner-portal.example";

    private final Api rep = Api.as("north.rep");
    private final Api admin = Api.as("portal.admin");

    @AfterAll
    static void restore() {
        Api.as("portal.admin").put("/admin/clock", "{\"offset\": \"PT0S\"}");
    }

    /** A lead north.rep claimed, with a follow-up {@code in} from now. */
    private long claimedWithFollowUpIn(Duration in) {
        long id = Leads.forNordlicht();
        Api.Reply claim = rep.post("/leads/" + id + "/claim", "");
        assertEquals(200, claim.status(), claim::toString);
        followUpAt(id, Instant.now().plus(in));
        return id;
    }

    private void followUpAt(long id, Instant at) {
        byte[] patch = ("{\"followUpAt\": \"" + at.truncatedTo(ChronoUnit.SECONDS) + "\"}").getBytes(StandardCharsets.UTF_8);
        Api.Reply changed = rep.send("PATCH", "/leads/" + id, "application/merge-patch+json", patch, Map.of());
        assertEquals(200, changed.status(), changed::toString);
    }

    /** Every item of a paged list, page by page. */
    private static List<JsonObject> all(Api api, String path) {
        List<JsonObject> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            Api.Reply reply = api.get(path + (path.contains("?") ? "&" : "?") + "size=100&page=" + page);
            assertEquals(200, reply.status(), reply::toString);
            List<JsonObject> some = reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
            items.addAll(some);
            if (some.size() < 100) {
                return items;
            }
        }
    }

    private static boolean listed(Api api, String due, long leadId) {
        return all(api, "/follow-ups?due=" + due).stream().anyMatch(f -> f.getJsonNumber("leadId").longValue() == leadId);
    }

    /** The follow-up reminders among the notifications about the lead (it was offered to the partner before, too). */
    private static List<JsonObject> notificationsAbout(Api api, long leadId, String unread) {
        return all(api, "/notifications?unread=" + unread).stream()
                .filter(n -> "FOLLOW_UP_DUE".equals(n.getString("type")))
                .filter(n -> !n.isNull("leadId") && n.getJsonNumber("leadId").longValue() == leadId).toList();
    }

    private static List<Mailbox.Mail> remindersOf(long leadId) {
        Pattern link = Pattern.compile("(?s).*http://localhost:8080/portal/lead/" + leadId + "(\\s.*)?");
        return Mailbox.of(REP_ADDRESS).stream().filter(m -> link.matcher(m.text()).matches()).toList();
    }

    private static List<String> errorFields(Api.Reply reply) {
        return reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
    }

    /** Moves the clock {@code offset} ahead and sweeps from two threads at once, twice; the clock goes back after. */
    private void sweepTwiceFromTwoThreadsAfter(String offset) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            assertEquals(200, admin.put("/admin/clock", "{\"offset\": \"" + offset + "\"}").status());
            for (int round = 0; round < 2; round++) {
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Api.Reply>> sweeps = new ArrayList<>();
                for (int thread = 0; thread < 2; thread++) {
                    sweeps.add(threads.submit(() -> {
                        together.await();
                        return admin.post("/admin/follow-ups/sweep", "");
                    }));
                }
                for (Future<Api.Reply> sweep : sweeps) {
                    Api.Reply reply = sweep.get();
                    assertEquals(200, reply.status(), reply::toString);
                }
            }
        } finally {
            admin.put("/admin/clock", "{\"offset\": \"PT0S\"}");
            threads.shutdownNow();
        }
    }

    @Test
    void aFollowUpThisWeekIsDueForItsRepThePartnersAdminAndTheChannelManagerNotForAnotherPartner() {
        long id = claimedWithFollowUpIn(Duration.ofHours(1));

        assertTrue(listed(rep, "week", id), "north.rep's own follow-up");
        assertTrue(listed(rep, "WEEK", id), "the due window is read in any case");
        assertTrue(listed(Api.as("north.admin"), "week", id), "north.admin sees its partner's follow-ups");
        assertTrue(listed(Api.as("channel.manager"), "week", id), "the channel manager sees all");
        assertFalse(listed(Api.as("south.rep"), "week", id), "south.rep works for another partner");
        assertFalse(listed(rep, "overdue", id), "an hour ahead is not overdue");

        JsonObject item = all(rep, "/follow-ups?due=week").stream()
                .filter(f -> f.getJsonNumber("leadId").longValue() == id).findFirst().orElseThrow();
        assertEquals("north.rep", item.getString("assignee"));
        assertEquals("nordlicht", item.getString("partner"));
        assertEquals("CLAIMED", item.getString("state"));
        assertFalse(item.toString().contains("Geheim"), "no contact data in a follow-up: " + item);
    }

    @Test
    void aBadDueWindowIs400NamingDueAndOnlyWorkersSeeFollowUps() {
        Api.Reply bad = rep.get("/follow-ups?due=bogus");
        assertEquals(400, bad.status(), bad::toString);
        assertEquals(List.of("due"), errorFields(bad));
        assertEquals(403, admin.get("/follow-ups").status());
        assertEquals(403, rep.post("/admin/follow-ups/sweep", "").status());
    }

    @Test
    void theReminderGoesOutOnceThoughTwoSweepsRunAtOnceTwice() throws Exception {
        assertEquals(200, rep.get("/notifications").status()); // the portal knows north.rep and its address from now on
        long id = claimedWithFollowUpIn(Duration.ofHours(1));

        sweepTwiceFromTwoThreadsAfter("PT2H");

        List<Mailbox.Mail> mails = remindersOf(id);
        assertEquals(1, mails.size(), mails::toString);
        Mailbox.Mail mail = mails.get(0);
        assertTrue(mail.subject().contains("Prüfstand Maschinenbau GmbH"), mail::toString);
        assertFalse(mail.text().contains("Geheim") || mail.text().contains("erika.geheim") || mail.text().contains("9999999"),
                "no contact data in a mail: " + mail);

        List<JsonObject> unread = notificationsAbout(rep, id, "true");
        assertEquals(1, unread.size(), unread::toString);
        JsonObject notification = unread.get(0);
        assertEquals("FOLLOW_UP_DUE", notification.getString("type"));
        assertFalse(notification.getBoolean("read"));
        long notificationId = notification.getJsonNumber("id").longValue();

        assertEquals(404, Api.as("south.rep").post("/notifications/" + notificationId + "/read", "").status());
        assertEquals(204, rep.post("/notifications/" + notificationId + "/read", "").status());
        assertEquals(204, rep.post("/notifications/" + notificationId + "/read", "").status(), "reading again changes nothing");
        assertTrue(notificationsAbout(rep, id, "true").isEmpty());
        List<JsonObject> read = notificationsAbout(rep, id, "false");
        assertEquals(1, read.size(), read::toString);
        assertTrue(read.get(0).getBoolean("read"));
    }

    @Test
    void aNewFollowUpTimeGetsItsOwnReminder() throws Exception {
        assertEquals(200, rep.get("/notifications").status());
        long id = claimedWithFollowUpIn(Duration.ofHours(1));
        sweepTwiceFromTwoThreadsAfter("PT2H");
        assertEquals(1, remindersOf(id).size());

        followUpAt(id, Instant.now().plus(Duration.ofHours(3)));
        sweepTwiceFromTwoThreadsAfter("PT4H");

        assertEquals(2, remindersOf(id).size());
        assertEquals(2, notificationsAbout(rep, id, "true").size());
    }
}
