-- Appends no longer lock the chain head: an entry is written unsealed and the sealer chains
-- entries in batches, giving each its place in the chain (chain_position) and its hashes.
alter table audit_entry add column chain_position bigint;
alter table audit_entry alter column previous_hash drop not null;
alter table audit_entry alter column hash drop not null;
update audit_entry set chain_position = r.position
  from (select id, row_number() over (order by id) as position from audit_entry) r
  where r.id = audit_entry.id;
create unique index audit_entry_chain_position on audit_entry (chain_position);
create index audit_entry_unsealed on audit_entry (id) where chain_position is null;

alter table audit_chain_head add column last_position bigint not null default 0;
update audit_chain_head set last_position = (select count(*) from audit_entry);
