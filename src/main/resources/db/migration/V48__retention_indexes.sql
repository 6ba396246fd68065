-- Retention deletes each data class's oldest rows in small batches; every batch finds them by their time.
create index telemetry_receipt_received on telemetry_receipt (received_at);
create index device_activity_bucket on device_activity (bucket_start);
create index device_destination_day on device_destination (activity_day);
create index alert_last_seen on alert (last_seen);
create index alert_feedback_alert on alert_feedback (alert_id);
create index enforcement_action_updated on enforcement_action (updated_at);
create index webhook_delivery_created on webhook_delivery (created_at);
create index api_idempotency_created on api_idempotency (created_at);
