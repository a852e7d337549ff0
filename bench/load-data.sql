-- Benchmark data on PostgreSQL: 200 partners besides the demo ones, and :leads leads (1,000,000), a fifth
-- of them in the pool. Loaded by bench/run.sh into its own database after the portal migrated it.
-- One transaction that holds the leads against writes: the portal's timers (SLA sweep, follow-up
-- reminders) would otherwise update the same rows meanwhile, and a bulk update deadlocked with one.

begin;
lock table sales_lead in exclusive mode;
select id from cockpit_refresh where id = 1 for update; -- nor does the cockpit build a day meanwhile

insert into partner (partner_key, name, tier, capacity)
select 'bench-' || lpad(g::text, 3, '0'), 'Bench Partner ' || g, (array['GOLD', 'SILVER', 'BRONZE'])[1 + g % 3], 1000000
from generate_series(1, 200) g;

with states as (select array_agg(code order by code) codes from region where country = 'DE' and code <> 'DE')
insert into partner_region (partner_key, region_code)
select distinct 'bench-' || lpad(g::text, 3, '0'), s.codes[1 + ((g * k) % 16)]
from generate_series(1, 200) g, generate_series(1, 3) k, states s;

with p as (select array_agg(code order by sort_order) codes from catalog_entry where catalog = 'PRODUCT')
insert into partner_product (partner_key, product)
select distinct 'bench-' || lpad(g::text, 3, '0'), p.codes[1 + ((g + k * 2) % 7)]
from generate_series(1, 200) g, generate_series(1, 3) k, p;

insert into partner_size_focus (partner_key, size_class)
select distinct 'bench-' || lpad(g::text, 3, '0'), (array['SMALL', 'MEDIUM', 'ENTERPRISE'])[1 + (g + k) % 3]
from generate_series(1, 200) g, generate_series(0, 1) k;

insert into partner_certification (partner_key, certification)
select 'bench-' || lpad(g::text, 3, '0'), 'NETWORK-PRO' from generate_series(1, 200) g where g % 2 = 0;

-- the Gold demo partner claims during the benchmark: no capacity limit gets in the way
update partner set capacity = 10000000 where partner_key = 'nordlicht';

with r as (select array_agg(code order by code) codes, count(*) n from region where code <> country),
     p as (select array_agg(code order by sort_order) codes from catalog_entry where catalog = 'PRODUCT')
insert into sales_lead (state, source, external_id, company_name, size_class, industry, country, region,
                        contact_first_name, contact_last_name, contact_email, product, required_certification,
                        revenue_amount, revenue_currency, score, handover_reason, published_at, created_at)
select case g % 5 when 0 then 'PUBLISHED' when 1 then 'WON' when 2 then 'LOST' when 3 then 'NEW' else 'QUALIFIED' end,
       'bench', 'B' || g, 'Bench Company ' || g, (array['SMALL', 'MEDIUM', 'ENTERPRISE'])[1 + g % 3], 'Manufacturing',
       split_part(r.codes[1 + (g / 5) % r.n], '-', 1), r.codes[1 + (g / 5) % r.n],
       'Max', 'Bench', 'max' || g || '@example.com',
       p.codes[1 + (g / 7) % 7], case when g % 4 = 0 then 'NETWORK-PRO' end,
       10000 + g % 1000 * 100, 'EUR', g % 101, 'bench lead',
       case when g % 5 = 0 then now() - interval '3 hours' - (g % 10000) * interval '1 minute' end,
       now() - interval '30 days'
from generate_series(1, :leads) g, r, p;

-- the cockpit's history: two fifths of the leads went through the pipeline in the last two years,
-- spread over stages, partners, regions, products and campaigns (the pool's fifth stays as the
-- marketplace measurements had it)
update sales_lead set
    state = case (id / 5) % 10 when 0 then 'WON' when 1 then 'WON' when 2 then 'WON' when 3 then 'LOST' when 4 then 'LOST'
                               when 5 then 'LOST' when 6 then 'CONTACTED' when 7 then 'SALES_QUALIFIED'
                               when 8 then 'PROPOSAL' else 'RETURNED' end,
    partner_key = case when (id / 5) % 10 = 9 then null else 'bench-' || lpad((1 + id % 200)::text, 3, '0') end,
    published_at = now() - (id % 730) * interval '1 day' - (id % 1440) * interval '1 minute',
    source = 'bench-history'
