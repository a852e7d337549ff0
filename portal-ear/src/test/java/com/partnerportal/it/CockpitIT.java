package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Leads;
import com.partnerportal.it.support.PortalDeployment;
import com.partnerportal.it.support.RoomForNordlicht;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cockpit over a campaign of its own: five leads that end in every way a lead ends. Each
 * number equals the total of its drill-down, a partner sees its own numbers only, and the export
 * neutralises formulas.
 */
@ExtendWith(RoomForNordlicht.class)
class CockpitIT extends PortalDeployment {

    private static final String CAMPAIGN = "it-cockpit-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String FORMULA = "=HYPERLINK(\\\"http://evil.example\\\",\\\"click\\\")";

    private static final Api manager = Api.as("channel.manager");
    private static final Api rep = Api.as("north.rep");

    @BeforeAll
    static void fiveLeadsOfOneCampaign() {
        assertEquals(201, manager.put("/campaigns/" + CAMPAIGN,
                "{\"name\": \"Cockpit test\", \"cost\": {\"amount\": \"2000.00\", \"currency\": \"EUR\"}, \"from\": \"2026-01-01\"}").status());
        long waiting = lead(FORMULA);
        long contacted = claimed();
        ok(rep.post("/leads/" + contacted + "/activities", "{\"kind\": \"CALL\", \"note\": \"reached\"}"));
        long won = claimed();
        ok(rep.patch("/leads/" + won, "{\"stage\": \"WON\", \"wonRevenue\": {\"amount\": \"10000.00\", \"currency\": \"EUR\"}}"));
        long lost = claimed();
        ok(rep.patch("/leads/" + lost, "{\"stage\": \"LOST\", \"lossReasonCode\": \"PRICE\"}"));
        long returned = claimed();
        ok(rep.post("/leads/" + returned + "/return", "{\"reasonCode\": \"NO_CAPACITY\"}"));
        assertTrue(waiting > 0);
    }

    private static long lead(String company) {
        return Leads.published(Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", "NETWORK-PRO")
                .replace("\"integration-tests\"", "\"" + CAMPAIGN + "\"")
                .replace("Prüfstand Maschinenbau GmbH", company));
    }

    private static long claimed() {
        long id = lead("Cockpit Prüfstand GmbH");
        ok(rep.post("/leads/" + id + "/claim", ""));
        return id;
    }

    private static void ok(Api.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
    }

    private static Map<String, Long> funnel(JsonObject summary) {
        Map<String, Long> funnel = new HashMap<>();
        summary.getJsonArray("funnel").getValuesAs(JsonObject.class)
                .forEach(s -> funnel.put(s.getString("stage"), s.getJsonNumber("count").longValue()));
        return funnel;
    }

    private static long total(Api api, String query) {
        Api.Reply reply = api.get("/cockpit/leads?campaign=" + CAMPAIGN + "&" + query);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonNumber("total").longValue();
    }

    @Test
    void theChannelSeesEveryWayALeadEndsAndEachNumberIsItsLeads() {
        Api.Reply reply = manager.get("/cockpit/summary?campaign=" + CAMPAIGN);
        assertEquals(200, reply.status(), reply::toString);
        JsonObject summary = reply.json();
        assertEquals(Map.of("PUBLISHED", 5L, "CLAIMED", 4L, "CONTACTED", 2L, "SALES_QUALIFIED", 1L, "PROPOSAL", 1L,
                "WON", 1L, "LOST", 1L), funnel(summary));
        assertEquals("10000.00", summary.getJsonObject("wonRevenue").getString("amount"));
        assertEquals("EUR", summary.getJsonObject("wonRevenue").getString("currency"));
        assertEquals("[{\"code\":\"PRICE\",\"count\":1}]", summary.getJsonArray("lossReasons").toString());
        assertEquals("[{\"code\":\"NO_CAPACITY\",\"count\":1}]", summary.getJsonArray("returnReasons").toString());
        JsonObject campaign = summary.getJsonArray("campaigns").getJsonObject(0);
        assertEquals(CAMPAIGN, campaign.getString("campaign"));
        assertEquals(5, campaign.getInt("leads"));
        assertEquals(1, campaign.getInt("won"));
        assertEquals("2000.00", campaign.getJsonObject("cost").getString("amount"));
        assertEquals(4.0, campaign.getJsonNumber("roi").doubleValue(), 0.001, "(10000 - 2000) / 2000");
        assertTrue(summary.getJsonObject("hoursToClaim").containsKey("median"));
        for (String unset : List.of("partner", "region", "product")) {
            assertTrue(summary.containsKey(unset) && summary.isNull(unset), "a filter not set is null, as the contract shows: " + unset);
        }

        for (var stage : funnel(summary).entrySet()) {
            assertEquals(stage.getValue(), total(manager, "stage=" + stage.getKey()), stage.getKey());
        }
        assertEquals(1, total(manager, "lossReason=PRICE"));
        assertEquals(1, total(manager, "returnReason=NO_CAPACITY"));
        assertEquals(5, total(manager, ""));
        for (String[] slices : new String[][] {{"byPartner", "partner"}, {"byRegion", "region"}, {"byProduct", "product"}}) {
            for (JsonObject slice : summary.getJsonArray(slices[0]).getValuesAs(JsonObject.class)) {
                String key = slice.getString("key");
                assertEquals(slice.getJsonNumber("leads").longValue(), total(manager, slices[1] + "=" + key), slices[0] + " " + key);
                assertEquals(slice.getJsonNumber("won").longValue(), total(manager, slices[1] + "=" + key + "&stage=WON"),
                        slices[0] + " " + key + " won");
            }
        }
    }

    @Test
    void theKeptFiguresEqualTheSameFiguresCountedOverTheLeads() {
        String twoYears = "from=" + java.time.LocalDate.now().minusYears(2) + "&to=" + java.time.LocalDate.now();
        for (String view : List.of("", "campaign=" + CAMPAIGN, "partner=nordlicht", "region=DE", "region=DE-HH",
                "product=SWITCH-CAMPUS&campaign=" + CAMPAIGN, "partner=nordlicht&region=DE", twoYears)) {
            Api.Reply reply = manager.get("/cockpit/check?" + view);
            assertEquals(200, reply.status(), reply::toString);
            assertEquals("[]", reply.json().getJsonArray("differences").toString(), view + ": " + reply);
            assertTrue(reply.json().getBoolean("equal"));
        }
        assertEquals(403, rep.get("/cockpit/check").status(), "the check is the channel manager's");
    }

    @Test
    void aMoveCountsInTheNextSummaryAtOnce() {
        String campaign = CAMPAIGN + "-now";
        long id = Leads.published(Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", "NETWORK-PRO")
                .replace("\"integration-tests\"", "\"" + campaign + "\""));
        assertEquals(Map.of("PUBLISHED", 1L, "CLAIMED", 0L, "CONTACTED", 0L, "SALES_QUALIFIED", 0L, "PROPOSAL", 0L,
                "WON", 0L, "LOST", 0L), funnel(manager.get("/cockpit/summary?campaign=" + campaign).json()));
        ok(rep.post("/leads/" + id + "/claim", ""));
        assertEquals(1L, funnel(manager.get("/cockpit/summary?campaign=" + campaign).json()).get("CLAIMED"));
        ok(rep.post("/leads/" + id + "/return", "{\"reasonCode\": \"NO_CAPACITY\"}"));
        JsonObject after = manager.get("/cockpit/summary?campaign=" + campaign).json();
        assertEquals("[{\"code\":\"NO_CAPACITY\",\"count\":1}]", after.getJsonArray("returnReasons").toString());
        assertEquals(1L, funnel(after).get("CLAIMED"), "it got as far as the claim");
    }

    @Test
    void aPartnerListsTheLeadsItGaveBackWithoutLearningWhoHoldsThemNow() {
        Api.Reply returned = rep.get("/cockpit/leads?campaign=" + CAMPAIGN + "&returnReason=NO_CAPACITY");
        JsonObject item = returned.json().getJsonArray("items").getJsonObject(0);
        assertEquals("RETURNED", item.getString("state"));
        for (String hidden : List.of("partner", "assignee", "contact", "wonRevenue", "expectedRevenue", "lossReasonCode")) {
            assertTrue(!item.containsKey(hidden) || item.isNull(hidden), hidden + " of a lead it no longer holds: " + item);
        }
        JsonObject campaign = rep.get("/cockpit/summary?campaign=" + CAMPAIGN).json().getJsonArray("campaigns").getJsonObject(0);
        for (String hidden : List.of("cost", "roi")) {
            assertTrue(!campaign.containsKey(hidden) || campaign.isNull(hidden), "what a campaign cost is the manufacturer's: " + campaign);
        }
    }

    @Test
    void aPartnerSeesItsOwnNumbersOnlyWhateverItAsks() {
        JsonObject own = rep.get("/cockpit/summary?campaign=" + CAMPAIGN).json();
        assertEquals("nordlicht", own.getString("partner"));
        Map<String, Long> funnel = funnel(own);
        assertEquals(3L, funnel.get("PUBLISHED"), "the leads nordlicht holds: contacted, won, lost");
        assertEquals(1L, funnel.get("WON"));
        assertEquals("[{\"code\":\"NO_CAPACITY\",\"count\":1}]", own.getJsonArray("returnReasons").toString(), "its own return");
        for (var stage : funnel.entrySet()) {
            assertEquals(stage.getValue(), total(rep, "stage=" + stage.getKey()), stage.getKey());
        }
        assertEquals(1, total(rep, "returnReason=NO_CAPACITY"));

        for (String path : List.of("/cockpit/summary", "/cockpit/leads", "/cockpit/export")) {
            Api.Reply other = rep.get(path + "?partner=alpenblick&campaign=" + CAMPAIGN);
            assertEquals(403, other.status(), path + ": " + other);
        }
        JsonObject south = Api.as("south.rep").get("/cockpit/summary?campaign=" + CAMPAIGN).json();
        assertEquals(0L, funnel(south).get("PUBLISHED"), "alpenblick holds none of them");
        assertEquals(0, Api.as("south.rep").get("/cockpit/leads?campaign=" + CAMPAIGN + "&returnReason=NO_CAPACITY")
                .json().getInt("total"), "nordlicht's return is not alpenblick's");
        assertEquals(403, Api.as("portal.admin").get("/cockpit/summary").status());
    }

    @Test
    void badFiltersAreNamed() {
        assertEquals(List.of("from"), fields(manager.get("/cockpit/summary?from=2026-13-01")));
        assertEquals(List.of("to"), fields(manager.get("/cockpit/summary?from=2026-06-01&to=2026-05-01")));
        assertEquals(List.of("stage"), fields(manager.get("/cockpit/leads?stage=QUALIFIED")));
        assertEquals(List.of("partner"), fields(manager.get("/cockpit/summary?partner=nobody")));
        assertEquals(List.of("region"), fields(manager.get("/cockpit/summary?region=XX-99")));
        assertEquals(List.of("format"), fields(manager.get("/cockpit/export?format=pdf")));
        assertEquals(List.of("size"), fields(manager.get("/cockpit/leads?size=1000")));
    }

    private static List<String> fields(Api.Reply reply) {
        assertEquals(400, reply.status(), reply::toString);
        return reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream().map(e -> e.getString("field")).toList();
    }

    @Test
    void exportsNeutraliseFormulasAndShowContactOnlyWhereTheCallerMaySee() throws Exception {
        String csv = download("channel.manager", "csv");
        assertTrue(csv.contains("'=HYPERLINK("), csv);
        assertFalse(csv.contains(",=HYPERLINK"), "no cell starts with =");
        assertEquals(6, csv.strip().split("\r\n").length, "a header and five leads");
        assertTrue(csv.contains("erika.geheim@example.com"));

        String partners = download("north.rep", "csv");
        assertEquals(4, partners.strip().split("\r\n").length, "a header and nordlicht's three leads");
        assertFalse(partners.contains("HYPERLINK"), "leads of other holders are not in it");

        String sheet = download("channel.manager", "xlsx");
        assertTrue(sheet.contains("'=HYPERLINK("), "the spreadsheet holds the formula as text");
    }

    /** The export as text: a CSV as it is, an XLSX as the text of its parts. */
    private static String download(String user, String format) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(Api.PORTAL + "/api/cockpit/export?format=" + format + "&campaign=" + CAMPAIGN))
                .header("Authorization", "Bearer " + com.partnerportal.it.support.Tokens.of(user)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        if (format.equals("csv")) {
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            return new String(response.body(), StandardCharsets.UTF_8);
        }
        // read through the central directory, as spreadsheet programs do
        java.nio.file.Path file = java.nio.file.Files.createTempFile("cockpit", ".xlsx");
        java.nio.file.Files.write(file, response.body());
        StringBuilder text = new StringBuilder();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                text.append(new String(zip.getInputStream(entries.nextElement()).readAllBytes(), StandardCharsets.UTF_8));
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        assertTrue(text.length() > 0, "an XLSX is a zip of XML parts");
        return text.toString().replace("&apos;", "'").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
