package com.partnerportal.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DueTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Tuesday, 1 December 2026, 09:30 in Berlin (CET, UTC+1). */
    private static final Instant NOW = Instant.parse("2026-12-01T08:30:00Z");

    @Test
    void todayStartsAtMidnightInThePortalsZoneNotInUtc() {
        Due.Window today = Due.TODAY.window(NOW, BERLIN);
        assertEquals(Instant.parse("2026-11-30T23:00:00Z"), today.from());
        assertEquals(Instant.parse("2026-12-01T23:00:00Z"), today.until());
        assertTrue(today.contains(Instant.parse("2026-11-30T23:30:00Z")), "00:30 in Berlin is today, though UTC says yesterday");
        assertFalse(today.contains(Instant.parse("2026-12-01T23:00:00Z")), "midnight in Berlin is tomorrow");
    }

    @Test
    void overdueIsEverythingBeforeTheStartOfTodayEvenEarlierToday() {
        Due.Window overdue = Due.OVERDUE.window(NOW, BERLIN);
        assertNull(overdue.from());
        assertTrue(overdue.contains(Instant.parse("2026-11-30T22:59:59Z")));
        assertTrue(overdue.contains(Instant.parse("2020-01-01T00:00:00Z")));
        assertFalse(overdue.contains(Instant.parse("2026-12-01T07:00:00Z")), "earlier today is due today, not overdue");
    }

    @Test
    void theWeekRunsFromTheStartOfTodayToTheEndOfTheSeventhDayAhead() {
        Due.Window week = Due.WEEK.window(NOW, BERLIN);
        assertEquals(Instant.parse("2026-11-30T23:00:00Z"), week.from());
        assertTrue(week.contains(Instant.parse("2026-12-08T22:59:00Z")), "8 December, 23:59 in Berlin");
        assertFalse(week.contains(Instant.parse("2026-12-08T23:00:00Z")), "9 December is beyond the week");
        assertFalse(week.contains(Instant.parse("2026-11-30T22:00:00Z")), "overdue is not this week");
    }

    @Test
    void noDueAskedIsEverythingUpToTheEndOfTheWeekOverdueIncluded() {
        Due.Window any = Due.window(null, NOW, BERLIN);
        assertNull(any.from());
        assertEquals(Due.WEEK.window(NOW, BERLIN).until(), any.until());
    }

    @Test
    void aDayWithTheClockChangeHasItsOwnLength() {
        // 29 March 2026: Berlin moves from CET to CEST, the day has 23 hours
        Due.Window today = Due.TODAY.window(Instant.parse("2026-03-29T10:00:00Z"), BERLIN);
        assertEquals(Instant.parse("2026-03-28T23:00:00Z"), today.from());
        assertEquals(Instant.parse("2026-03-29T22:00:00Z"), today.until());
    }

    @Test
    void lateInTheEveningUtcIsAlreadyTomorrowInBerlin() {
        Instant lateEvening = Instant.parse("2026-12-01T23:30:00Z"); // 00:30 on 2 December in Berlin
        assertEquals(Instant.parse("2026-12-01T23:00:00Z"), Due.TODAY.window(lateEvening, BERLIN).from());
    }
}
