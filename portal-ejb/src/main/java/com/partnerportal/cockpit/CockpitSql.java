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
    private static final String COUNTERS = "leads, claimed, contacted, qualified, proposal, won, lost, expected_eur, won_eur";

    private static String histogramColumns() {
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

    private static final String DAY_OF_LEADS = " l.published_at >= :start and l.published_at < :end";

    /** The finest rows of one day ({@code :day}, published from {@code :start} to {@code :end}), from the leads. */
    static String buildCells(boolean postgres) {
        StringBuilder histograms = new StringBuilder();
        for (String[] measure : MEASURES) {
            String seconds = seconds(measure[1], measure[2], postgres);
            for (int bucket = 0; bucket < HourBuckets.COUNT; bucket++) {
                histograms.append(", sum(case when ").append(HourBuckets.contains(bucket, seconds))
                        .append(measure[3] == null ? "" : " and " + measure[3]).append(" then 1 else 0 end)");
            }
        }
        String columns = columnsOfLead();
        return "insert into cockpit_cell (grain, published_on, partner_key, region, country, product, campaign, " + COUNTERS
                + histogramColumns() + ") select " + Grain.ALL.code + ", :day, " + columns + ", count(*), " + reached(1) + ", "
                + reached(2) + ", " + reached(3) + ", " + reached(4) + ", " + reached(5)
                + ", sum(case when l.state = 'LOST' then 1 else 0 end), " + EXPECTED_EUR + ", " + WON_EUR + histograms
                + FROM_WITH_RATES + " where" + DAY_OF_LEADS + " group by " + columns;
    }

    /** A lead's values of the kept rows' dimension columns, in their order. */
    private static String columnsOfLead() {
        return "coalesce(l.partner_key, ''), l.region, l.country, l.product, coalesce(l.campaign, '')";
    }

    /** The rows of a coarser grain of one day, summed from its finest rows. */
    static String rollUpCells(Grain grain) {
        StringBuilder sums = new StringBuilder();
        for (String column : (COUNTERS + histogramColumns()).split(", ")) {
            sums.append(", sum(").append(column).append(")");
        }
        return "insert into cockpit_cell (grain, published_on, partner_key, region, country, product, campaign, " + COUNTERS
                + histogramColumns() + ") select " + grain.code + ", published_on, " + grain.rolledUp() + sums
                + " from cockpit_cell where grain = " + Grain.ALL.code + " and published_on = :day group by published_on" + grain.kept();
    }

    /** The lost leads of one day by reason, at the finest grain. */
    static String buildLosses() {
        return "insert into cockpit_loss (grain, published_on, partner_key, region, country, product, campaign, reason_code, leads)"
                + " select " + Grain.ALL.code + ", :day, " + columnsOfLead() + ", l.loss_reason_code, count(*) from sales_lead l"
                + " where" + DAY_OF_LEADS + " and l.state = 'LOST' and l.loss_reason_code is not null group by "
                + columnsOfLead() + ", l.loss_reason_code";
    }

    static String rollUpLosses(Grain grain) {
        return "insert into cockpit_loss (grain, published_on, partner_key, region, country, product, campaign, reason_code, leads)"
                + " select " + grain.code + ", published_on, " + grain.rolledUp() + ", reason_code, sum(leads) from cockpit_loss"
                + " where grain = " + Grain.ALL.code + " and published_on = :day group by published_on" + grain.kept() + ", reason_code";
    }

    /**
     * What partners did with one day's leads, by the partner that did it, or by all ({@code '*'}, each
     * lead once): returns by reason ({@code lead_return}) or SLA breaches ({@code sla_breach}).
     */
    static String buildActs(String kind, boolean byPartner) {
        boolean returns = kind.equals("RETURN");
        String table = returns ? "lead_return" : "sla_breach";
        String reason = returns ? "a.reason_code" : "''";
        String partner = byPartner ? "a.partner_key" : "'*'";
        String dimensions = "l.region, l.country, l.product, coalesce(l.campaign, '')";
        return "insert into cockpit_act (published_on, partner_key, region, country, product, campaign, kind, reason_code, leads)"
                + " select :day, " + partner + ", " + dimensions + ", '" + kind + "', " + reason + ", count(distinct a.lead_id)"
                + " from " + table + " a join sales_lead l on l.id = a.lead_id where" + DAY_OF_LEADS
                + " group by " + (byPartner ? "a.partner_key, " : "") + dimensions + (returns ? ", a.reason_code" : "");
    }

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
