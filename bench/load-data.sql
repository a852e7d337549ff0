-- Benchmark data on PostgreSQL: 200 partners besides the demo ones, and 1,000,000 leads, a fifth
-- of them in the pool. Loaded by bench/run.sh into its own database after the portal migrated it.

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
from generate_series(1, 1000000) g, r, p;

-- the pool's leads open to Silver two hours and to Bronze eight hours after they were published
update sales_lead set silver_from = published_at + interval '2 hours', bronze_from = published_at + interval '8 hours'
where state = 'PUBLISHED';

vacuum analyze;
