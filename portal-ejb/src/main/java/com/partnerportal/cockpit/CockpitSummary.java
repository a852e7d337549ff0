package com.partnerportal.cockpit;

import com.partnerportal.lead.LeadState;
import com.partnerportal.lead.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * The cockpit's numbers for one cohort (contract: {@code GET /api/cockpit/summary}); all money in
 * euro. Each count has a drill-down that lists exactly its leads. The API writes its nulls: the
 * contract shows a filter not set, or a time not measured, as null.
 */
public record CockpitSummary(LocalDate from, LocalDate to, String partner, String region, String product,
                             String campaign, List<StageCount> funnel, Money expectedRevenue, Money wonRevenue,
                             List<CodeCount> lossReasons, List<CodeCount> returnReasons, long slaBreaches,
                             Hours hoursToClaim, Hours hoursToFirstContact, Hours hoursToOutcome,
                             List<CampaignFigures> campaigns, List<Slice> byPartner, List<Slice> byRegion,
                             List<Slice> byProduct, List<Week> trend, List<CodeCount> declineReasons,
                             Seconds secondsToFirstOffer, List<DeclineCount> declinesBySource) {

    /** How often partners declined the cohort's leads of a source and country for a reason. */
    public record DeclineCount(String source, String country, String reason, long count) {
    }

    /** Median and 90th percentile in seconds; null when nothing was measured. */
    public record Seconds(Double median, Double p90) {
    }

    /** How many leads of the cohort reached a stage at any time. */
    public record StageCount(LeadState stage, long count) {
    }

    public record CodeCount(String code, long count) {
    }

    /** Median and 90th percentile in hours; null when nothing was measured. */
    public record Hours(Double median, Double p90) {
    }

    /**
     * A campaign's leads in the cohort, how many were won and for how much, its cost and its return
     * on investment ({@code (wonRevenue - cost) / cost}; null without a cost).
     */
    public record CampaignFigures(String campaign, String name, long leads, long won, Money wonRevenue, Money cost,
                                  Double roi) {
    }

    /** The cohort's leads of one partner, region or product: how many, claimed, won, and the money. */
    public record Slice(String key, long leads, long claimed, long won, Money expectedRevenue, Money wonRevenue) {
    }

    /** Leads published in the week starting {@code week} (a Monday) and how many of them were won. */
    public record Week(LocalDate week, long published, long won) {
    }
}
