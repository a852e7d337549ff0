package com.partnerportal.marketplace;

import com.partnerportal.partner.Tier;
import java.time.Duration;

/**
 * When a published lead opens to each tier, fixed when it is published: Silver waits for Gold's
 * early access only if a Gold partner could take the lead then, and Bronze waits for each higher
 * tier only if a partner of that tier could (it fits the lead, is present and has room). A lead no
 * partner above could take is open to the lower tiers at once. The lead keeps the times in
 * {@code silver_from} and {@code bronze_from}; the feed, the claim and the pool overview read them.
 */
public final class TierWindows {

    /** A partner {@code t} that could take the published lead {@code l} now: the pool rules, present, room. */
    static final String COULD_TAKE = Marketplace.RULES.replace(":p", "t.partner_key") + """

              and (t.absent_from is null or t.absent_from > :today or t.absent_until < :today)
              and t.open_leads < t.capacity""";

    private TierWindows() {
    }

    /** The column that holds when a lead opens to partners of this tier. */
    public static String column(Tier tier) {
        return switch (tier) {
            case GOLD -> "l.published_at";
            case SILVER -> "l.silver_from";
            case BRONZE -> "l.bronze_from";
        };
    }

    /**
     * Sets when the published leads the condition {@code which} (on {@code l}) selects open to Silver
     * and Bronze; parameter {@code :today} is the day whose absences count.
     */
    public static String update(TierPolicy tiers, String which) {
        String goldWait = wait("GOLD", tiers.silverDelay());
        String silverWait = wait("SILVER", tiers.bronzeDelay());
        return "update sales_lead l set silver_from = l.published_at + " + goldWait
                + ", bronze_from = l.published_at + " + goldWait + " + " + silverWait
                + " where l.state = 'PUBLISHED' and " + which;
    }

    /** The wait for a tier's early access: its length if a partner of that tier could take the lead, else none. */
    private static String wait(String tier, Duration length) {
        return "case when exists (select 1 from partner t where t.tier = '" + tier + "' and " + COULD_TAKE + ")"
                + " then interval '" + length.toSeconds() + "' second else interval '0' second end";
    }
}
