package com.partnerportal.lead;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a prospect did that says it may buy (seed 004): concrete actions a rep can follow up on,
 * rather than an abstract score. Stored as codes separated by commas.
 */
public enum BuyingSignal {
    CONTACT_FORM, PRODUCT_PAGE, EVENT, DOWNLOAD, NURTURING_REPLY, QUOTE_REQUEST;

    /** The signals as stored, or null for none. */
    public static String encode(Set<BuyingSignal> signals) {
        return signals == null || signals.isEmpty() ? null
                : signals.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    /** Stored signals read back; an empty set for none. */
    public static Set<BuyingSignal> decode(String stored) {
        Set<BuyingSignal> signals = EnumSet.noneOf(BuyingSignal.class);
        if (stored != null && !stored.isBlank()) {
            Arrays.stream(stored.split(",")).map(String::strip).map(BuyingSignal::valueOf).forEach(signals::add);
        }
        return signals;
    }
}
