package com.partnerportal.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FollowUpMailTest {

    private static final FollowUpMarks.Reminder REMINDER = new FollowUpMarks.Reminder(42, "Prüfstand Maschinenbau GmbH",
            Instant.parse("2026-12-01T13:00:00Z"), "north.rep");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aGermanUserReadsGermanWithTheTimeInThePortalsZone() {
        FollowUpMail mail = FollowUpMail.of(REMINDER, "Nora Nord", "de", BERLIN);
        assertEquals("Wiedervorlage fällig: Prüfstand Maschinenbau GmbH", mail.subject());
        assertTrue(mail.text().startsWith("Hallo Nora Nord,"), mail.text());
        assertTrue(mail.text().contains("14:00"), mail.text());
        assertTrue(mail.text().contains("/lead/42\n"), mail.text());
    }

    @Test
    void anyOtherLanguageReadsEnglish() {
        FollowUpMail mail = FollowUpMail.of(REMINDER, "Nora Nord", "fr", BERLIN);
        assertEquals("Follow-up due: Prüfstand Maschinenbau GmbH", mail.subject());
        assertTrue(mail.text().contains("2:00"), mail.text());
        assertTrue(mail.text().contains("http://localhost:8080/portal/lead/42"), mail.text());
    }
}
