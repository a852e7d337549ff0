-- pgbench baseline: the three statements of one marketplace page as the portal runs them for the
-- Gold demo partner: the count, and the page's ids with their cards (the portal reads the cards in a
-- second round trip); keep in step with Marketplace.java.
\set page random(0, 49)
select count(*) from sales_lead l
where l.published_at <= now() and l.state = 'PUBLISHED'
  and l.region in (select rg.code from region rg join partner_region pr
                     on pr.partner_key = 'nordlicht' and pr.region_code in (rg.code, rg.country))
  and l.product in (select pp.product from partner_product pp where pp.partner_key = 'nordlicht')
  and l.size_class in (select sf.size_class from partner_size_focus sf where sf.partner_key = 'nordlicht')
  and (l.required_certification is null or l.required_certification in
           (select c.certification from partner_certification c where c.partner_key = 'nordlicht'))
  and l.id not in (select e.lead_id from lead_exclusion e where e.partner_key = 'nordlicht');
with page as (
select l.id,
       case when l.region in (select x.region_code from partner_region x where x.partner_key = 'nordlicht')
            then 1 else 0 end as own_region, l.score, l.published_at
from sales_lead l
where l.state = 'PUBLISHED' and l.published_at <= now()
  and l.region in (select rg.code from region rg join partner_region pr
                     on pr.partner_key = 'nordlicht' and pr.region_code in (rg.code, rg.country))
  and l.product in (select pp.product from partner_product pp where pp.partner_key = 'nordlicht')
  and l.size_class in (select sf.size_class from partner_size_focus sf where sf.partner_key = 'nordlicht')
  and (l.required_certification is null or l.required_certification in
           (select c.certification from partner_certification c where c.partner_key = 'nordlicht'))
  and l.id not in (select e.lead_id from lead_exclusion e where e.partner_key = 'nordlicht')
order by own_region desc, l.score desc, l.published_at, l.id
offset :page * 20 limit 20)
select l.id, l.source, l.campaign, l.company_name, l.size_class, l.industry, l.country, l.region,
       l.product, l.required_certification, l.revenue_amount, l.revenue_currency, l.score,
       l.buying_signals, l.handover_reason, l.prospect_asked, l.promised, l.next_step, l.published_at
from page join sales_lead l on l.id = page.id
order by page.own_region desc, page.score desc, page.published_at, page.id;
