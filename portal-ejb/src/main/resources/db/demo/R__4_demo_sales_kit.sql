-- A sales kit for the demo run (seed 003: arguments, offers and services for the product at the moment
-- of the claim): texts for three products, so that a claim in the demo shows what comes with a lead.
-- Only into an empty kit: what a channel manager added is never touched.
insert into sales_kit_item (title, kind, product, body, created_at, created_by)
select t.title, 'TEXT', t.product, t.body, current_timestamp, 'demo'
from (select 'Why our campus switches' as title, 'SWITCH-CAMPUS' as product,
             'PoE budget for every access point on the floor, stacking across buildings, five years of warranty with next-business-day replacement.' as body
      from (values (1)) x
      union all
      select 'Offer: firewall trade-in', 'FIREWALL-NG',
             '20 % off the first year for customers replacing another vendor''s firewall; the partner''s installation is paid by the manufacturer up to 2 days.'
      from (values (1)) x
      union all
      select 'Service: SD-WAN pilot', 'SDWAN',
             'A four-week pilot at two branches, set up by the manufacturer''s engineers together with the partner.'
      from (values (1)) x) t
where not exists (select 1 from sales_kit_item);
