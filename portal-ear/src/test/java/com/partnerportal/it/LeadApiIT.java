package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Leads;
import com.partnerportal.it.support.PortalDeployment;
import com.partnerportal.it.support.Tokens;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LeadApiIT extends PortalDeployment {

    private final Api manager = Api.as("channel.manager");

    private static List<String> errorFields(Api.Reply reply) {
        return reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
    }

    @Test
    void sameSourceAndExternalIdCreatesOneLead() {
        String lead = Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", null);

        Api.Reply first = manager.post("/leads", lead);
        Api.Reply again = manager.post("/leads", lead);

        assertEquals(201, first.status(), first::toString);
        assertEquals(200, again.status(), again::toString);
        assertEquals(first.json().getJsonNumber("id"), again.json().getJsonNumber("id"));
        assertEquals("QUALIFIED", first.json().getString("state"));
        assertEquals("12500.00", first.json().getJsonObject("estimatedRevenue").getString("amount"));
        assertTrue(first.header("Location").endsWith("/api/leads/" + first.json().getJsonNumber("id")));
    }

    @Test
    void concurrentDeliveriesOfOneLeadStoreItOnce() throws Exception {
        String lead = Leads.json("DE-NW", "WIFI-ENTERPRISE", "SMALL", null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Api.Reply> replies = pool.invokeAll(IntStream.range(0, 8)
                    .<Callable<Api.Reply>>mapToObj(i -> () -> manager.post("/leads", lead)).toList())
                    .stream().map(f -> {
                        try {
                            return f.get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }).toList();
            assertEquals(1, replies.stream().filter(r -> r.status() == 201).count(), replies::toString);
            assertEquals(7, replies.stream().filter(r -> r.status() == 200).count(), replies::toString);
            assertEquals(1, replies.stream().map(r -> r.json().getJsonNumber("id")).distinct().count());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void leadWithoutHandoverWaitsUntilTheChannelManagerWritesWhy() {
        String lead = Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", null).replaceFirst(",\\s*\"handover\": \\{[^}]*}", "");
        JsonObject created = manager.post("/leads", lead).json();
        long id = created.getJsonNumber("id").longValue();
        assertEquals("NEW", created.getString("state"));

        Api.Reply refused = manager.post("/leads/" + id + "/publish", "");
        assertEquals(409, refused.status());
        Api.Reply noReason = manager.post("/leads/" + id + "/qualify", "{}");
        assertEquals(400, noReason.status(), noReason::toString);
        assertEquals(List.of("handover.reason"), errorFields(noReason));

        Api.Reply qualified = manager.post("/leads/" + id + "/qualify",
                "{\"reason\": \"ready to buy this quarter\", \"nextStep\": \"call\"}");
        assertEquals("QUALIFIED", qualified.json().getString("state"));
        JsonObject published = manager.post("/leads/" + id + "/publish", "").json();
        assertEquals("PUBLISHED", published.getString("state"));

        List<String> moves = published.getJsonArray("timeline").getValuesAs(JsonObject.class).stream()
                .map(t -> t.getString("to")).toList();
        assertEquals(List.of("NEW", "QUALIFIED", "PUBLISHED"), moves);
        JsonObject last = published.getJsonArray("timeline").getJsonObject(2);
        assertEquals("channel.manager", last.getString("actor"));
        assertEquals("QUALIFIED", last.getString("from"));
    }

    @Test
    void regionOutsideTheStatedCountryGoesToQuarantine() {
        String lead = Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", null).replace("\"country\": \"DE\"", "\"country\": \"AT\"");
        JsonObject created = manager.post("/leads", lead).json();

        assertEquals("QUARANTINE", created.getString("state"));
        JsonObject reason = created.getJsonArray("reviewReasons").getJsonObject(0);
        assertEquals("REGION_OUTSIDE_COUNTRY", reason.getString("code"));
        assertEquals("region DE-HH is not in country AT", reason.getString("detail"));
    }

    @Test
    void badLeadNamesEveryFieldAndStoresNothing() {
        Api.Reply reply = manager.post("/leads", """
                {"source": "it-test", "externalId": "bad-%d",
                 "company": {"name": "X", "sizeClass": "HUGE", "country": "DE", "region": "DE-XX"},
                 "contact": {"email": "not-an-address"}, "product": "TOASTER",
                 "estimatedRevenue": {"amount": "12.345", "currency": "EUR"}}
                """.formatted(System.nanoTime()));

        assertEquals(400, reply.status(), reply::toString);
        assertEquals(List.of("company.sizeClass", "company.region", "contact.email", "product", "estimatedRevenue.amount"),
                errorFields(reply));
    }

    @Test
    void leadIngestServiceDeliversLeads() {
        Api.Reply reply = Api.withToken(Tokens.leadIngest()).post("/leads", Leads.json("AT-9", "SDWAN", "SMALL", null));
        assertEquals(201, reply.status(), reply::toString);
    }

    @Test
    void resellerCannotCreateOrPublish() {
        assertEquals(403, Api.as("north.rep").post("/leads", Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", null)).status());
        long id = manager.post("/leads", Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", null)).json().getJsonNumber("id").longValue();
        assertEquals(403, Api.as("north.admin").post("/leads/" + id + "/publish", "").status());
    }

    @Test
    void nobodyButTheManufacturerReadsAnUnclaimedLead() {
        long id = Leads.forNordlicht();

        assertEquals(200, manager.get("/leads/" + id).status());
        for (String user : List.of("north.rep", "south.rep", "west.rep")) {
            Api.Reply reply = Api.as(user).get("/leads/" + id);
            assertEquals(404, reply.status(), user + ": " + reply);
            assertTrue(!reply.response().body().contains("erika.geheim"));
        }
        assertEquals(404, manager.get("/leads/987654321").status());
    }

    @Test
    void leadsAreSearchedByCompanyAndSortedAsAsked() {
        String name = "Suchbar " + UUID.randomUUID().toString().substring(0, 8);
        for (String prefix : List.of("B ", "A ", "C ")) {
            Api.Reply created = manager.post("/leads", Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", null)
                    .replace("Prüfstand Maschinenbau GmbH", prefix + name));
            assertEquals(201, created.status(), created::toString);
        }
        String q = java.net.URLEncoder.encode(name.toLowerCase(), java.nio.charset.StandardCharsets.UTF_8);
        JsonObject found = manager.get("/leads?q=" + q + "&sort=COMPANY&desc=false").json();
        assertEquals(3, found.getInt("total"));
        assertEquals(List.of("A " + name, "B " + name, "C " + name), found.getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(l -> l.getString("companyName")).toList());
        assertEquals(0, manager.get("/leads?q=" + q + "%25").json().getInt("total"), "a % is a character, not a wildcard");
        assertEquals(400, manager.get("/leads?sort=SHOE_SIZE").status());
    }
}