where source = 'bench' and state in ('WON', 'LOST');
update sales_lead set
    campaign = (array['trade-fair-2026', 'webinar-zero-trust', 'web-form', 'partner-day', null])[1 + id % 5],
    first_claimed_at = published_at + (1 + id % 47) * interval '1 hour',
    reached_stage = case state when 'WON' then 5 when 'PROPOSAL' then 4 when 'SALES_QUALIFIED' then 3
                               when 'CONTACTED' then 2 when 'LOST' then 2 + id % 3 else 1 end
where source = 'bench-history';
update sales_lead set
    first_contact_at = first_claimed_at + (1 + id % 40) * interval '1 hour',
    last_activity_at = first_claimed_at + (1 + id % 40) * interval '1 hour',
    claimed_at = case when partner_key is not null then first_claimed_at end,
    assignee = case when partner_key is not null then 'bench.rep' end,
    expected_revenue_amount = 5000 + id % 200 * 250, expected_revenue_currency = (array['EUR', 'EUR', 'EUR', 'CHF'])[1 + id % 4],
    won_revenue_amount = case when state = 'WON' then 4000 + id % 200 * 240 end,
    won_revenue_currency = case when state = 'WON' then 'EUR' end,
    loss_reason_code = case when state = 'LOST' then (array['PRICE', 'COMPETITOR', 'NO_BUDGET', 'NO_DECISION', 'TIMING'])[1 + id % 5] end,
    closed_at = case when state in ('WON', 'LOST') then first_claimed_at + (2 + id % 60) * interval '1 day' end
where source = 'bench-history';
update sales_lead set campaign = (array['trade-fair-2026', 'webinar-zero-trust', 'web-form', 'partner-day', null])[1 + id % 5]
where source = 'bench' and campaign is null and state in ('PUBLISHED', 'NEW', 'QUALIFIED');
insert into lead_transition (lead_id, at, actor, from_state, to_state, reason)
select id, first_claimed_at + interval '1 day', 'bench.rep', 'CLAIMED', 'RETURNED',
       'RETURNED|bench-' || lpad((1 + id % 200)::text, 3, '0') || '|' || (array['NO_CAPACITY', 'OUT_OF_TERRITORY', 'NOT_QUALIFIED'])[1 + id % 3]
from sales_lead where source = 'bench-history' and state = 'RETURNED';
insert into lead_return (lead_id, partner_key, reason_code, at)
select id, 'bench-' || lpad((1 + id % 200)::text, 3, '0'), (array['NO_CAPACITY', 'OUT_OF_TERRITORY', 'NOT_QUALIFIED'])[1 + id % 3],
       first_claimed_at + interval '1 day'
from sales_lead where source = 'bench-history' and state = 'RETURNED';
insert into lead_exclusion (lead_id, partner_key)
select id, 'bench-' || lpad((1 + id % 200)::text, 3, '0') from sales_lead where source = 'bench-history' and state = 'RETURNED';
insert into sla_breach (partner_key, lead_id, kind, at)
select partner_key, id, 'NO_ACTIVITY', first_claimed_at + interval '2 days' from sales_lead
where source = 'bench-history' and partner_key is not null and id % 97 = 1;
update partner set open_leads = (select count(*) from sales_lead s where s.partner_key = partner.partner_key
                                 and s.state in ('CLAIMED', 'CONTACTED', 'SALES_QUALIFIED', 'PROPOSAL'));

-- the pool's leads open to Silver two hours and to Bronze eight hours after they were published
update sales_lead set silver_from = published_at + interval '2 hours', bronze_from = published_at + interval '8 hours'
where state = 'PUBLISHED';

-- the leads came in by SQL, past the portal's moves: its cockpit builds its kept figures again
delete from cockpit_day;
delete from cockpit_change;
commit;

vacuum analyze;
