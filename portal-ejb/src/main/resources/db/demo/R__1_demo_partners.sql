-- The demo partners of the contract; their keys are the 'partner' attribute of the demo users.
-- Written to be re-run: a partner already present is left as its admin last saved it.

insert into partner (partner_key, name, tier, capacity)
select 'nordlicht', 'Nordlicht Systemhaus GmbH', 'GOLD', 60
where not exists (select 1 from partner where partner_key = 'nordlicht');
insert into partner (partner_key, name, tier, capacity)
select 'alpenblick', 'Alpenblick IT-Service GmbH', 'SILVER', 50
where not exists (select 1 from partner where partner_key = 'alpenblick');
insert into partner (partner_key, name, tier, capacity)
select 'rheinwerk', 'Rheinwerk Netzwerke KG', 'BRONZE', 45
where not exists (select 1 from partner where partner_key = 'rheinwerk');
-- a fourth partner without demo users, beside nordlicht in Schleswig-Holstein: the prospects of the
-- consent demo choose between the two
insert into partner (partner_key, name, tier, capacity)
select 'kuestennetz', 'Küstennetz IT GmbH', 'BRONZE', 20
where not exists (select 1 from partner where partner_key = 'kuestennetz');

-- where they sit: a prospect chooses partners by name and city
update partner set city = 'Hamburg' where partner_key = 'nordlicht' and city is null;
update partner set city = 'Rosenheim' where partner_key = 'alpenblick' and city is null;
update partner set city = 'Köln' where partner_key = 'rheinwerk' and city is null;
update partner set city = 'Kiel' where partner_key = 'kuestennetz' and city is null;

insert into partner_region (partner_key, region_code)
select p, r from (values
    ('nordlicht', 'DE-HH'), ('nordlicht', 'DE-SH'), ('nordlicht', 'DE-NI'), ('nordlicht', 'DE-HB'),
    ('alpenblick', 'DE-BY'), ('alpenblick', 'AT'),
    ('rheinwerk', 'DE-NW'), ('rheinwerk', 'DE-RP'),
    ('kuestennetz', 'DE-SH')) as demo (p, r)
where not exists (select 1 from partner_region x where x.partner_key = demo.p and x.region_code = demo.r);

insert into partner_certification (partner_key, certification)
select p, c from (values
    ('nordlicht', 'NETWORK-PRO'), ('nordlicht', 'SECURITY-PRO'),
    ('alpenblick', 'NETWORK-PRO')) as demo (p, c)
where not exists (select 1 from partner_certification x where x.partner_key = demo.p and x.certification = demo.c);

insert into partner_product (partner_key, product)
select p, c from (values
    ('nordlicht', 'SWITCH-CAMPUS'), ('nordlicht', 'WIFI-ENTERPRISE'), ('nordlicht', 'FIREWALL-NG'),
    ('nordlicht', 'ZERO-TRUST'), ('nordlicht', 'MANAGED-SOC'),
    ('alpenblick', 'SWITCH-CAMPUS'), ('alpenblick', 'WIFI-ENTERPRISE'), ('alpenblick', 'SDWAN'),
    ('rheinwerk', 'SWITCH-CAMPUS'), ('rheinwerk', 'WIFI-ENTERPRISE'), ('rheinwerk', 'CLOUD-BACKUP'),
    ('kuestennetz', 'SWITCH-CAMPUS'), ('kuestennetz', 'WIFI-ENTERPRISE')) as demo (p, c)
where not exists (select 1 from partner_product x where x.partner_key = demo.p and x.product = demo.c);

insert into partner_size_focus (partner_key, size_class)
select p, s from (values
    ('nordlicht', 'MEDIUM'), ('nordlicht', 'ENTERPRISE'),
    ('alpenblick', 'SMALL'), ('alpenblick', 'MEDIUM'),
    ('rheinwerk', 'SMALL'),
    ('kuestennetz', 'MEDIUM')) as demo (p, s)
where not exists (select 1 from partner_size_focus x where x.partner_key = demo.p and x.size_class = demo.s);

-- the demo users, as the portal would have met them at their first sign-in (names and addresses of the demo realm)
insert into portal_user (username, partner_key, display_name, email, language, first_seen, last_seen)
select u, p, n, e, 'de', current_timestamp, current_timestamp from (values
    ('channel.manager', cast(null as varchar(40)), 'Clara Kanal', 'channel.manager@partner-portal.example'),
    ('north.rep', 'nordlicht', 'Nils Nordmann', 'north.rep@partner-portal.example'),
    ('north.admin', 'nordlicht', 'Nora Nordmann', 'north.admin@partner-portal.example'),
    ('south.rep', 'alpenblick', 'Sepp Huber', 'south.rep@partner-portal.example'),
    ('west.rep', 'rheinwerk', 'Wiebke Westermann', 'west.rep@partner-portal.example')) as demo (u, p, n, e)
where not exists (select 1 from portal_user x where x.username = demo.u);

-- the campaigns the demo leads come from, with what they cost
insert into campaign (code, name, cost_amount, cost_currency, starts_on, ends_on)
select c, n, a, 'EUR', cast(s as date), cast(e as date) from (values
    ('trade-fair-2026', 'Trade fair it-sa 2026', 48000.00, '2026-06-01', '2026-10-31'),
    ('webinar-zero-trust', 'Webinar series Zero Trust', 9500.00, '2026-05-01', '2026-12-31'),
    ('web-form', 'Website contact form', 3000.00, '2026-01-01', '2026-12-31'),
    ('partner-day', 'Partner day 2026', 22000.00, '2026-09-01', '2026-09-30')) as demo (c, n, a, s, e)
where not exists (select 1 from campaign x where x.code = demo.c);
