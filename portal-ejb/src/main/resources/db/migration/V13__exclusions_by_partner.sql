-- The marketplace leaves out the leads a partner gave back or lost to the SLA: read by partner, on
-- every page of its feed. Without this index each page scanned every partner's exclusions.
create index lead_exclusion_by_partner on lead_exclusion (partner_key, lead_id);
