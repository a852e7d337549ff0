package com.partnerportal.marketplace;

import java.util.List;

/**
 * One page of a partner's feed. {@code blockedBy} says why the feed is empty for this partner
 * ({@code ABSENT}, {@code CAPACITY}); {@code openLeads} and {@code capacity} show how much room is left.
 * {@code total} is -1 where the caller did not ask for it ({@link Marketplace#cards}).
 */
public record MarketplacePage(List<MarketplaceItem> items, long total, int page, int size, String blockedBy,
                              long openLeads, int capacity) {
}
