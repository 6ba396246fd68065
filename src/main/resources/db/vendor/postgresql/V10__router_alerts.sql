-- Alerts about the router itself (its DNS settings changed) concern no device:
-- one per router, type and dedup key.
alter table alert alter column device_id drop not null;
create unique index alert_router_dedup on alert (router_id, type, dedup_key) where device_id is null;
