package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Leads;
import com.partnerportal.it.support.PortalDeployment;
import com.partnerportal.it.support.Receiver;
import com.partnerportal.it.support.RoomForNordlicht;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A partner's CRM follows its leads through signed webhooks: the signature checked by this test's own
 * HMAC, retries until the receiver answers, a receiver that answers 410 disabled, and no event about a
 * lead the partner may not see.
 */
@ExtendWith(RoomForNordlicht.class)
class WebhookIT extends PortalDeployment {

    private final Api admin = Api.as("north.admin");

    @AfterEach
    void realClockAndNoEndpointsLeft() {
        Api.as("portal.admin").put("/admin/clock", "{\"offset\": \"PT0S\"}");
        for (JsonObject endpoint : admin.get("/webhooks").array().getValuesAs(JsonObject.class)) {
            admin.delete("/webhooks/" + endpoint.getJsonNumber("id").longValue());
        }
        for (JsonObject endpoint : Api.as("channel.manager").get("/webhooks").array().getValuesAs(JsonObject.class)) {
            Api.as("channel.manager").delete("/webhooks/" + endpoint.getJsonNumber("id").longValue());
        }
    }

    private static JsonObject register(Api api, String url, String... events) {
        Api.Reply created = api.post("/webhooks", "{\"url\": \"" + url + "\", \"events\": [\"" + String.join("\", \"", events) + "\"]}");
        assertEquals(201, created.status(), created::toString);
        return created.json();
    }

    private static JsonObject body(Receiver.Arrival arrival) {
        return Json.createReader(new StringReader(arrival.body())).readObject();
    }

    private static long leadOf(Receiver.Arrival arrival) {
        return body(arrival).getJsonObject("data").getJsonObject("lead").getJsonNumber("id").longValue();
    }

    /** The signature as this test computes it: Standard Webhooks, HMAC-SHA256 over id.timestamp.body. */
    private static String expectedSignature(String secret, Receiver.Arrival arrival) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signed = arrival.header("webhook-id") + "." + arrival.header("webhook-timestamp") + "." + arrival.body();
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aPartnersCrmHearsOfItsLeadsSignedWithContactOnlyOnceItHoldsThem() throws Exception {
        try (Receiver crm = Receiver.start()) {
            JsonObject endpoint = register(admin, crm.url(), "lead.offered", "lead.claimed", "lead.stage_changed");
            String secret = endpoint.getString("secret");
            assertTrue(secret.startsWith("whsec_"), endpoint::toString);
            assertFalse(admin.get("/webhooks").toString().contains(secret), "the secret is shown once");

            long id = Leads.forNordlicht();
            Receiver.Arrival offered = crm.await(a -> a.body().contains("lead.offered") && leadOf(a) == id, 1, 10).get(0);
            assertEquals(expectedSignature(secret, offered), offered.header("webhook-signature"));
            assertTrue(offered.header("webhook-id").startsWith("msg_"), offered.header("webhook-id"));
            assertTrue(Math.abs(Long.parseLong(offered.header("webhook-timestamp")) - System.currentTimeMillis() / 1000) < 60);
            assertFalse(offered.body().contains("erika.geheim@example.com") || offered.body().contains("9999999"),
                    "no contact before the claim: " + offered.body());
            assertTrue(offered.body().length() < 20_000);

            assertEquals(200, Api.as("north.rep").post("/leads/" + id + "/claim", "").status());
            Receiver.Arrival claimed = crm.await(a -> a.body().contains("lead.claimed") && leadOf(a) == id, 1, 10).get(0);
            assertEquals(expectedSignature(secret, claimed), claimed.header("webhook-signature"));
            assertEquals("erika.geheim@example.com", body(claimed).getJsonObject("data").getJsonObject("lead")
                    .getJsonObject("contact").getString("email"), "the partner holds it now");
            assertFalse(body(claimed).getJsonObject("data").getJsonObject("lead").containsKey("timeline"));

            long other = Leads.published("DE-BY", "SWITCH-CAMPUS", "MEDIUM", null); // alpenblick's region
            assertEquals(200, Api.as("south.rep").post("/leads/" + other + "/claim", "").status());
            assertEquals(200, Api.as("channel.manager").post("/admin/webhooks/deliver", "").status());
            Thread.sleep(1000);
            assertTrue(crm.arrivals().stream().noneMatch(a -> leadOf(a) == other), "nothing about another partner's lead");

            var log = admin.get("/webhooks/" + endpoint.getJsonNumber("id").longValue() + "/deliveries").json()
                    .getJsonArray("items").getValuesAs(JsonObject.class);
            assertTrue(log.stream().anyMatch(d -> d.getString("event").equals("lead.claimed") && d.getString("status").equals("DELIVERED")
                    && d.getInt("attempts") == 1), log::toString);
        }
    }

