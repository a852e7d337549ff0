-- pgbench baseline: the claim's conditional update and its history row, in one statement, on pool
-- leads of the bench partners (every fifth bench lead is in the pool); keep in step with ClaimService.java.
\set k random(1, 200000)
with claimed as (
    update sales_lead set state = 'CLAIMED', partner_key = 'bench-001', claimed_at = now(), version = version + 1
    where source = 'bench' and external_id = 'B' || (:k * 5) and state = 'PUBLISHED'
    returning id)
insert into lead_transition (lead_id, at, actor, from_state, to_state, reason)
select id, now(), 'bench', 'PUBLISHED', 'CLAIMED', 'claimed for bench-001' from claimed;
