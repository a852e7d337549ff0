-- The timeline records why a lead moved as a code with its arguments (MoveReason: CODE|argument|...),
-- so that each page shows it in the reader's language, with names for the codes it carries. The
-- English sentences recorded so far become the same codes.
update lead_transition set reason = 'RECEIVED|' || substring(reason, 15) where reason like 'received from %';
update lead_transition set reason = 'REVIEW|' || substring(reason, 9) where reason like 'review: %';
update lead_transition set reason = 'QUALIFIED' where reason = 'qualified';
update lead_transition set reason = 'PUBLISHED' where reason = 'published to the partner pool';
update lead_transition set reason = 'TAKEN_BACK' where reason = 'taken back from the pool';
update lead_transition set reason = 'CLAIMED|' || substring(reason, 13) where reason like 'claimed for %';
update lead_transition set reason = 'FIRST_CONTACT|' || upper(substring(reason, 16)) where reason like 'first contact: %';
update lead_transition set reason = 'CLOSED|' || substring(reason, 9) where reason like 'closed: %';
-- returned by nordlicht: EXISTING_CUSTOMER
update lead_transition set reason = 'RETURNED|' || replace(substring(reason, 13), ': ', '|')
where reason like 'returned by %: %';
-- taken back from nordlicht: no activity logged within 48 h of the claim
update lead_transition
set reason = 'RECALLED|' || replace(replace(substring(reason, 17), ': no activity logged within ', '|'), ' h of the claim', '')
where reason like 'taken back from %: no activity logged within % h of the claim';