    @Test
    void aFailedDeliveryIsTriedAgainLaterAndAReceiverThatAnswers410IsDisabled() throws Exception {
        try (Receiver erp = Receiver.start(); Receiver gone = Receiver.start()) {
            JsonObject manufacturer = register(Api.as("channel.manager"), erp.url(), "lead.claimed");
            long endpointId = manufacturer.getJsonNumber("id").longValue();
            erp.answer(500, 503);
            long id = Leads.forNordlicht();
            assertEquals(200, Api.as("north.rep").post("/leads/" + id + "/claim", "").status());
            assertEquals(1, erp.await(a -> leadOf(a) == id, 1, 10).size(), "the first try at once");
            Thread.sleep(500);
            var first = Api.as("channel.manager").get("/webhooks/" + endpointId + "/deliveries").json().getJsonArray("items")
                    .getValuesAs(JsonObject.class).stream().filter(d -> d.getJsonNumber("leadId").longValue() == id).findFirst().orElseThrow();
            assertEquals("PENDING", first.getString("status"), first::toString);
            assertEquals(500, first.getInt("lastStatus"));

            for (String offset : List.of("PT10S", "PT3M")) { // past the first and the second wait
                Api.as("portal.admin").put("/admin/clock", "{\"offset\": \"" + offset + "\"}");
                Api.as("channel.manager").post("/admin/webhooks/deliver", "");
            }
            List<Receiver.Arrival> tries = erp.await(a -> leadOf(a) == id, 3, 10);
            assertEquals(3, tries.size(), "500, 503, then 200");
            assertEquals(1, tries.stream().map(a -> a.header("webhook-id")).distinct().count(), "the same message each time");
            var delivered = Api.as("channel.manager").get("/webhooks/" + endpointId + "/deliveries").json().getJsonArray("items")
                    .getValuesAs(JsonObject.class).stream().filter(d -> d.getJsonNumber("leadId").longValue() == id).findFirst().orElseThrow();
            assertEquals("DELIVERED", delivered.getString("status"), delivered::toString);
            assertEquals(3, delivered.getInt("attempts"));

            JsonObject unwanted = register(admin, gone.url(), "lead.claimed");
            gone.answer(410);
            long next = Leads.forNordlicht();
            assertEquals(200, Api.as("north.rep").post("/leads/" + next + "/claim", "").status());
            gone.await(a -> leadOf(a) == next, 1, 10);
            Thread.sleep(500);
            JsonObject disabled = admin.get("/webhooks").array().getValuesAs(JsonObject.class).stream()
                    .filter(e -> e.getJsonNumber("id").longValue() == unwanted.getJsonNumber("id").longValue()).findFirst().orElseThrow();
            assertFalse(disabled.getBoolean("enabled"), disabled::toString);
            long after = Leads.forNordlicht();
            assertEquals(200, Api.as("north.rep").post("/leads/" + after + "/claim", "").status());
            Thread.sleep(1500);
            assertTrue(gone.arrivals().stream().noneMatch(a -> leadOf(a) == after), "a disabled endpoint hears nothing more");
        }
    }

    @Test
    void aSlowCrmDoesNotHoldUpTheOthers() throws Exception {
        try (Receiver slow = Receiver.start(); Receiver quick = Receiver.start()) {
            slow.slow(Duration.ofSeconds(6));
            register(admin, slow.url(), "lead.offered");
            register(Api.as("channel.manager"), quick.url(), "lead.offered");
            List<Long> ids = List.of(Leads.forNordlicht(), Leads.forNordlicht(), Leads.forNordlicht());
            List<Receiver.Arrival> heard = quick.await(a -> ids.contains(leadOf(a)), 3, 10);
            assertEquals(3, heard.size(), "the manufacturer hears of every lead");
            long slowFirstAnswered = slow.await(a -> ids.contains(leadOf(a)), 1, 10).get(0).atMillis() + 6_000;
            assertTrue(heard.stream().allMatch(a -> a.atMillis() < slowFirstAnswered),
                    "all three arrived before the partner's CRM answered its first: nobody waits in line behind it");
        }
    }

