package com.partnerportal.platform.migration;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The cockpit's kept figures ({@code com.partnerportal.cockpit.CockpitCells}): per day of
 * publication and per partner, region, product and campaign the counts, the money in euro and the
 * hours as histograms, with rolled-up rows ({@code '*'}) for views that do not split by every
 * column; lost leads by reason; returns and SLA breaches by the partner that made them. Days are
 * built from the lead tables; a lead that changes ({@code cockpit_change}) takes out what it added
 * ({@code cockpit_counted}) and adds what it adds now.
 * A migration that changes the lead tables' figures by SQL (rates, demo data) empties
 * {@code cockpit_day}, and every day is built again. Java, for the histogram's columns.
 */
public class V14__Cockpit_cells extends BaseJavaMigration {

    /** Buckets per histogram: the cockpit's bucket edges must make as many. */
    public static final int BUCKETS = 26;

    /** The three times the cockpit measures, each a histogram of hours. */
    public static final List<String> MEASURES = List.of("claim", "contact", "outcome");

    @Override
    public void migrate(Context context) throws Exception {
        List<String> histograms = new ArrayList<>();
        for (String measure : MEASURES) {
            for (int bucket = 0; bucket < BUCKETS; bucket++) {
                histograms.add(column(measure, bucket) + " integer not null");
            }
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("""
                    create table cockpit_cell (
                        grain        smallint      not null,
                        published_on date          not null,
                        partner_key  varchar(40)   not null,
                        region       varchar(10)   not null,
                        country      varchar(2)    not null,
                        product      varchar(40)   not null,
                        campaign     varchar(100)  not null,
                        leads        integer       not null,
                        claimed      integer       not null,
                        contacted    integer       not null,
                        qualified    integer       not null,
                        proposal     integer       not null,
                        won          integer       not null,
                        lost         integer       not null,
                        expected_eur numeric(30, 8),
                        won_eur      numeric(30, 8),
                    """ + String.join(",\n", histograms) + ")");
            statement.execute("""
                    create unique index cockpit_cell_key on cockpit_cell
                        (grain, published_on, partner_key, region, country, product, campaign)""");
            statement.execute("create index cockpit_cell_by_partner on cockpit_cell (grain, partner_key, published_on)");
            statement.execute("""
                    create table cockpit_loss (
                        grain       smallint     not null,
                        published_on date        not null,
                        partner_key varchar(40)  not null,
                        region      varchar(10)  not null,
                        country     varchar(2)   not null,
                        product     varchar(40)  not null,
                        campaign    varchar(100) not null,
                        reason_code varchar(40)  not null,
                        leads       integer      not null
                    )""");
            statement.execute("""
                    create unique index cockpit_loss_key on cockpit_loss
                        (grain, published_on, partner_key, region, country, product, campaign, reason_code)""");
            statement.execute("""
                    create table cockpit_act (
                        published_on date        not null,
                        partner_key varchar(40)  not null,
                        region      varchar(10)  not null,
                        country     varchar(2)   not null,
                        product     varchar(40)  not null,
                        campaign    varchar(100) not null,
                        kind        varchar(10)  not null,
                        reason_code varchar(40)  not null,
                        leads       integer      not null
                    )""");
            statement.execute("""
                    create unique index cockpit_act_key on cockpit_act
                        (published_on, partner_key, region, country, product, campaign, kind, reason_code)""");
            // what each lead adds to the rows above now, to take out again when it changes
            statement.execute("""
                    create table cockpit_counted (
                        lead_id        bigint        primary key,
                        published_on   date          not null,
                        partner_key    varchar(40)   not null,
                        region         varchar(10)   not null,
                        country        varchar(2)    not null,
                        product        varchar(40)   not null,
                        campaign       varchar(100)  not null,
                        reached        smallint      not null,
                        lost           boolean       not null,
                        expected_eur   numeric(30, 8),
                        won_eur        numeric(30, 8),
                        claim_bucket   smallint      not null,
                        contact_bucket smallint      not null,
                        outcome_bucket smallint      not null,
                        loss_reason    varchar(40)
                    )""");
            statement.execute("create index cockpit_counted_by_day on cockpit_counted (published_on)");
            statement.execute("""
                    create table cockpit_counted_act (
                        lead_id     bigint       not null,
                        partner_key varchar(40)  not null,
                        kind        varchar(10)  not null,
                        reason_code varchar(40)  not null
                    )""");
            statement.execute("create index cockpit_counted_act_by_lead on cockpit_counted_act (lead_id)");
            statement.execute("create table cockpit_day (published_on date primary key)");
            statement.execute("create table cockpit_change (lead_id bigint not null)");
            statement.execute("create index cockpit_change_by_lead on cockpit_change (lead_id)");
            statement.execute("create table cockpit_refresh (id integer primary key)");
            statement.execute("insert into cockpit_refresh (id) values (1)");
        }
    }

    /** The column of one bucket of a measure's histogram: {@code claim_h00} ... {@code outcome_h25}. */
    public static String column(String measure, int bucket) {
        return measure + "_h" + (bucket < 10 ? "0" : "") + bucket;
    }
}
