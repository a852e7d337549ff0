-- What the cockpit counts: how far each lead got in the pipeline, when it was first claimed and
-- first contacted; the campaigns with their cost; the rates the cockpit sums other currencies in euro by.

-- 0 not claimed yet, 1 CLAIMED, 2 CONTACTED, 3 SALES_QUALIFIED, 4 PROPOSAL, 5 WON: the furthest stage a lead reached
alter table sales_lead add column reached_stage smallint default 0 not null;
alter table sales_lead add column first_claimed_at timestamp with time zone;
alter table sales_lead add column first_contact_at timestamp with time zone;

update sales_lead set first_claimed_at = (select min(t.at) from lead_transition t
                                          where t.lead_id = sales_lead.id and t.to_state = 'CLAIMED');
update sales_lead set first_contact_at = (select min(t.at) from lead_transition t
                                          where t.lead_id = sales_lead.id
                                            and t.to_state in ('CONTACTED', 'SALES_QUALIFIED', 'PROPOSAL', 'WON'));
update sales_lead set reached_stage = coalesce((select max(case t.to_state when 'CLAIMED' then 1 when 'CONTACTED' then 2
                                                           when 'SALES_QUALIFIED' then 3 when 'PROPOSAL' then 4
                                                           when 'WON' then 5 else 0 end)
                                                from lead_transition t where t.lead_id = sales_lead.id), 0);

-- the cockpit's cohort: leads published in a period, of one partner, market, product or campaign
create index sales_lead_cohort on sales_lead (published_at);
create index sales_lead_cohort_by_partner on sales_lead (partner_key, published_at);

create table campaign (
    code          varchar(100)   primary key,
    name          varchar(200)   not null,
    cost_amount   numeric(14, 2) not null,
    cost_currency varchar(3)     not null,
    starts_on     date,
    ends_on       date
);

-- euro per unit of each currency the portal keeps amounts in; reference rates, changed by migration
create table currency_rate (
    currency varchar(3)     primary key,
    to_eur   numeric(12, 6) not null
);
insert into currency_rate (currency, to_eur) values ('EUR', 1), ('CHF', 1.07), ('USD', 0.92), ('GBP', 1.17);
