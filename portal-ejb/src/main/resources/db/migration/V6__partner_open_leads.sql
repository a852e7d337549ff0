-- How many leads each partner holds open (claimed and still worked on), kept beside its capacity:
-- a claim checks and counts up in one conditional update of the partner's row, instead of counting
-- the partner's leads while it holds that row's lock. Open states as in LeadState.OPEN.
alter table partner add column open_leads integer default 0 not null;
alter table partner add constraint partner_open_leads_not_negative check (open_leads >= 0);
update partner set open_leads = (select count(*) from sales_lead s where s.partner_key = partner.partner_key
                                 and s.state in ('CLAIMED', 'CONTACTED', 'SALES_QUALIFIED', 'PROPOSAL'));
