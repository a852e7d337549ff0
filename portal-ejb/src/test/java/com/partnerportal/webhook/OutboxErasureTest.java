package com.partnerportal.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.partnerportal.platform.JsonSupport;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A message kept for the delivery log after its prospect was erased holds nothing of the prospect. */
class OutboxErasureTest {

    private static final String MESSAGE = """
            {"type":"lead.stage_changed","timestamp":"2026-12-07T18:00:00Z","data":{"lead":{"id":42,"state":"CONTACTED",
             "company":{"name":"Prüfstand Maschinenbau GmbH","city":"Hamburg"},
             "contact":{"firstName":"Jörg","lastName":"Ölmann","email":"j.oelmann@pruefstand.example","phone":"+49 40 123456"},
             "handover":{"need":"Call JÖRG ÖLMANN back, or mail J.OELMANN@PRUEFSTAND.EXAMPLE","budget":"\\"+49 40 123456\\""},
             "tags":["for Jörg Ölmann", 7],"version":3,"partner":"nordlicht"}}}""";

    private static JsonObject lead(String payload) {
        return JsonSupport.JSON.createReader(new StringReader(payload)).readObject().getJsonObject("data").getJsonObject("lead");
    }

    @Test
    void theContactIsTakenOutAndTheProspectsValuesReplacedInEveryTextIgnoringCase() {
        String erased = Outbox.withoutProspect(MESSAGE, List.of("Jörg Ölmann", "j.oelmann@pruefstand.example", "+49 40 123456"));

        JsonObject lead = lead(erased);
        assertFalse(lead.containsKey("contact"));
        assertEquals("Call [erased] back, or mail [erased]", lead.getJsonObject("handover").getString("need"));
        assertEquals("\"[erased]\"", lead.getJsonObject("handover").getString("budget"));
        assertEquals("for [erased]", lead.getJsonArray("tags").getString(0));
        assertEquals(7, lead.getJsonArray("tags").getInt(1));
        assertEquals("nordlicht", lead.getString("partner"), "the rest of the lead stays as the receiver saw it");
        assertEquals("Prüfstand Maschinenbau GmbH", lead.getJsonObject("company").getString("name"));
        assertEquals("lead.stage_changed", JsonSupport.JSON.createReader(new StringReader(erased)).readObject().getString("type"));
        for (String value : List.of("jörg", "ölmann", "oelmann@", "123456")) {
            assertFalse(erased.toLowerCase().contains(value), value + " is gone: " + erased);
        }
    }

    @Test
    void aMessageWithoutContactStaysReadable() {
        String other = "{\"type\":\"lead.offered\",\"timestamp\":\"t\",\"data\":{\"lead\":{\"id\":1,\"state\":\"PUBLISHED\"}}}";
        assertEquals(lead(other), lead(Outbox.withoutProspect(other, List.of())));
    }
}
