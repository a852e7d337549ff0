package com.partnerportal.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Instant FIRST = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void waitsGrowWithJitterOverAboutThreeDaysThenGiveUp() {
        Instant at = FIRST;
        int tries = 1;
        for (Instant next = Backoff.next(tries, at, null, FIRST); next != null; next = Backoff.next(++tries, at, null, FIRST)) {
            Duration wait = Duration.between(at, next);
            Duration planned = Backoff.WAITS.get(tries - 1);
            assertTrue(wait.compareTo(planned) >= 0 && wait.compareTo(planned.multipliedBy(11).dividedBy(10)) <= 0,
                    "try " + tries + " waits " + wait + " for " + planned);
            at = next;
        }
        assertEquals(11, tries, "ten retries after the first try");
        Duration span = Duration.between(FIRST, at);
        assertTrue(span.compareTo(Duration.ofHours(66)) > 0 && span.compareTo(Duration.ofHours(80)) < 0, "about three days: " + span);
    }

    @Test
    void aReceiversRetryAfterIsHonouredButNotBeyondTheThreeDays() {
        Instant now = FIRST.plusSeconds(30);
        assertEquals(now.plusSeconds(120), Backoff.next(1, now, Duration.ofSeconds(120), FIRST));
        assertNull(Backoff.next(2, now, Duration.ofDays(10), FIRST));
        assertEquals(Duration.ofSeconds(7), WebhookClient.retryAfter("7"));
        assertNull(WebhookClient.retryAfter("soon"));
    }
}
