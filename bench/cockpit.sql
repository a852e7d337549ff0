-- pgbench: the cockpit summary's figures for the whole channel, last 90 days, as plain SQL aggregates
-- over the lead tables: the baseline of GET /api/cockpit/summary. The same statements the summary runs.
select count(*), sum(case when l.reached_stage >= 1 then 1 else 0 end), sum(case when l.reached_stage >= 2 then 1 else 0 end),
       sum(case when l.reached_stage >= 3 then 1 else 0 end), sum(case when l.reached_stage >= 4 then 1 else 0 end),
       sum(case when l.reached_stage >= 5 then 1 else 0 end), sum(case when l.state = 'LOST' then 1 else 0 end),
       sum(case when l.state <> 'LOST' then l.expected_revenue_amount * e.to_eur end), sum(l.won_revenue_amount * w.to_eur)
from sales_lead l left join currency_rate e on e.currency = l.expected_revenue_currency
     left join currency_rate w on w.currency = l.won_revenue_currency
where l.published_at >= now() - interval '90 days' and l.published_at < now();
select l.loss_reason_code, count(*) from sales_lead l where l.published_at >= now() - interval '90 days' and l.published_at < now()
  and l.state = 'LOST' and l.loss_reason_code is not null group by l.loss_reason_code;
select distinct t.lead_id, t.reason from lead_transition t join sales_lead l on l.id = t.lead_id
where t.to_state = 'RETURNED' and t.reason like 'RETURNED|%|%' and l.published_at >= now() - interval '90 days' and l.published_at < now();
select count(distinct b.lead_id) from sla_breach b join sales_lead l on l.id = b.lead_id
where l.published_at >= now() - interval '90 days' and l.published_at < now();
select percentile_cont(0.5) within group (order by extract(epoch from (l.first_claimed_at - l.published_at))),
       percentile_cont(0.9) within group (order by extract(epoch from (l.first_claimed_at - l.published_at)))
from sales_lead l where l.first_claimed_at is not null and l.published_at >= now() - interval '90 days' and l.published_at < now();
select percentile_cont(0.5) within group (order by extract(epoch from (l.first_contact_at - l.first_claimed_at))),
       percentile_cont(0.9) within group (order by extract(epoch from (l.first_contact_at - l.first_claimed_at)))
from sales_lead l where l.first_contact_at is not null and l.first_claimed_at is not null and l.published_at >= now() - interval '90 days' and l.published_at < now();
select percentile_cont(0.5) within group (order by extract(epoch from (l.closed_at - l.first_claimed_at))),
       percentile_cont(0.9) within group (order by extract(epoch from (l.closed_at - l.first_claimed_at)))
from sales_lead l where l.closed_at is not null and l.first_claimed_at is not null and l.published_at >= now() - interval '90 days'
  and l.published_at < now() and l.state in ('WON', 'LOST');
select l.campaign, max(c.name), count(*), sum(case when l.state = 'WON' then 1 else 0 end), sum(l.won_revenue_amount * w.to_eur),
       max(c.cost_amount * k.to_eur)
from sales_lead l left join currency_rate w on w.currency = l.won_revenue_currency left join campaign c on c.code = l.campaign
     left join currency_rate k on k.currency = c.cost_currency
where l.campaign is not null and l.published_at >= now() - interval '90 days' and l.published_at < now() group by l.campaign;
select l.partner_key, count(*), sum(case when l.reached_stage >= 1 then 1 else 0 end), sum(case when l.state = 'WON' then 1 else 0 end),
       sum(case when l.state <> 'LOST' then l.expected_revenue_amount * e.to_eur end), sum(l.won_revenue_amount * w.to_eur)
from sales_lead l left join currency_rate e on e.currency = l.expected_revenue_currency left join currency_rate w on w.currency = l.won_revenue_currency
where l.published_at >= now() - interval '90 days' and l.published_at < now() and l.partner_key is not null group by l.partner_key;
select l.region, count(*), sum(case when l.reached_stage >= 1 then 1 else 0 end), sum(case when l.state = 'WON' then 1 else 0 end),
       sum(case when l.state <> 'LOST' then l.expected_revenue_amount * e.to_eur end), sum(l.won_revenue_amount * w.to_eur)
from sales_lead l left join currency_rate e on e.currency = l.expected_revenue_currency left join currency_rate w on w.currency = l.won_revenue_currency
where l.published_at >= now() - interval '90 days' and l.published_at < now() group by l.region;
select l.product, count(*), sum(case when l.reached_stage >= 1 then 1 else 0 end), sum(case when l.state = 'WON' then 1 else 0 end),
       sum(case when l.state <> 'LOST' then l.expected_revenue_amount * e.to_eur end), sum(l.won_revenue_amount * w.to_eur)
from sales_lead l left join currency_rate e on e.currency = l.expected_revenue_currency left join currency_rate w on w.currency = l.won_revenue_currency
where l.published_at >= now() - interval '90 days' and l.published_at < now() group by l.product;
select cast(l.published_at as date), count(*), sum(case when l.state = 'WON' then 1 else 0 end)
from sales_lead l where l.published_at >= now() - interval '90 days' and l.published_at < now() group by cast(l.published_at as date);
