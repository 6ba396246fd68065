-- Staff console: find a household in milliseconds among millions, and read the fleet without full scans.
-- text_pattern_ops lets a b-tree answer "starts with" (LIKE 'abc%') whatever the database collation.
create index household_account_prefix on household (account_number text_pattern_ops);
create index household_name_prefix on household (lower(display_name) text_pattern_ops);
create index router_serial_prefix on router (serial_number text_pattern_ops);
create index device_mac on device (mac);
create index device_ip_address on device (ip_address);

-- Fleet views and alert search
create index alert_created on alert (created_at);
create index alert_indicator_prefix on alert (lower(indicator) text_pattern_ops);
create index enforcement_action_router_state on enforcement_action (router_id, state);

-- Audit export by time range
create index audit_entry_occurred on audit_entry (occurred_at);
create index alert_status_type on alert (status, type);
