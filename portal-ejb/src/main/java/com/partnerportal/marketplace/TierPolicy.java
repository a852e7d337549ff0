package com.partnerportal.marketplace;

import com.partnerportal.platform.Settings;
import java.time.Duration;

/**
 * Tier early access: Gold sees a new lead at once, Silver after {@code portal.tier.silver-delay}
 * (default two hours), Bronze after a further {@code portal.tier.bronze-delay} (default six hours);
 * each wait only where a partner of the tier above could take the lead ({@link TierWindows}).
 */
public record TierPolicy(Duration silverDelay, Duration bronzeDelay) {

    public static TierPolicy fromSettings() {
        return new TierPolicy(Duration.parse(Settings.value("portal.tier.silver-delay", "PT2H")),
                Duration.parse(Settings.value("portal.tier.bronze-delay", "PT6H")));
    }
}
