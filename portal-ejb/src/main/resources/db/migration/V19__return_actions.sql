-- Each return reason has a follow-up (seed 004): REVIEW (waits for the channel manager), NURTURE
-- (marketing keeps it), OWNER (to the partner that owns the customer), LOST (closed, loss reason GIVEN_BACK).
alter table catalog_entry add column action varchar(20);
update catalog_entry set action = 'REVIEW' where catalog = 'RETURN_REASON';
update catalog_entry set action = 'NURTURE' where catalog = 'RETURN_REASON' and code = 'NOT_QUALIFIED';
update catalog_entry set action = 'OWNER' where catalog = 'RETURN_REASON' and code = 'EXISTING_CUSTOMER';
update catalog_entry set action = 'LOST' where catalog = 'RETURN_REASON' and code = 'CONSUMER';
insert into catalog_entry (catalog, code, label_de, label_en, sort_order, active) values
('LOSS_REASON', 'GIVEN_BACK', 'Zurückgegeben und geschlossen', 'Given back and closed', 8, false); -- set by the follow-up only
