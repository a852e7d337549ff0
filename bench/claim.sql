-- pgbench baseline: one claim as the portal runs it on PostgreSQL, one statement in one
-- transaction: the conditional update with the marketplace's rules, the history row, the cockpit's
-- mark, the audit of the contact's reveal, the lead read back with its timeline for the answer, the
-- partner's count of open leads; keep in step with ClaimService.java and LeadHistory.java. run.sh
-- also runs it without the line of the audit, to measure what the audit costs. Each client claims the next lead of its own share
-- of bench_claim_plan (lead, partner), so that no lead is tried twice. Run with -M prepared, as the
-- portal runs its statements, and -D i=0 -D clients=N.
\set i :i + 1
\set n :client_id + 1 + (:i - 1) * :clients
select lead_id, partner_key from bench_claim_plan where n = :n \gset
begin;
with taken as (update sales_lead l set state = 'CLAIMED', partner_key = :partner_key, claimed_at = now(), version = version + 1
               where l.id = :lead_id and l.state = 'PUBLISHED'
                 and l.region in (select rg.code from region rg join partner_region pr
                                    on pr.partner_key = :partner_key and pr.region_code in (rg.code, rg.country))
                 and l.product in (select pp.product from partner_product pp where pp.partner_key = :partner_key)
                 and l.size_class in (select sf.size_class from partner_size_focus sf where sf.partner_key = :partner_key)
                 and (l.required_certification is null or l.required_certification in
                          (select c.certification from partner_certification c where c.partner_key = :partner_key))
                 and l.id not in (select e.lead_id from lead_exclusion e where e.partner_key = :partner_key)
                 and exists (select 1 from partner t where t.partner_key = :partner_key
                             and (t.absent_from is null or t.absent_from > current_date or t.absent_until < current_date)
                             and (t.tier = 'GOLD' and l.published_at <= now()
                                  or t.tier = 'SILVER' and l.silver_from <= now()
                                  or t.tier = 'BRONZE' and l.bronze_from <= now()))
               returning l.*),
     moved as (insert into lead_transition (lead_id, at, actor, from_state, to_state, reason)
               select id, now(), 'pgbench', 'PUBLISHED', 'CLAIMED', 'CLAIMED|' || :partner_key from taken
               returning id, at, actor, from_state, to_state, reason),
     marked as (insert into cockpit_change (lead_id) select id from taken),
     audited as (insert into personal_data_access (lead_id, at, username, partner_key, how) select id, now(), 'pgbench', :partner_key, 'CLAIM' from taken),
     counted as (update partner set open_leads = open_leads + 1
                 where partner_key = :partner_key and open_leads < capacity and exists (select 1 from taken)
                 returning partner_key)
select l.id, l.state, l.source, l.external_id, l.campaign,
       l.company_name, l.size_class, l.industry, l.country, l.region,
       l.contact_first_name, l.contact_last_name, l.contact_email, l.contact_phone, l.contact_street,
       l.contact_postal_code, l.contact_city,
       l.product, l.required_certification, l.revenue_amount, l.revenue_currency, l.score, l.buying_signals,
       l.handover_reason, l.prospect_asked, l.promised, l.next_step, l.review_note,
       l.partner_key, l.published_at, l.claimed_at, l.last_activity_at, l.created_at,
       t.at, t.actor, t.from_state, t.to_state, t.reason, (select count(*) from counted) as counted
from taken l left join (select m.id, m.at, m.actor, m.from_state, m.to_state, m.reason
                        from lead_transition m where m.lead_id = :lead_id
                        union all select * from moved) t on true
order by t.at, t.id;
commit;
