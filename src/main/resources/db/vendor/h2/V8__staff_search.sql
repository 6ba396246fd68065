-- Staff console indexes for the embedded development database, which has no operator classes
-- or expression indexes; PostgreSQL gets prefix-capable ones (db/vendor/postgresql).
create index household_name on household (display_name);
create index device_mac on device (mac);
create index device_ip_address on device (ip_address);
create index alert_created on alert (created_at);
create index enforcement_action_router_state on enforcement_action (router_id, state);
create index audit_entry_occurred on audit_entry (occurred_at);
create index alert_status_type on alert (status, type);
