package com.partnerportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.partnerportal.it.support.Api;
import com.partnerportal.it.support.Leads;
import com.partnerportal.it.support.PortalDeployment;
import com.partnerportal.it.support.RoomForNordlicht;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sales kit: the channel manager keeps texts and documents per product and campaign; the partner
 * that claims a lead gets the kit that applies with the claim, downloads a document, and the download
 * is counted. A file is taken by what it is, not by its name.
 */
@ExtendWith(RoomForNordlicht.class)
class SalesKitIT extends PortalDeployment {

    private static final Api manager = Api.as("channel.manager");
    private static final String PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

    private static Api.Reply upload(Api api, Map<String, String> fields, String fileName, byte[] file) {
        String boundary = "kit" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.send("POST", "/sales-kit", "multipart/form-data; boundary=" + boundary, body.toByteArray(), Map.of());
    }

    @Test
    void aRepGetsTheKitOfTheLeadsProductAndCampaignWithTheClaimAndItsDownloadIsCounted() {
        String campaign = "kit-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, manager.put("/campaigns/" + campaign, "{\"name\": \"Kit test\", \"cost\": {\"amount\": \"500.00\", \"currency\": \"EUR\"}}").status());

        Api.Reply text = manager.post("/sales-kit", "{\"title\": \"Why campus switches\", \"campaign\": \"" + campaign
                + "\", \"text\": \"Three arguments: PoE budget, stacking, five years of warranty.\"}");
        assertEquals(201, text.status(), text::toString);
        Api.Reply document = upload(manager, Map.of("title", "Datasheet", "campaign", campaign), "datenblatt.pdf",
                PDF.getBytes(StandardCharsets.US_ASCII));
        assertEquals(201, document.status(), document::toString);
        assertEquals("application/pdf", document.json().getString("contentType"));
        long documentId = document.json().getJsonNumber("id").longValue();

        long id = Leads.published(Leads.json("DE-HH", "SWITCH-CAMPUS", "MEDIUM", "NETWORK-PRO")
                .replace("\"integration-tests\"", "\"" + campaign + "\""));
        Api.Reply claim = Api.as("north.rep").post("/leads/" + id + "/claim", "");
        assertEquals(200, claim.status(), claim::toString);
        assertEquals("erika.geheim@example.com", claim.json().getJsonObject("contact").getString("email"), "the full lead");
        List<String> titles = claim.json().getJsonArray("salesKit").getValuesAs(JsonObject.class).stream()
                .map(k -> k.getString("title")).toList();
        assertTrue(titles.containsAll(List.of("Why campus switches", "Datasheet")), "the kit with the claim: " + titles);
        List<String> onThePage = Api.as("north.rep").get("/leads/" + id + "/sales-kit").array().getValuesAs(JsonObject.class)
                .stream().map(k -> k.getString("title")).toList();
        assertEquals(titles, onThePage, "the same kit on the lead's page");

        Api.Reply download = Api.as("north.rep").send("GET", "/sales-kit/" + documentId + "/content?lead=" + id, null, null,
                Map.of("Accept", "*/*"));
        assertEquals(200, download.status(), download::toString);
        assertEquals(PDF, download.response().body());
        assertTrue(download.header("Content-Type").startsWith("application/pdf"));
        assertTrue(download.header("Content-Disposition").startsWith("attachment"), download.header("Content-Disposition"));

        assertEquals(400, Api.as("north.rep").send("GET", "/sales-kit/" + documentId + "/content", null, null,
                Map.of("Accept", "*/*")).status(), "a partner names the lead it downloads for");
        assertEquals(404, Api.as("south.rep").send("GET", "/sales-kit/" + documentId + "/content?lead=" + id, null, null,
                Map.of("Accept", "*/*")).status(), "another partner's lead: not found");
        assertEquals(404, Api.as("south.rep").get("/leads/" + id + "/sales-kit").status());

        long downloads = manager.get("/sales-kit").array().getValuesAs(JsonObject.class).stream()
                .filter(k -> k.getJsonNumber("id").longValue() == documentId).findFirst().orElseThrow()
                .getJsonNumber("downloads").longValue();
        assertEquals(1, downloads, "the channel manager sees that the datasheet is used");
    }

    @Test
    void aFileIsTakenByWhatItIsAndTheKitByTheChannelManagerOnly() {
        byte[] program = new byte[256];
        program[0] = 'M';
        program[1] = 'Z';
        Api.Reply renamed = upload(manager, Map.of("title", "Flyer", "product", "SDWAN"), "flyer.pdf", program);
        assertEquals(400, renamed.status(), renamed::toString);
        assertTrue(renamed.toString().contains("\"file\""), renamed::toString);

        Api.Reply nowhere = manager.post("/sales-kit", "{\"title\": \"Lost\", \"text\": \"for no lead\"}");
        assertEquals(400, nowhere.status(), nowhere::toString);
        assertTrue(nowhere.toString().contains("\"product\""), nowhere::toString);
        Api.Reply empty = manager.post("/sales-kit", "{\"title\": \"Empty\", \"product\": \"SDWAN\"}");
        assertEquals(400, empty.status(), empty::toString);
        assertTrue(empty.toString().contains("\"text\""), empty::toString);

        assertEquals(403, Api.as("north.rep").post("/sales-kit", "{\"title\": \"Mine\", \"product\": \"SDWAN\", \"text\": \"x\"}").status());
        assertEquals(403, Api.as("north.admin").get("/sales-kit").status());
    }
}
