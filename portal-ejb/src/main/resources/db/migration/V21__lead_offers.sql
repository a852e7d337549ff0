-- Partners told at once (issue 14): which partner was offered which lead, once each (the first offer
-- is the cockpit's "publish -> first notification"); notifications that go out by mail at once or in a
-- digest, as each user chose.
create table lead_offer (
    lead_id     bigint      not null references sales_lead (id),
    partner_key varchar(40) not null references partner (partner_key),
    offered_at  timestamp with time zone not null,
    primary key (lead_id, partner_key)
);

-- when the notification's mail is due (null: none), and when it was taken to be sent
alter table notification add column mail_due timestamp with time zone;
alter table notification add column mailed_at timestamp with time zone;
create index notification_mail_due on notification (mail_due, mailed_at);

-- how a user wants to hear of a lead offered to its partner: INSTANT, HOURLY, DAILY or NONE (in-app only)
alter table portal_user add column offer_mail varchar(10) default 'INSTANT' not null;

-- "Not for us": a partner declines a lead in its marketplace with a reason from this catalogue; the
-- lead leaves that partner's marketplace (an exclusion, as a return makes one).
insert into catalog_entry (catalog, code, label_de, label_en, sort_order, active) values
('DECLINE_REASON', 'WRONG_REGION', 'Falsche Region', 'Wrong region', 1, true),
('DECLINE_REASON', 'NO_CAPACITY', 'Keine Kapazität', 'No capacity', 2, true),
('DECLINE_REASON', 'NOT_OUR_PRODUCT', 'Nicht unser Produkt', 'Not our product', 3, true),
('DECLINE_REASON', 'TOO_SMALL', 'Zu klein', 'Too small', 4, true),
('DECLINE_REASON', 'EXISTING_RELATIONSHIP', 'Bestehende Beziehung', 'Existing relationship', 5, true),
('DECLINE_REASON', 'OTHER', 'Anderer Grund', 'Other', 6, true);

create table lead_decline (
    lead_id     bigint       not null references sales_lead (id),
    partner_key varchar(40)  not null references partner (partner_key),
    reason_code varchar(40)  not null,
    username    varchar(100) not null,
    at          timestamp with time zone not null,
    primary key (lead_id, partner_key)
);
create index lead_decline_by_partner on lead_decline (partner_key, lead_id);
