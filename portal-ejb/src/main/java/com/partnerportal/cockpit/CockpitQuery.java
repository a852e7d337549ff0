package com.partnerportal.cockpit;

/**
 * A cockpit view as the caller asks for it, raw: the period ({@code from}, {@code to}, days in the
 * portal's zone) and the narrowing by partner, region (a region or a whole country), product and
 * campaign; for the drill-down also which number's leads ({@code stage}, {@code lossReason},
 * {@code returnReason}, {@code breached}).
 */
public record CockpitQuery(String from, String to, String partner, String region, String product, String campaign,
                           String stage, String lossReason, String returnReason, String breached) {

    /** The same view without a drill-down. */
    public CockpitQuery summaryOnly() {
        return new CockpitQuery(from, to, partner, region, product, campaign, null, null, null, null);
    }
}
