-- The fault tests' data (bench/faults.sh), loaded after the portal migrated its database: 16 Gold
-- partners that fit every lead (all German regions, products and sizes, no capacity limit) and
-- :leads published leads, each of which any of them may claim.
begin;
insert into partner (partner_key, name, tier, capacity)
select 'fault-' || lpad(g::text, 2, '0'), 'Fault Partner ' || g, 'GOLD', 1000000 from generate_series(1, 16) g;
insert into partner_region (partner_key, region_code)
select p.partner_key, r.code from partner p, region r where p.partner_key like 'fault-%' and r.country = 'DE' and r.code <> 'DE';
insert into partner_product (partner_key, product)
select p.partner_key, c.code from partner p, catalog_entry c where p.partner_key like 'fault-%' and c.catalog = 'PRODUCT';
insert into partner_size_focus (partner_key, size_class)
select p.partner_key, s from partner p, unnest(array['SMALL', 'MEDIUM', 'ENTERPRISE']) s where p.partner_key like 'fault-%';
with r as (select array_agg(code order by code) codes, count(*) n from region where country = 'DE' and code <> 'DE'),
     p as (select array_agg(code order by sort_order) codes from catalog_entry where catalog = 'PRODUCT')
insert into sales_lead (state, source, external_id, company_name, size_class, industry, country, region,
                        contact_first_name, contact_last_name, contact_email, product,
                        revenue_amount, revenue_currency, score, handover_reason, published_at, silver_from, bronze_from, created_at)
select 'PUBLISHED', 'faults', 'F' || g, 'Fault Company ' || g, (array['SMALL', 'MEDIUM', 'ENTERPRISE'])[1 + g % 3], 'Manufacturing',
       'DE', r.codes[1 + g % r.n], 'Max', 'Fault', 'max' || g || '@example.com', p.codes[1 + g % 7],
       10000, 'EUR', 50, 'fault test lead', now() - interval '1 hour', now() + interval '1 hour', now() + interval '7 hours',
       now() - interval '1 day'
from generate_series(1, :leads) g, r, p;
commit;
vacuum analyze sales_lead;
vacuum analyze partner;
