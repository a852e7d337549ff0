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

insert into partner_region (partner_key, region_code)
select p, r from (values
    ('nordlicht', 'DE-HH'), ('nordlicht', 'DE-SH'), ('nordlicht', 'DE-NI'), ('nordlicht', 'DE-HB'),
    ('alpenblick', 'DE-BY'), ('alpenblick', 'AT'),
    ('rheinwerk', 'DE-NW'), ('rheinwerk', 'DE-RP')) as demo (p, r)
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
    ('rheinwerk', 'SWITCH-CAMPUS'), ('rheinwerk', 'WIFI-ENTERPRISE'), ('rheinwerk', 'CLOUD-BACKUP')) as demo (p, c)
where not exists (select 1 from partner_product x where x.partner_key = demo.p and x.product = demo.c);

insert into partner_size_focus (partner_key, size_class)
select p, s from (values
    ('nordlicht', 'MEDIUM'), ('nordlicht', 'ENTERPRISE'),
    ('alpenblick', 'SMALL'), ('alpenblick', 'MEDIUM'),
    ('rheinwerk', 'SMALL')) as demo (p, s)
where not exists (select 1 from partner_size_focus x where x.partner_key = demo.p and x.size_class = demo.s);
