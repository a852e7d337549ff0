package com.partnerportal.cockpit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What one lead adds to the cockpit's kept figures: one lead in the row of its day and dimensions,
 * the stages it reached, lost or not, its money in euro, the bucket of each time measured (-1:
 * none), its loss reason, and what partners did with it ({@link Act}). Read from the lead tables by
 * the aggregates' own expressions ({@link CockpitSql#contributions}); kept per lead
 * ({@code cockpit_counted}), so that a change of the lead takes out what it added and adds what it
 * adds now.
 */
record Contribution(long leadId, LocalDate day, String partner, String region, String country, String product,
                    String campaign, int reached, boolean lost, BigDecimal expectedEur, BigDecimal wonEur,
                    int[] buckets, String lossReason, List<Act> acts) {

    /** A return by a partner for a reason, or an SLA breach ({@code reason} empty), counted once per lead. */
    record Act(String partner, String kind, String reason) {
    }

    /** The counters of the kept rows, in {@link CockpitSql#COUNTERS}' order, without the money. */
    long[] counters() {
        return new long[] {1, reached >= 1 ? 1 : 0, reached >= 2 ? 1 : 0, reached >= 3 ? 1 : 0, reached >= 4 ? 1 : 0,
                reached >= 5 ? 1 : 0, lost ? 1 : 0};
    }

    /** The values of the dimension columns a grain keeps, {@code '*'} for those it sums over. */
    List<String> dimensions(Grain grain) {
        return List.of(grain.columns.contains(Grain.Column.PARTNER) ? partner : "*",
                grain.columns.contains(Grain.Column.REGION) ? region : "*",
                grain.columns.contains(Grain.Column.REGION) ? country : "*",
                grain.columns.contains(Grain.Column.PRODUCT) ? product : "*",
                grain.columns.contains(Grain.Column.CAMPAIGN) ? campaign : "*");
    }
}
