package com.partnerportal.lead;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When a follow-up is due, counted in the portal's days: before today ({@link #OVERDUE}), during
 * today ({@link #TODAY}), or from the start of today to the end of the seventh day ahead
 * ({@link #WEEK}). The list and the counts of follow-ups both ask {@link #window} for their bounds.
 */
public enum Due {
    OVERDUE, TODAY, WEEK;

    /** How many days after today the week still reaches. */
    static final int WEEK_AHEAD = 7;

    /** From (inclusive; null: no lower bound) until (exclusive). */
    public record Window(Instant from, Instant until) {

        public boolean contains(Instant at) {
            return (from == null || !at.isBefore(from)) && at.isBefore(until);
        }
    }

    /** This span of days as of {@code now}, the day starting at midnight in {@code zone}. */
    public Window window(Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant startOfToday = today.atStartOfDay(zone).toInstant();
        return switch (this) {
            case OVERDUE -> new Window(null, startOfToday);
            case TODAY -> new Window(startOfToday, today.plusDays(1).atStartOfDay(zone).toInstant());
            case WEEK -> new Window(startOfToday, endOfWeek(today, zone));
        };
    }

    /** The window of {@code due}; none asked (null) is everything due up to the end of the week, overdue included. */
    public static Window window(Due due, Instant now, ZoneId zone) {
        return due != null ? due.window(now, zone) : new Window(null, endOfWeek(LocalDate.ofInstant(now, zone), zone));
    }

    private static Instant endOfWeek(LocalDate today, ZoneId zone) {
        return today.plusDays(WEEK_AHEAD + 1).atStartOfDay(zone).toInstant();
    }
}
