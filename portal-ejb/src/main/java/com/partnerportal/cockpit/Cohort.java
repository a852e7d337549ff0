package com.partnerportal.cockpit;

import com.partnerportal.lead.LeadState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * A checked cockpit view: the leads published from {@code from} to {@code to} (whole days in the
 * portal's zone), narrowed as asked, and, for a drill-down, the number whose leads are listed. It
 * writes the SQL conditions every figure and list is counted by ({@code l} the lead): one home for
 * what "the leads behind a number" means.
 */
public record Cohort(LocalDate from, LocalDate to, String partner, String region, boolean regionIsCountry,
                     String product, String campaign, Drill drill) {

    /** Which number's leads: a stage reached, a loss reason, a return reason, an SLA breach; none = the whole cohort. */
    public record Drill(LeadState stage, String lossReason, String returnReason, boolean breached) {

        public static final Drill NONE = new Drill(null, null, null, false);

        /** Numbers about what a partner did (returns, breaches) follow the partner, not who holds the lead now. */
        boolean followsThePartnersActs() {
            return returnReason != null || breached;
        }
    }

    public static final ZoneId ZONE = com.partnerportal.platform.Clocks.zone();

    Instant start() {
        return from.atStartOfDay(ZONE).toInstant();
    }

    Instant end() {
        return to.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /** The cohort's conditions: published in the period, in the market, product, campaign; by the partner that holds it, if asked. */
    String where() {
        return where(drill.followsThePartnersActs() ? false : partner != null) + drillCondition();
    }

    /** The cohort's conditions without the partner's: for the numbers of what a partner did. */
    String whereAnyHolder() {
        return where(false);
    }

    private String where(boolean heldByPartner) {
        StringBuilder where = new StringBuilder(" l.published_at >= :start and l.published_at < :end");
        if (heldByPartner) {
            where.append(" and l.partner_key = :partner");
        }
        if (region != null) {
            where.append(regionIsCountry ? " and l.country = :region" : " and l.region = :region");
        }
        if (product != null) {
            where.append(" and l.product = :product");
        }
        if (campaign != null) {
            where.append(" and l.campaign = :campaign");
        }
        return where.toString();
    }

    private String drillCondition() {
        StringBuilder where = new StringBuilder();
        if (drill.stage() != null) {
            where.append(drill.stage() == LeadState.LOST ? " and l.state = 'LOST'"
                    : drill.stage() == LeadState.PUBLISHED ? "" : " and l.reached_stage >= " + LeadState.reachedRank(drill.stage()));
        }
        if (drill.lossReason() != null) {
            where.append(" and l.state = 'LOST' and l.loss_reason_code = :lossReason");
        }
        if (drill.returnReason() != null) {
            where.append(" and exists (select 1 from lead_return r where r.lead_id = l.id and r.reason_code = :returnReason"
                    + (partner != null ? " and r.partner_key = :partner)" : ")"));
        }
        if (drill.breached()) {
            where.append(" and exists (select 1 from sla_breach b where b.lead_id = l.id"
                    + (partner != null ? " and b.partner_key = :partner)" : ")"));
        }
        return where.toString();
    }

    /** The columns the view narrows by. */
    private java.util.Set<Grain.Column> narrowedBy() {
        java.util.Set<Grain.Column> columns = java.util.EnumSet.noneOf(Grain.Column.class);
        if (partner != null) {
            columns.add(Grain.Column.PARTNER);
        }
        if (region != null) {
            columns.add(Grain.Column.REGION);
        }
        if (product != null) {
            columns.add(Grain.Column.PRODUCT);
        }
        if (campaign != null) {
            columns.add(Grain.Column.CAMPAIGN);
        }
        return columns;
    }

    /**
     * The same conditions over the kept rows ({@code c}, see {@link CockpitCells}) of the coarsest
     * grain that can answer them, grouped by {@code by} (null: not grouped).
     */
    String cells(Grain.Column by) {
        java.util.Set<Grain.Column> needed = narrowedBy();
        if (by != null) {
            needed.add(by);
        }
        return " c.grain = " + Grain.of(needed).code + " and" + days() + narrowing(true);
    }

    /** The conditions over the kept acts of partners (returns, breaches): of the partner, or of all. */
    String acts() {
        return days() + (partner != null ? " and c.partner_key = :partner" : " and c.partner_key = '*'") + narrowing(false);
    }

    private static String days() {
        return " c.published_on >= :fromDay and c.published_on <= :toDay";
    }

    private String narrowing(boolean byPartner) {
        StringBuilder where = new StringBuilder();
        if (byPartner && partner != null) {
            where.append(" and c.partner_key = :partner");
        }
        if (region != null) {
            where.append(regionIsCountry ? " and c.country = :region" : " and c.region = :region");
        }
        if (product != null) {
            where.append(" and c.product = :product");
        }
        if (campaign != null) {
            where.append(" and c.campaign = :campaign");
        }
        return where.toString();
    }

    /** The values of the conditions' parameters. */
    Map<String, Object> values() {
        Map<String, Object> values = new HashMap<>();
        values.put("start", start());
        values.put("end", end());
        values.put("fromDay", from);
        values.put("toDay", to);
        if (partner != null) {
            values.put("partner", partner);
        }
        if (region != null) {
            values.put("region", region);
        }
        if (product != null) {
            values.put("product", product);
        }
        if (campaign != null) {
            values.put("campaign", campaign);
        }
        if (drill.lossReason() != null) {
            values.put("lossReason", drill.lossReason());
        }
        if (drill.returnReason() != null) {
            values.put("returnReason", drill.returnReason());
        }
        return values;
    }
}
