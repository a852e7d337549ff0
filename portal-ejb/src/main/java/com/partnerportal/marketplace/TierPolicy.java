package com.partnerportal.marketplace;

import com.partnerportal.partner.Tier;
import com.partnerportal.platform.Settings;
import java.time.Duration;
import java.time.Instant;

/**
 * Tier early access: Gold sees a new lead at once, Silver after {@code portal.tier.silver-delay}
 * (default two hours), Bronze after a further {@code portal.tier.bronze-delay} (default six hours).
 */
public record TierPolicy(Duration silverDelay, Duration bronzeDelay) {

    public static TierPolicy fromSettings() {
        return new TierPolicy(Duration.parse(Settings.value("portal.tier.silver-delay", "PT2H")),
                Duration.parse(Settings.value("portal.tier.bronze-delay", "PT6H")));
    }

    /** How long after publication a partner of this tier waits. */
    public Duration embargo(Tier tier) {
        return switch (tier) {
            case GOLD -> Duration.ZERO;
            case SILVER -> silverDelay;
            case BRONZE -> silverDelay.plus(bronzeDelay);
        };
    }

    public Instant visibleFrom(Tier tier, Instant publishedAt) {
        return publishedAt.plus(embargo(tier));
    }

    /** The next tier's start, while this partner sees the lead before others; null if nobody waits. */
    public Instant earlyAccessUntil(Tier tier, Instant publishedAt, Instant now) {
        Instant next = switch (tier) {
            case GOLD -> visibleFrom(Tier.SILVER, publishedAt);
            case SILVER -> visibleFrom(Tier.BRONZE, publishedAt);
            case BRONZE -> null;
        };
        return next != null && now.isBefore(next) ? next : null;
    }
}
