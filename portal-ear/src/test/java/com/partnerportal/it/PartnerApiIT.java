package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Capacity;
import com.partnerportal.it.support.PortalDeployment;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PartnerApiIT extends PortalDeployment {

    private static List<String> keys(Api.Reply reply) {
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("key")).toList();
    }

    private static List<String> errorFields(Api.Reply reply) {
        return reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
    }

    @Test
    void channelManagerSeesAllDemoPartners() {
        Api.Reply reply = Api.as("channel.manager").get("/partners?size=100");

        assertEquals(200, reply.status(), reply::toString);
        assertTrue(keys(reply).containsAll(List.of("nordlicht", "alpenblick", "rheinwerk")), reply::toString);
        assertTrue(reply.json().getInt("total") >= 3);
    }

    @Test
    void partnerProfileCarriesTheContractFields() {
        JsonObject nordlicht = Api.as("channel.manager").get("/partners/nordlicht").json();

        assertEquals("GOLD", nordlicht.getString("tier"));
        assertEquals(List.of("DE-HB", "DE-HH", "DE-NI", "DE-SH"),
                nordlicht.getJsonArray("regions").getValuesAs(JsonString::getString));
        assertEquals(List.of("NETWORK-PRO", "SECURITY-PRO"),
                nordlicht.getJsonArray("certifications").getValuesAs(JsonString::getString));
        assertTrue(nordlicht.containsKey("capacity") && nordlicht.containsKey("sizeFocus") && nordlicht.containsKey("products"));
    }

    @Test
    void resellerListsOnlyItsOwnPartner() {
        Api.Reply reply = Api.as("south.rep").get("/partners");

        assertEquals(200, reply.status());
        assertEquals(List.of("alpenblick"), keys(reply));
        assertEquals(1, reply.json().getInt("total"));
    }

    @Test
    void resellerGets404ForAnotherPartner() {
        Api.Reply reply = Api.as("north.rep").get("/partners/alpenblick");

        assertEquals(404, reply.status());
        assertEquals("application/problem+json", reply.header("Content-Type"));
        assertEquals(200, Api.as("north.rep").get("/partners/nordlicht").status());
    }

    @Test
    void filterByRegionFindsPartnersWhoseCountryCoversIt() {
        List<String> viennese = keys(Api.as("channel.manager").get("/partners?region=AT-9&size=100"));

        assertTrue(viennese.contains("alpenblick"), viennese::toString);
        assertTrue(!viennese.contains("nordlicht"), viennese::toString);
    }

    @Test
    void resellerAdminKeepsOwnAvailability() {
        int before = Capacity.of("nordlicht");
        Api admin = Api.as("north.admin");
        Api.Reply reply = admin.put("/partners/nordlicht/availability",
                "{\"capacity\": 12, \"absentFrom\": \"2027-01-04\", \"absentUntil\": \"2027-01-08\"}");

        assertEquals(200, reply.status(), reply::toString);
        JsonObject stored = Api.as("channel.manager").get("/partners/nordlicht").json();
        assertEquals(12, stored.getInt("capacity"));
        assertEquals("2027-01-04", stored.getString("absentFrom"));
        assertEquals("2027-01-08", stored.getString("absentUntil"));

        assertEquals(200, admin.put("/partners/nordlicht/availability", "{\"capacity\": " + before + "}").status());
        assertTrue(!Api.as("channel.manager").get("/partners/nordlicht").json().containsKey("absentFrom"));
    }

    @Test
    void salesRepMayNotChangeAvailability() {
        Api.Reply reply = Api.as("north.rep").put("/partners/nordlicht/availability", "{\"capacity\": 99}");

        assertEquals(403, reply.status());
        assertEquals("application/problem+json", reply.header("Content-Type"));
    }

    @Test
    void resellerAdminCannotTouchAnotherPartner() {
        int before = Capacity.of("alpenblick");
        Api.Reply reply = Api.as("north.admin").put("/partners/alpenblick/availability", "{\"capacity\": 0}");

        assertEquals(404, reply.status());
        assertEquals(before, Capacity.of("alpenblick"));
    }

    @Test
    void invalidAvailabilityNamesEachFieldAndStoresNothing() {
        int before = Api.as("channel.manager").get("/partners/rheinwerk").json().getInt("capacity");

        Api.Reply reply = Api.as("channel.manager").put("/partners/rheinwerk/availability",
                "{\"capacity\": -1, \"absentFrom\": \"2027-02-10\", \"absentUntil\": \"2027-02-01\"}");

        assertEquals(400, reply.status());
        assertEquals("application/problem+json", reply.header("Content-Type"));
        assertEquals(List.of("capacity", "absentUntil"), errorFields(reply));
        JsonObject after = Api.as("channel.manager").get("/partners/rheinwerk").json();
        assertEquals(before, after.getInt("capacity"));
        assertTrue(!after.containsKey("absentFrom"));
    }

    @Test
    void problemMessagesFollowTheRequestedLanguage() {
        Api manager = Api.as("channel.manager");
        Api.Reply english = manager.inLanguage("en").put("/partners/rheinwerk/availability", "{}");
        Api.Reply german = manager.inLanguage("de-DE,de;q=0.9").put("/partners/rheinwerk/availability", "{}");

        assertEquals(400, english.status());
        assertEquals("is required", english.json().getJsonArray("errors").getJsonObject(0).getString("message"));
        assertEquals("ist erforderlich", german.json().getJsonArray("errors").getJsonObject(0).getString("message"));
    }

    @Test
    void channelManagerCreatesPartnerOnceAndItsKeyStaysUnique() {
        String key = "test-" + UUID.randomUUID().toString().substring(0, 8);
        String profile = """
                {"key": "%s", "name": "Test Systemhaus", "tier": "SILVER", "regions": ["DE-BE", "at"],
                 "certifications": ["CLOUD-PRO"], "products": ["SDWAN"], "sizeFocus": ["SMALL", "MEDIUM"],
                 "capacity": 7}""".formatted(key);
        Api manager = Api.as("channel.manager");

        Api.Reply created = manager.post("/partners", profile);
        assertEquals(201, created.status(), created::toString);
        assertTrue(created.header("Location").endsWith("/api/partners/" + key));
        assertEquals(List.of("AT", "DE-BE"), manager.get("/partners/" + key).json()
                .getJsonArray("regions").getValuesAs(JsonString::getString));

        Api.Reply again = manager.post("/partners", profile);
        assertEquals(400, again.status());
        assertEquals(List.of("key"), errorFields(again));
    }

    @Test
    void invalidProfileNamesEveryBadField() {
        Api.Reply reply = Api.as("channel.manager").post("/partners", """
                {"key": "Bad Key", "name": "", "tier": "PLATINUM", "regions": ["DE-HH", "XX-99"],
                 "sizeFocus": ["HUGE"], "capacity": 5}""");

        assertEquals(400, reply.status());
        assertEquals(List.of("key"), errorFields(reply));

        Api.Reply second = Api.as("channel.manager").post("/partners", """
                {"key": "fine-key", "name": "", "tier": "PLATINUM", "regions": ["DE-HH", "XX-99"],
                 "sizeFocus": ["HUGE"], "capacity": 5}""");
        assertEquals(List.of("name", "tier", "regions[1]", "sizeFocus[0]"), errorFields(second));
        assertEquals(404, Api.as("channel.manager").get("/partners/fine-key").status());
    }

    @Test
    void resellerMayNotCreateOrEditProfiles() {
        assertEquals(403, Api.as("north.admin").post("/partners", "{}").status());
        assertEquals(403, Api.as("north.admin").put("/partners/nordlicht", "{}").status());
    }

    @Test
    void unreadableJsonIsAProblemNotAnError() {
        Api.Reply reply = Api.as("channel.manager").put("/partners/rheinwerk/availability", "{\"capacity\": ");
        assertEquals(400, reply.status());
        assertEquals("application/problem+json", reply.header("Content-Type"));
    }

    @Test
    void pageSizeIsLimited() {
        Api.Reply reply = Api.as("channel.manager").get("/partners?size=101");
        assertEquals(400, reply.status());
        assertEquals(List.of("size"), errorFields(reply));
    }

    @Test
    void concurrentAvailabilityChangesNeverFailOrMix() throws Exception {
        int before = Capacity.of("rheinwerk");
        Api admin = Api.as("channel.manager");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            var replies = pool.invokeAll(java.util.stream.IntStream.range(0, 16).<java.util.concurrent.Callable<Api.Reply>>mapToObj(i ->
                    () -> admin.put("/partners/rheinwerk/availability", "{\"capacity\": " + (100 + i) + "}")).toList());
            for (var reply : replies) {
                int status = reply.get().status();
                assertTrue(status == 200 || status == 409, reply.get()::toString);
            }
        } finally {
            pool.shutdown();
        }
        int capacity = Api.as("channel.manager").get("/partners/rheinwerk").json().getInt("capacity");
        assertTrue(capacity >= 100 && capacity < 116, "capacity " + capacity);
        Capacity.set("rheinwerk", before);
    }
}
