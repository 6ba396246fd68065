-- Which application instance last claimed an action: several replicas share the outbox.
alter table enforcement_action add column dispatched_by varchar(100);
