package com.partnerportal.sla;

import com.partnerportal.platform.Settings;
import com.partnerportal.lead.LeadState;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How long a partner may hold a lead without logging an activity ({@code portal.sla.first-activity},
 * default 48 hours, per market {@code portal.sla.first-activity.AT}), and how long a published lead
 * may wait for a claim ({@code portal.sla.unclaimed}, default 7 days) before {@code portal.escalation.to}
 * hears of it.
 */
public final class SlaPolicy {

    static final String FIRST_ACTIVITY = "portal.sla.first-activity";

    private SlaPolicy() {
    }

    /** The window agreed for every market without its own. */
    public static Duration firstActivity() {
        return Duration.parse(Settings.value(FIRST_ACTIVITY, "PT48H"));
    }

    public static Duration firstActivity(String country) {
        String fallback = Settings.value(FIRST_ACTIVITY, "PT48H");
        return Duration.parse(Settings.value(FIRST_ACTIVITY + "." + country.toUpperCase(Locale.ROOT), fallback));
    }

    /** The shortest window of all markets: no claim older than this can still be in time. */
    /**
     * By when the partner must log its first activity on a lead, after which the SLA takes it back;
     * null when no such deadline runs (not claimed, or already worked).
     */
    public static Instant firstActivityDue(LeadState state, Instant claimedAt, Instant lastActivityAt, String country) {
        return state == LeadState.CLAIMED && lastActivityAt == null && claimedAt != null
                ? claimedAt.plus(firstActivity(country)) : null;
    }

    public static Duration shortestFirstActivity(Stream<String> countries) {
        return countries.map(SlaPolicy::firstActivity).min(Duration::compareTo).orElse(firstActivity("-"));
    }

    /** Who hears of leads nobody claims: the channel managers' address. */
    public static String escalationRecipient() {
        return Settings.value("portal.escalation.to", "channel.manager@partner-portal.example");
    }

    public static Duration unclaimed() {
        return Duration.parse(Settings.value("portal.sla.unclaimed", "P7D"));
    }
}
