package com.partnerportal.cockpit;

import com.partnerportal.platform.migration.V14__Cockpit_cells;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cockpit's statements, built from a cohort's conditions ({@link Cohort#where()}): the one
 * home of how each number is counted. {@link Cockpit} runs them; the benchmark runs the same text
 * as plain SQL (see {@link #main}), so that its baseline is the product's SQL, not a copy.
 */
public final class CockpitSql {

    private CockpitSql() {
    }

    /** The funnel (leads that reached each stage), lost leads, expected and won revenue in euro. */
    static String totals(String where) {
        return "select count(*), " + reached(1) + ", " + reached(2) + ", " + reached(3) + ", " + reached(4) + ", "
                + reached(5) + ", sum(case when l.state = 'LOST' then 1 else 0 end), " + EXPECTED_EUR + ", " + WON_EUR
                + FROM_WITH_RATES + " where" + where;
    }

    /** How many leads got to the stage of this rank (1 CLAIMED ... 5 WON). */
    private static String reached(int rank) {
        return "sum(case when l.reached_stage >= " + rank + " then 1 else 0 end)";
    }

    /** The pipeline's promise in euro: the expected revenue of the leads not lost. */
    private static final String EXPECTED_EUR = "sum(case when l.state <> 'LOST' then l.expected_revenue_amount * e.to_eur end)";
    private static final String WON_EUR = "sum(l.won_revenue_amount * w.to_eur)";
    /** The leads with the rates their expected ({@code e}) and won ({@code w}) revenue turn into euro by. */
    private static final String FROM_WITH_RATES = " from sales_lead l"
            + " left join currency_rate e on e.currency = l.expected_revenue_currency"
            + " left join currency_rate w on w.currency = l.won_revenue_currency";

    static String lossReasons(String where) {
        return "select l.loss_reason_code, count(*) from sales_lead l where" + where
                + " and l.state = 'LOST' and l.loss_reason_code is not null group by l.loss_reason_code";
    }

    /** The cohort's leads given back, by reason: each lead once per reason; of one partner's returns, or of all. */
    static String returns(String whereAnyHolder, boolean ofOnePartner) {
        return "select r.reason_code, count(distinct r.lead_id) from lead_return r join sales_lead l on l.id = r.lead_id where"
                + whereAnyHolder + (ofOnePartner ? " and r.partner_key = :partner" : "") + " group by r.reason_code";
    }

    static String declines(String whereAnyHolder, boolean ofOnePartner) {
        return "select d.reason_code, count(distinct d.lead_id) from lead_decline d join sales_lead l on l.id = d.lead_id where"
                + whereAnyHolder + (ofOnePartner ? " and d.partner_key = :partner" : "") + " group by d.reason_code";
    }

    /**
     * Declines by the lead's source and country and the reason: which source sends leads partners do not
     * want. A decline comes after the publishing: the period's declines are read by their time.
     */
    static String declinesBySource(String whereAnyHolder, boolean ofOnePartner) {
        return "select l.source, l.country, d.reason_code, count(*) from lead_decline d join sales_lead l on l.id = d.lead_id"
                + " where d.at >= :start and" + whereAnyHolder + (ofOnePartner ? " and d.partner_key = :partner" : "")
                + " group by l.source, l.country, d.reason_code order by count(*) desc, l.source, l.country, d.reason_code";
    }

    /**
     * Median and 90th percentile of the seconds from a lead's publishing to the first partner told of
     * it (of the partner, when one is given): read from the offers, not kept, since they are seconds. An
     * offer comes after the publishing: the period's offers are read by their time.
     */
    static String secondsToOffer(String whereAnyHolder, boolean ofOnePartner, boolean postgres) {
        String seconds = seconds("l.published_at", "min(o.offered_at)", postgres);
        return "select percentile_cont(0.5) within group (order by t.s), percentile_cont(0.9) within group (order by t.s)"
                + " from (select " + seconds + " as s from lead_offer o join sales_lead l on l.id = o.lead_id"
                + (ofOnePartner ? " and o.partner_key = :partner" : "")
                + " where o.offered_at >= :start and" + whereAnyHolder
                + " group by l.id, l.published_at) t";
    }

    static String breaches(String whereAnyHolder, boolean ofOnePartner) {
        return "select count(distinct b.lead_id) from sla_breach b join sales_lead l on l.id = b.lead_id where"
                + whereAnyHolder + (ofOnePartner ? " and b.partner_key = :partner" : "");
    }

    /** Median and 90th percentile of the seconds from {@code start} to {@code end}, where both are known. */
    static String hours(String start, String end, String where, String condition, boolean postgres) {
        String seconds = postgres ? "extract(epoch from (" + end + " - " + start + "))"
                : "datediff('SECOND', " + start + ", " + end + ")";
        return """
                select percentile_cont(0.5) within group (order by %1$s), percentile_cont(0.9) within group (order by %1$s)
                from sales_lead l where %2$s is not null and %3$s is not null and""".formatted(seconds, start, end)
                + where + (condition == null ? "" : " and " + condition);
    }

    static String campaigns(String where) {
        return """
                select l.campaign, max(c.name), count(*), sum(case when l.state = 'WON' then 1 else 0 end),
                       sum(l.won_revenue_amount * w.to_eur), max(c.cost_amount * k.to_eur)
                from sales_lead l
                     left join currency_rate w on w.currency = l.won_revenue_currency
                     left join campaign c on c.code = l.campaign
                     left join currency_rate k on k.currency = c.cost_currency
                where l.campaign is not null and""" + where + " group by l.campaign order by l.campaign";
    }

    /** The cohort by one column ({@code l.partner_key}, {@code l.region}, {@code l.product}). */
    static String slices(String column, String where) {
        return "select " + column + ", count(*), " + reached(1) + ", sum(case when l.state = 'WON' then 1 else 0 end), "
                + EXPECTED_EUR + ", " + WON_EUR + FROM_WITH_RATES + " where" + where + " and " + column
                + " is not null group by " + column + " order by 2 desc";
    }

    /**
     * Leads published and won per hour of the database's clock, with the first publication of each
     * hour: whole hours fall into one day of the portal's zone, whatever zone the database counts in.
     */
    static String trend(String where) {
        return "select min(l.published_at), count(*), sum(case when l.state = 'WON' then 1 else 0 end)"
                + " from sales_lead l where" + where
                + " group by cast(l.published_at as date), extract(hour from l.published_at)";
    }

    static String leads(String where) {
        return """
                select l.id, l.state, l.company_name, l.region, l.product, l.campaign, l.partner_key, l.assignee,
                       l.published_at, l.expected_revenue_amount, l.expected_revenue_currency, l.expected_close_date,
                       l.follow_up_at, l.won_revenue_amount, l.won_revenue_currency, l.loss_reason_code,
                       l.contact_first_name, l.contact_last_name, l.contact_email, l.contact_phone, l.contact_street,
                       l.contact_postal_code, l.contact_city
                from sales_lead l where""" + where + " order by l.published_at, l.id offset :offset rows fetch next :limit rows only";
    }

    static String count(String where) {
        return "select count(*) from sales_lead l where" + where;
    }

    // ---- the kept figures (CockpitCells): a day's rows built from the lead tables, read by views ----

    /** The measured times: their column in the kept rows, start, end and condition on the lead. */
    private static final String[][] MEASURES = {
            {"claim", "l.published_at", "l.first_claimed_at", null},
            {"contact", "l.first_claimed_at", "l.first_contact_at", null},
            {"outcome", "l.first_claimed_at", "l.closed_at", "l.state in ('WON', 'LOST')"}};

    /** The counters of a kept row, in their order; the histograms follow. */
    static final String COUNTERS = "leads, claimed, contacted, qualified, proposal, won, lost, expected_eur, won_eur";

    static String histogramColumns() {
        StringBuilder columns = new StringBuilder();
        for (String[] measure : MEASURES) {
            for (int bucket = 0; bucket < HourBuckets.COUNT; bucket++) {
                columns.append(", ").append(V14__Cockpit_cells.column(measure[0], bucket));
            }
        }
        return columns.toString();
    }

    private static String seconds(String start, String end, boolean postgres) {
        return postgres ? "extract(epoch from (" + end + " - " + start + "))" : "datediff('SECOND', " + start + ", " + end + ")";
    }

    /**
     * What each lead of a condition on {@code l} adds to the kept figures ({@link Contribution}): its
     * day's instant, dimensions, furthest stage, state, money in euro as the aggregates count it, and
     * the seconds of each measured time where it counts (null where not).
     */
    static String contributions(String where, boolean postgres) {
        StringBuilder times = new StringBuilder();
        for (String[] measure : MEASURES) {
            String seconds = seconds(measure[1], measure[2], postgres);
            times.append(", ").append(measure[3] == null ? seconds : "case when " + measure[3] + " then " + seconds + " end");
        }
        return "select l.id, l.published_at, coalesce(l.partner_key, ''), l.region, l.country, l.product, coalesce(l.campaign, ''),"
                + " l.reached_stage, l.state, case when l.state <> 'LOST' then l.expected_revenue_amount * e.to_eur end,"
                + " l.won_revenue_amount * w.to_eur" + times + ", case when l.state = 'LOST' then l.loss_reason_code end"
                + FROM_WITH_RATES + " where l.published_at is not null and " + where;
    }

    /** What partners did with leads of a condition on {@code l}: returns and declines by reason, SLA breaches. */
    static String acts(String where) {
        return "select r.lead_id, r.partner_key, 'RETURN', r.reason_code from lead_return r join sales_lead l on l.id = r.lead_id"
                + " where " + where + " union all select b.lead_id, b.partner_key, 'BREACH', '' from sla_breach b"
                + " join sales_lead l on l.id = b.lead_id where " + where
                + " union all select d.lead_id, d.partner_key, 'DECLINE', d.reason_code from lead_decline d"
                + " join sales_lead l on l.id = d.lead_id where " + where;
    }

    /** How many times {@link #acts} binds the parameters of its condition: once per kind of act. */
    static final int ACT_KINDS = 3;

    /** The view's counters and histograms, in {@link #COUNTERS}' order and then claim, contact, outcome. */
    static String cellTotals(String cells) {
        StringBuilder sums = new StringBuilder();
        for (String column : (COUNTERS + histogramColumns()).split(", ")) {
            sums.append(sums.isEmpty() ? "" : ", ").append("sum(c.").append(column).append(")");
        }
        return "select " + sums + " from cockpit_cell c where" + cells;
    }

    static String cellLosses(String cells) {
        return "select c.reason_code, sum(c.leads) from cockpit_loss c where" + cells + " group by c.reason_code";
    }

    static String cellActs(String acts, String kind) {
        return "select c.reason_code, sum(c.leads) from cockpit_act c where" + acts + " and c.kind = '" + kind
                + "' group by c.reason_code";
    }

    static String cellCampaigns(String cells) {
        return """
                select c.campaign, max(k.name), sum(c.leads), sum(c.won), sum(c.won_eur), max(k.cost_amount * r.to_eur)
                from cockpit_cell c
                     left join campaign k on k.code = c.campaign
                     left join currency_rate r on r.currency = k.cost_currency
                where c.campaign <> '' and""" + cells + " group by c.campaign order by c.campaign";
    }

    /** The view by one dimension column of the kept rows. */
    static String cellSlices(String column, String cells) {
        return "select c." + column + ", sum(c.leads), sum(c.claimed), sum(c.won), sum(c.expected_eur), sum(c.won_eur)"
                + " from cockpit_cell c where" + cells + " and c." + column + " <> '' group by c." + column + " order by 2 desc";
    }

    static String cellTrend(String cells) {
        return "select c.published_on, sum(c.leads), sum(c.won) from cockpit_cell c where" + cells + " group by c.published_on";
    }

    /** Every statement of one summary, in the order it runs them. */
    static List<String> summary(Cohort cohort, boolean postgres) {
        String where = cohort.where();
        List<String> statements = new ArrayList<>(List.of(totals(where), lossReasons(where),
                returns(cohort.whereAnyHolder(), cohort.partner() != null),
                breaches(cohort.whereAnyHolder(), cohort.partner() != null),
                hours("l.published_at", "l.first_claimed_at", where, null, postgres),
                hours("l.first_claimed_at", "l.first_contact_at", where, null, postgres),
                hours("l.first_claimed_at", "l.closed_at", where, "l.state in ('WON', 'LOST')", postgres),
                campaigns(where)));
        for (String column : List.of("l.partner_key", "l.region", "l.product")) {
            statements.add(slices(column, where));
        }
        statements.add(trend(where));
        return statements;
    }

    /**
     * Prints the statements of the default summary (the last 90 days; the whole channel, or the
     * partner given as the argument) for PostgreSQL with their values written in, for pgbench:
     * {@code java -cp portal-ejb/target/classes com.partnerportal.cockpit.CockpitSql [partner]}.
     */
    public static void main(String[] args) {
        LocalDate today = LocalDate.now(Cohort.ZONE);
        String partner = args.length > 0 ? args[0] : null;
        Cohort cohort = new Cohort(today.minusDays(Cockpit.DEFAULT_DAYS - 1), today, partner, null, false, null, null,
                Cohort.Drill.NONE);
        Map<String, Object> values = cohort.values();
        System.out.println("-- the cockpit summary's statements for " + (partner == null ? "the whole channel" : partner)
                + ", the last 90 days: generated by CockpitSql");
        for (String statement : summary(cohort, true)) {
            String sql = statement;
            for (var value : values.entrySet()) {
                String literal = value.getValue() instanceof java.time.Instant instant
                        ? "timestamp with time zone '" + instant + "'" : "'" + value.getValue() + "'";
                sql = sql.replace(":" + value.getKey(), literal);
            }
            System.out.println(sql.replace('\n', ' ').replaceAll(" +", " ") + ";");
        }
    }
}
