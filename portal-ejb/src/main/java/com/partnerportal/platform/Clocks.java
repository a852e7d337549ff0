package com.partnerportal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one clock of the portal: rules that depend on time (tier embargo, SLAs) take it. Where
 * {@code portal.clock.adjustable} is true (the test server only) it can be moved forward, so that
 * tests see a day pass without waiting for it.
 */
@ApplicationScoped
public class Clocks {

    private static final PortalClock CLOCK = new PortalClock();

    @Produces
    public Clock clock() {
        return CLOCK;
    }

    /**
     * The zone of the portal's day (setting {@code portal.zone}): where its people live, so that "today"
     * starts at their midnight, not at UTC's.
     */
    public static ZoneId zone() {
        return ZoneId.of(Settings.value("portal.zone", "Europe/Berlin"));
    }

    public static boolean isAdjustable() {
        return Boolean.parseBoolean(Settings.value("portal.clock.adjustable", "false"));
    }

    /** Moves the clock {@code offset} ahead of real time; refused unless the clock is adjustable. */
    public void setOffset(Duration offset) {
        if (!isAdjustable()) {
            throw new AccessDeniedException("The clock of this portal cannot be moved");
        }
        CLOCK.offset = offset;
    }

    public Duration offset() {
        return CLOCK.offset;
    }

    /** UTC system time plus the offset, read anew on every call. */
    static final class PortalClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), offset);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
