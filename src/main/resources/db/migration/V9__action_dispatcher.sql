-- Which application instance last claimed an action: several replicas share the outbox.
alter table enforcement_action add column dispatched_by varchar(100);
-- When the router confirmed the change: the latency a subscriber waits is applied_at - requested_at.
alter table enforcement_action add column applied_at timestamp with time zone;
