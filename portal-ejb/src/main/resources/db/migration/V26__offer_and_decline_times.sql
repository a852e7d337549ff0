-- The cockpit reads the seconds from publishing to the first offer and the declines by source from the
-- offers and declines of its period (they happen after the lead's publishing): by their time, so that
-- a view reads the period's offers, not every lead of the period (at 1M leads PostgreSQL had merged
-- the offers with the whole lead table by id, 1.3 s a view).
create index lead_offer_by_time on lead_offer (offered_at, lead_id);
create index lead_decline_by_time on lead_decline (at, lead_id);
