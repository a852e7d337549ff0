package com.partnerportal.user;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * How a reseller's user wants to hear by mail of a lead offered to its partner: at once, in a digest
 * every hour or every morning, or not by mail (the bell in the portal tells every user anyway).
 */
public enum OfferMail {
    INSTANT, HOURLY, DAILY, NONE;

    /** The morning digest goes out at this time of the portal's zone. */
    static final LocalTime MORNING = LocalTime.of(7, 0);

    /** When a mail about an offer made at {@code now} is due; null for none. */
    public Instant due(Instant now, ZoneId zone) {
        return switch (this) {
            case INSTANT -> now;
            case HOURLY -> now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
            case DAILY -> {
                var today = now.atZone(zone).toLocalDate().atTime(MORNING).atZone(zone);
                yield (today.toInstant().isAfter(now) ? today : today.plusDays(1)).toInstant();
            }
            case NONE -> null;
        };
    }
}