    @Test
    void aBacklogSentByWorkersRacingEachOtherArrivesOnceEach() throws Exception {
        try (Receiver erp = Receiver.start()) {
            register(Api.as("channel.manager"), erp.url(), "lead.offered");
            List<Long> ids = new ArrayList<>();
            erp.answer(java.util.Collections.nCopies(40, 503).toArray(Integer[]::new)); // every first try fails: a backlog of retries
            for (int i = 0; i < 40; i++) {
                ids.add(Leads.forNordlicht());
            }
            assertEquals(ids.size(), erp.await(a -> ids.contains(leadOf(a)), ids.size(), 20).size(), "every first try");
            Thread.sleep(1000); // their failures recorded
            erp.slow(Duration.ofMillis(50)); // the rounds below take from the backlog while each other's requests are under way
            Api.as("portal.admin").put("/admin/clock", "{\"offset\": \"PT10S\"}"); // past the first wait: all due again
            ExecutorService rounds = Executors.newFixedThreadPool(4);
            List<Future<Api.Reply>> asked = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                asked.add(rounds.submit(() -> Api.as("channel.manager").post("/admin/webhooks/deliver", "")));
            }
            for (Future<Api.Reply> round : asked) {
                assertEquals(200, round.get(60, TimeUnit.SECONDS).status());
            }
            rounds.shutdown();
            erp.await(a -> ids.contains(leadOf(a)), 2 * ids.size(), 20);
            Thread.sleep(1000); // a third copy would come now
            List<Receiver.Arrival> all = erp.arrivals().stream().filter(a -> ids.contains(leadOf(a))).toList();
            Map<String, Long> tries = all.stream().collect(java.util.stream.Collectors.groupingBy(a -> a.header("webhook-id"),
                    java.util.stream.Collectors.counting()));
            assertEquals(ids.size(), tries.size(), "one message per lead's offer");
            assertTrue(tries.values().stream().allMatch(n -> n == 2), "each tried twice, the failure and once more, though four "
                    + "workers took from the same backlog: " + tries);
        }
    }

    @Test
    void onlyAPartnersAdminOrTheChannelManagerKeepEndpointsAndEachOnlyItsOwn() {
        assertEquals(403, Api.as("north.rep").post("/webhooks", "{\"url\": \"http://127.0.0.1:1/x\", \"events\": [\"lead.claimed\"]}").status());
        Api.Reply badEvent = admin.post("/webhooks", "{\"url\": \"http://127.0.0.1:1/x\", \"events\": [\"lead.eaten\"]}");
        assertEquals(400, badEvent.status());
        assertTrue(badEvent.toString().contains("events"), badEvent::toString);
        Api.Reply noUrl = admin.post("/webhooks", "{\"events\": [\"lead.claimed\"]}");
        assertEquals(400, noUrl.status());
        assertTrue(noUrl.toString().contains("url"), noUrl::toString);
        JsonObject mine = register(admin, "http://127.0.0.1:1/x", "lead.claimed");
        long id = mine.getJsonNumber("id").longValue();
        assertEquals(404, Api.as("channel.manager").get("/webhooks/" + id + "/deliveries").status(), "not the manufacturer's");
        assertEquals(404, Api.as("channel.manager").delete("/webhooks/" + id).status());
        Api.Reply rotated = admin.post("/webhooks/" + id + "/secret", "");
        assertEquals(200, rotated.status());
        assertFalse(rotated.json().getString("secret").equals(mine.getString("secret")));
    }
    @Test
    void anErasedProspectIsLeftInNoMessageAndAReplayCarriesNothingOfIt() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String name = "Erika Zyx" + tag;
        String email = "p-" + tag + "@example.com";
        String phone = "+49 40 " + (1_000_000 + Math.floorMod(tag.hashCode(), 8_999_999));
        List<String> prospect = List.of(name, email, phone, "Zyx" + tag);
        Api manager = Api.as("channel.manager");
        try (Receiver erp = Receiver.start(); Receiver crm = Receiver.start()) {
            long endpoint = register(manager, erp.url(), "lead.claimed", "lead.withdrawn").getJsonNumber("id").longValue();
            register(admin, crm.url(), "lead.claimed", "lead.withdrawn");
            long id = Leads.published(Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", "NETWORK-PRO")
                    .replace("\"lastName\": \"Geheim\"", "\"lastName\": \"Zyx" + tag + "\"")
                    .replace("erika.geheim@example.com", email).replace("+49 40 9999999", phone));
            assertEquals(200, Api.as("north.rep").post("/leads/" + id + "/claim", "").status());
            Receiver.Arrival claimed = erp.await(a -> a.body().contains("lead.claimed") && leadOf(a) == id, 1, 10).get(0);
            assertTrue(claimed.body().contains(email), "the manufacturer's system hears the contact while it is kept");
            assertTrue(crm.await(a -> a.body().contains("lead.claimed") && leadOf(a) == id, 1, 10).get(0).body().contains(email));

            Api.Reply erased = manager.post("/leads/" + id + "/erasure", "");
            assertEquals(200, erased.status(), erased::toString);
            assertEquals(0, erased.json().getJsonArray("heldIn").size(),
                    "the messages kept for the delivery log hold nothing of the prospect any more: " + erased);
            List<Receiver.Arrival> withdrawn = new ArrayList<>(erp.await(a -> a.body().contains("lead.withdrawn") && leadOf(a) == id, 1, 10));
            withdrawn.addAll(crm.await(a -> a.body().contains("lead.withdrawn") && leadOf(a) == id, 1, 10));

            long delivery = manager.get("/webhooks/" + endpoint + "/deliveries").json().getJsonArray("items")
                    .getValuesAs(JsonObject.class).stream()
                    .filter(d -> d.getJsonNumber("leadId").longValue() == id && d.getString("event").equals("lead.claimed"))
                    .findFirst().orElseThrow().getJsonNumber("id").longValue();
            Api.Reply replayed = manager.post("/webhooks/" + endpoint + "/deliveries/" + delivery + "/replay", "");
            assertEquals(200, replayed.status(), replayed::toString);
            Receiver.Arrival again = erp.await(a -> a.body().contains("lead.claimed") && leadOf(a) == id, 2, 10).get(1);
            assertEquals(claimed.header("webhook-id"), again.header("webhook-id"), "a replay is the same message to the receiver");
            for (Receiver.Arrival after : List.of(withdrawn.get(0), withdrawn.get(1), again)) {
                for (String value : prospect) {
                    assertFalse(after.body().contains(value), value + " went out after the erasure: " + after.body());
                }
                assertFalse(body(after).getJsonObject("data").getJsonObject("lead").containsKey("contact"), after.body());
            }
        }
    }

    @Test
    void theLogKeepsADeliveryForThirtyDaysThenForgetsIt() throws Exception {
        Api manager = Api.as("channel.manager");
        Api operator = Api.as("portal.admin");
        try (Receiver erp = Receiver.start()) {
            long endpoint = register(manager, erp.url(), "lead.claimed").getJsonNumber("id").longValue();
            long id = Leads.forNordlicht();
            assertEquals(200, Api.as("north.rep").post("/leads/" + id + "/claim", "").status());
            erp.await(a -> leadOf(a) == id, 1, 10);
            java.util.function.Supplier<List<String>> logged = () -> manager.get("/webhooks/" + endpoint + "/deliveries").json()
                    .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .filter(d -> d.getJsonNumber("leadId").longValue() == id).map(d -> d.getString("status")).toList();
            long until = System.currentTimeMillis() + 10_000;
            while (!logged.get().equals(List.of("DELIVERED")) && System.currentTimeMillis() < until) {
                Thread.sleep(100);
            }
            assertEquals(List.of("DELIVERED"), logged.get());

            assertEquals(403, manager.post("/admin/webhooks/retention", "").status(), "the operator's to run");
            assertEquals(200, operator.put("/admin/clock", "{\"offset\": \"P29D\"}").status());
            assertEquals(200, operator.post("/admin/webhooks/retention", "").status());
            assertEquals(List.of("DELIVERED"), logged.get(), "kept for 30 days");

            assertEquals(200, operator.put("/admin/clock", "{\"offset\": \"P31D\"}").status());
            Api.Reply forgot = operator.post("/admin/webhooks/retention", "");
            assertEquals(200, forgot.status(), forgot::toString);
            assertTrue(forgot.json().getInt("deleted") >= 1, forgot::toString);
            assertEquals(List.of(), logged.get(), "gone after 30 days, its copy of the lead with it");
        }
    }
}
