-- Alerts about the router itself (its DNS settings changed) concern no device.
-- H2 has no partial indexes: the application keeps them one per router, type and dedup key
-- (a router's batches are applied one at a time under its row lock).
alter table alert alter column device_id set null;
create index alert_router_dedup on alert (router_id, type, dedup_key);
