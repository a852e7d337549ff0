package com.partnerportal.partner;

/**
 * Filter, order and page of the partner table. Null filters match everything; {@code region}
 * matches partners whose territory covers it.
 */
public record PartnerQuery(String text, Tier tier, String region, SortField sortBy, boolean descending,
                           int page, int size) {

    public enum SortField { KEY, NAME, TIER, CAPACITY }

    public PartnerQuery {
        sortBy = sortBy == null ? SortField.NAME : sortBy;
    }
}
